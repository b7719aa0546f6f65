"""The DCAT-AP catalogue, read back with rdflib as a harvester would."""

import datetime

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
EU = "http://publications.europa.eu/resource/authority/"


def _graph(client, url, fmt, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    return response, Graph().parse(data=response.content.decode(), format=fmt)


def _datasets(graph):
    return {
        str(graph.value(node, DCTERMS.identifier)): node for node in graph.subjects(RDF.type, DCAT.Dataset)
    }


def test_jsonld_lists_one_dataset_per_collection_and_year(client, published):
    response, graph = _graph(client, "/data/catalog.jsonld", "json-ld")
    assert response["Content-Type"].startswith("application/ld+json")
    names = set(_datasets(graph))
    assert {"apbdes-baris-2024", "apbdes-baris-2025", "apbdes-ringkasan-2025", "kim", "kunjungan"} <= names
    assert "ppid-statistik" in names


def test_turtle_and_jsonld_hold_the_same_triples(client, published):
    _, turtle = _graph(client, "/data/catalog.ttl", "turtle")
    _, jsonld = _graph(client, "/data/catalog.jsonld", "json-ld")
    assert len(turtle) == len(jsonld) > 100
    assert set(_datasets(turtle)) == set(_datasets(jsonld))


@pytest.mark.parametrize(
    ("accept", "content_type", "fmt"),
    [("text/turtle", "text/turtle", "turtle"), ("application/ld+json", "application/ld+json", "json-ld")],
)
def test_one_address_answers_by_accept(client, published, accept, content_type, fmt):
    response, graph = _graph(client, "/data/catalog", fmt, HTTP_ACCEPT=accept)
    assert response["Content-Type"].startswith(content_type)
    assert "Accept" in response["Vary"]
    assert len(_datasets(graph)) >= 5


def test_yearly_dataset_carries_the_dcat_ap_metadata(client, published):
    _, graph = _graph(client, "/data/catalog.ttl", "turtle")
    node = _datasets(graph)["apbdes-baris-2025"]
    publisher = graph.value(node, DCTERMS.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Pemerintah Kabupaten Bojonegoro"
    assert graph.value(node, DCTERMS.accrualPeriodicity) == URIRef(EU + "frequency/ANNUAL")
    assert URIRef(EU + "data-theme/GOVE") in set(graph.objects(node, DCAT.theme))
    assert "APBDes" in {str(k) for k in graph.objects(node, DCAT.keyword)}
    period = graph.value(node, DCTERMS.temporal)
    assert str(graph.value(period, DCAT.startDate)) == "2025-01-01"
    assert str(graph.value(period, DCAT.endDate)) == "2025-12-31"
    spatial = graph.value(node, DCTERMS.spatial)
    assert str(graph.value(spatial, DCTERMS.identifier)) == "35.22"
    assert graph.value(node, DCTERMS.modified) is not None
    assert graph.value(node, DCTERMS.issued) is not None
    contact = graph.value(node, DCAT.contactPoint)
    assert graph.value(contact, VCARD.fn) is not None


def test_distributions_link_each_download_with_licence_and_format(client, published):
    _, graph = _graph(client, "/data/catalog.ttl", "turtle")
    node = _datasets(graph)["apbdes-ringkasan-2024"]
    downloads = {str(graph.value(d, DCAT.downloadURL)): d for d in graph.objects(node, DCAT.distribution)}
    assert BASE + "/apbdes/2024/ringkasan.csv" in downloads
    assert BASE + "/apbdes/2024/ringkasan.json" in downloads
    csv = downloads[BASE + "/apbdes/2024/ringkasan.csv"]
    assert graph.value(csv, DCTERMS.format) == URIRef(EU + "file-type/CSV")
    assert graph.value(csv, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_producer_and_walidata_are_named(client, published):
    _, graph = _graph(client, "/data/catalog.ttl", "turtle")
    node = _datasets(graph)["apbdes-baris-2024"]
    creator = graph.value(node, DCTERMS.creator)
    assert str(graph.value(creator, FOAF.name)) == "Pemerintah desa"
    roles = {
        str(graph.value(a, DCAT.hadRole)).rsplit("/", 1)[-1]: graph.value(a, PROV.agent)
        for a in graph.objects(node, PROV.qualifiedAttribution)
    }
    assert set(roles) == {"originator", "custodian"}
    assert str(graph.value(roles["custodian"], FOAF.name)) == "Dinas Komunikasi dan Informatika"


def test_publisher_follows_the_region_setting(client, settings, published):
    settings.REGION_CODE = "33.71"
    _, graph = _graph(client, "/data/catalog.ttl", "turtle")
    node = _datasets(graph)["kunjungan"]
    assert str(graph.value(graph.value(node, DCTERMS.publisher), FOAF.name)) == "Pemerintah Kota Magelang"


def test_issued_is_the_first_publication_and_modified_the_last_change(client, published):
    from django.utils import timezone

    from ogp.models import BudgetVersion
    from visits.models import Visit

    first = timezone.make_aware(datetime.datetime(2017, 9, 19, 9, 0))
    Visit.objects.update(publish_at=first)
    BudgetVersion.objects.filter(budget__year=2024).update(published_at=first.replace(year=2024, month=1))
    _response, graph = _graph(client, "/data/catalog.jsonld", "json-ld")
    found = _datasets(graph)
    visits = found["kunjungan"]
    assert str(graph.value(visits, DCTERMS.issued)) == "2017-09-19T09:00:00+07:00"
    assert str(graph.value(visits, DCTERMS.modified)) > "2025"
    assert str(graph.value(found["apbdes-baris-2024"], DCTERMS.issued)).startswith("2024-01-19T09:00")
    assert not str(graph.value(found["apbdes-baris-2025"], DCTERMS.issued)).startswith("2024-01")
    for node in found.values():
        issued, modified = graph.value(node, DCTERMS.issued), graph.value(node, DCTERMS.modified)
        assert issued is not None and modified is not None
        assert str(issued) <= str(modified)
    package = client.get("/api/3/action/package_show?id=kunjungan").json()["result"]
    assert package["metadata_created"] == "2017-09-19T09:00:00+07:00"
    assert package["metadata_modified"] > package["metadata_created"]
