"""Frictionless data packages (`/data/<name>/datapackage.json`): each entry's files and Table Schema.

The schema is the ``fields`` list the app registered; CSV and XLSX resources
carry it, the JSON copy is listed beside them. Numbers in the CSV files have no
thousands separator, booleans are spelled as each field's ``trueValues`` and
``falseValues`` say, times are ISO 8601.
"""

from portal import datasets

from . import catalogue

TABULAR = ("csv", "xlsx")


def table_schema(dataset):
    fields = [{**field, "description": str(field["description"])} for field in dataset.fields]
    return {"fields": fields, "missingValues": [""]}


def _resource(base, entry, download):
    label, media_type = catalogue.FORMATS.get(download.format, (download.format.upper(), ""))
    resource = {
        "name": f"{entry.name}-{download.format}",
        "title": f"{entry.title} ({label})",
        "path": base + download.url,
        "format": download.format,
        "mediatype": media_type,
    }
    if download.format in TABULAR and entry.dataset.fields:
        resource["profile"] = "tabular-data-resource"
        resource["schema"] = table_schema(entry.dataset)
        if download.format == "csv":
            resource["encoding"] = "utf-8-sig"
            resource["dialect"] = {"delimiter": ",", "header": True}
    return resource


def datapackage(base, entry):
    """The ``datapackage.json`` of a catalogue entry, with absolute resource paths under ``base``."""
    regency = catalogue.regency()
    package = {
        "profile": "data-package",
        "name": entry.name,
        "title": entry.title,
        "description": entry.description,
        "homepage": base + (entry.dataset.page_url() or "/data/"),
        "keywords": list(entry.dataset.keywords),
        "licenses": [{"name": "CC-BY-4.0", "path": datasets.LICENCE_URL, "title": str(datasets.LICENCE)}],
        "sources": [{"title": regency.government_name, "path": base + "/data/"}],
        "resources": [_resource(base, entry, d) for d in entry.downloads],
    }
    if entry.producer:
        package["contributors"] = [{"title": str(entry.producer.title), "role": "author"}]
    if entry.issued or entry.modified:
        package["created"] = catalogue.iso(entry.issued or entry.modified)
    return package
