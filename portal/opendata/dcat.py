"""The catalogue as DCAT-AP 3 (`/data/catalog.jsonld`, `/data/catalog.ttl`).

Publisher is the regional government; the contact point and walidata the
office running the portal; each dataset's producer (*produsen data*,
Perpres 39/2019) is its ``dct:creator``. Both Satu Data roles are also given
as PROV qualified attributions (DCAT 3) with the ISO 19115 role codes ``originator``
(producer) and ``custodian`` (walidata). Spatial coverage is the region's
Kemendagri code, themes and frequencies come from the EU vocabularies that
DCAT-AP uses.
"""

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, SKOS, XSD

from . import catalogue

EU = "http://publications.europa.eu/resource/authority/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
ROLE = Namespace("http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/")
LOCAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
LANGUAGE = URIRef(EU + "language/IND")
CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "prov": str(PROV),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def _date(value):
    text = catalogue.iso(value)
    return Literal(text, datatype=XSD.dateTime if "T" in text else XSD.date)


class CatalogueGraph:
    """Builds the RDF graph of every catalogue entry under one base address."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.graph = Graph(bind_namespaces="core")
        for prefix, namespace in CONTEXT.items():
            self.graph.bind(prefix, namespace)
        self.regency = catalogue.regency()
        self.publisher = self._agent("#pemerintah", self.regency.government_name)
        self.graph.add((self.publisher, DCTERMS.type, LOCAL_AUTHORITY))
        self.walidata = self._agent("#walidata", catalogue.office()["name"])
        self.contact = self._contact()
        self.spatial = self._spatial()

    def uri(self, path):
        return URIRef(self.base + path)

    def _agent(self, fragment, name):
        agent = self.uri("/data/" + fragment)
        self.graph.add((agent, RDF.type, FOAF.Organization))
        self.graph.add((agent, FOAF.name, Literal(str(name))))
        return agent

    def _contact(self):
        office = catalogue.office()
        contact = self.uri("/data/#kontak")
        self.graph.add((contact, RDF.type, VCARD.Organization))
        self.graph.add((contact, VCARD.fn, Literal(office["name"])))
        if office["email"]:
            self.graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + office["email"])))
        if office["phone"]:
            self.graph.add((contact, VCARD.hasTelephone, Literal(office["phone"])))
        self.graph.add((contact, VCARD.hasURL, self.uri("/data/")))
        return contact

    def _spatial(self):
        place = self.uri(f"/wilayah/{self.regency.code}/")
        self.graph.add((place, RDF.type, DCTERMS.Location))
        self.graph.add((place, DCTERMS.identifier, Literal(self.regency.code)))
        self.graph.add((place, SKOS.prefLabel, Literal(self.regency.full_name)))
        self.graph.add((place, SKOS.notation, Literal(self.regency.code)))
        return place

    def _attribution(self, node, agent, role):
        attribution = BNode()
        self.graph.add((node, PROV.qualifiedAttribution, attribution))
        self.graph.add((attribution, RDF.type, PROV.Attribution))
        self.graph.add((attribution, PROV.agent, agent))
        self.graph.add((attribution, DCAT.hadRole, ROLE[role]))

    def build(self, entries):
        catalog = self.uri("/data/catalog")
        g = self.graph
        g.add((catalog, RDF.type, DCAT.Catalog))
        g.add((catalog, DCTERMS.title, Literal(f"Data terbuka {self.regency.government_name}", lang="id")))
        g.add((catalog, DCTERMS.description, Literal(self.regency.government_name)))
        g.add((catalog, DCTERMS.publisher, self.publisher))
        g.add((catalog, DCTERMS.license, LICENCE))
        g.add((catalog, DCTERMS.language, LANGUAGE))
        g.add((catalog, DCTERMS.spatial, self.spatial))
        g.add((catalog, FOAF.homepage, self.uri("/data/")))
        for entry in entries:
            g.add((catalog, DCAT.dataset, self.dataset(entry)))
        return g

    def dataset(self, entry):
        g = self.graph
        node = self.uri(f"/data/{entry.name}/")
        g.add((node, RDF.type, DCAT.Dataset))
        g.add((node, DCTERMS.identifier, Literal(entry.name)))
        g.add((node, DCTERMS.title, Literal(entry.title)))
        g.add((node, DCTERMS.description, Literal(entry.description)))
        g.add((node, DCTERMS.publisher, self.publisher))
        g.add((node, DCAT.contactPoint, self.contact))
        g.add((node, DCTERMS.spatial, self.spatial))
        g.add((node, DCTERMS.accrualPeriodicity, URIRef(EU + "frequency/" + entry.dataset.frequency)))
        g.add((node, DCTERMS.language, LANGUAGE))
        g.add((node, DCTERMS.conformsTo, self.uri(f"/data/{entry.name}/datapackage.json")))
        g.add((node, DCAT.landingPage, self.uri(entry.dataset.page_url() or "/data/")))
        for theme in entry.dataset.themes:
            g.add((node, DCAT.theme, URIRef(EU + "data-theme/" + theme)))
        for keyword in entry.dataset.keywords:
            g.add((node, DCAT.keyword, Literal(keyword, lang="id")))
        if entry.modified:
            g.add((node, DCTERMS.modified, _date(entry.modified)))
        if entry.issued:
            g.add((node, DCTERMS.issued, _date(entry.issued)))
        self._provenance(node, entry)
        if entry.temporal:
            period = BNode()
            g.add((node, DCTERMS.temporal, period))
            g.add((period, RDF.type, DCTERMS.PeriodOfTime))
            g.add((period, DCAT.startDate, Literal(entry.temporal[0])))
            g.add((period, DCAT.endDate, Literal(entry.temporal[1])))
        for download in entry.downloads:
            g.add((node, DCAT.distribution, self.distribution(entry, download)))
        return node

    def _provenance(self, node, entry):
        producer = entry.producer
        if producer is not None:
            agent = self._agent(f"#organisasi-{producer.key}", producer.title)
            self.graph.add((node, DCTERMS.creator, agent))
            self._attribution(node, agent, "originator")
        self._attribution(node, self.walidata, "custodian")

    def distribution(self, entry, download):
        g = self.graph
        label, media_type = catalogue.FORMATS.get(download.format, (download.format.upper(), ""))
        node = self.uri(download.url + "#distribusi")
        g.add((node, RDF.type, DCAT.Distribution))
        g.add((node, DCTERMS.title, Literal(f"{entry.title} ({label})")))
        g.add((node, DCAT.accessURL, self.uri(download.url)))
        g.add((node, DCAT.downloadURL, self.uri(download.url)))
        g.add((node, DCTERMS.format, URIRef(EU + "file-type/" + label)))
        if media_type:
            g.add(
                (node, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/" + media_type))
            )
        g.add((node, DCTERMS.license, LICENCE))
        g.add((node, ADMS.status, URIRef(EU + "distribution-status/COMPLETED")))
        if entry.modified:
            g.add((node, DCTERMS.modified, _date(entry.modified)))
        return node


def catalogue_graph(base):
    return CatalogueGraph(base).build(catalogue.entries())


def serialize(graph, fmt):
    if fmt == "json-ld":
        return graph.serialize(format="json-ld", context=CONTEXT, auto_compact=True)
    return graph.serialize(format="turtle")
