"""schema.org JSON-LD for pages: the government as ``GovernmentOrganization`` and
the catalogue as a ``DataCatalog`` of ``Dataset``s with their ``DataDownload``s."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal import datasets

from . import catalogue


def organisation(base):
    regency = catalogue.regency()
    office = catalogue.office()
    node = {
        "@type": "GovernmentOrganization",
        "@id": base + "/#pemerintah",
        "name": regency.government_name,
        "url": base + "/",
        "areaServed": {"@type": "AdministrativeArea", "name": regency.full_name, "identifier": regency.code},
        "department": {"@type": "GovernmentOrganization", "name": office["name"], "url": base + "/tentang/"},
    }
    if office["email"]:
        node["email"] = office["email"]
    if office["phone"]:
        node["telephone"] = office["phone"]
    return node


def dataset(base, entry):
    node = {
        "@type": "Dataset",
        "@id": f"{base}/data/{entry.name}/",
        "name": entry.title,
        "description": entry.description,
        "url": base + (entry.dataset.page_url() or "/data/"),
        "license": datasets.LICENCE_URL,
        "isAccessibleForFree": True,
        "keywords": list(entry.dataset.keywords),
        "creator": {"@id": base + "/#pemerintah"},
        "spatialCoverage": {"@type": "Place", "name": catalogue.regency().full_name},
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": catalogue.FORMATS.get(d.format, ("", d.format))[1],
                "contentUrl": base + d.url,
            }
            for d in entry.downloads
        ],
    }
    if entry.temporal:
        node["temporalCoverage"] = f"{entry.temporal[0].isoformat()}/{entry.temporal[1].isoformat()}"
    if entry.modified:
        node["dateModified"] = catalogue.iso(entry.modified)
    return node


def script(data):
    """A ``<script type="application/ld+json">`` block; ``<``, ``>`` and ``&`` escaped as in json_script."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def catalogue_script(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return script(
        {
            "@type": "DataCatalog",
            "name": f"Data terbuka {catalogue.regency().government_name}",
            "url": base + "/data/",
            "publisher": organisation(base),
            "dataset": [dataset(base, entry) for entry in catalogue.entries()],
        }
    )
