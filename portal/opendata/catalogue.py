"""The catalogue's entries: one per published collection, or per collection and year.

A registered dataset whose downloads carry a year is split into one entry per
year (``apbdes-baris-2025``); the others give one entry each. Entries are what
DCAT, CKAN and the data packages describe, so the three always agree.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from portal import datasets, wilayah

FORMATS = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@dataclass(frozen=True)
class Entry:
    name: str  # "apbdes-baris-2025", "kunjungan": the CKAN name and the DCAT identifier
    dataset: datasets.Dataset
    year: int | None
    downloads: tuple
    modified: object  # date, datetime or None: the last change
    issued: object = None  # date, datetime or None: the first publication

    @property
    def title(self):
        title = str(self.dataset.title)
        return f"{title} {self.year}" if self.year else title

    @property
    def description(self):
        return str(self.dataset.description)

    @property
    def producer(self):
        return datasets.producer(self.dataset.producer)

    @property
    def temporal(self):
        """(start, end) dates of the year covered, or None."""
        if self.year is None:
            return None
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    def download(self, fmt):
        return next((d for d in self.downloads if d.format == fmt), None)


def _with_xlsx(name, dataset, downloads, year):
    """The downloads plus the typed XLSX copy of the CSV, where the dataset has a Table Schema."""
    downloads = tuple(downloads)
    if dataset.fields and any(d.format == "csv" for d in downloads):
        downloads += (datasets.Download("XLSX", reverse("opendata:xlsx", args=[name]), "xlsx", year),)
    return downloads


def entries():
    """Every entry, in registry order and newest year first (a fixed number of queries)."""
    result = []
    for dataset in datasets.datasets():
        downloads = datasets.downloads_of(dataset)
        modified = dataset.last_updated()
        issued = dataset.issued()
        years = list(dict.fromkeys(d.year for d in downloads if d.year is not None))
        if not years:
            own = _with_xlsx(dataset.key, dataset, downloads, None)
            result.append(Entry(dataset.key, dataset, None, own, modified, issued))
            continue
        for year in years:
            name = f"{dataset.key}-{year}"
            own = _with_xlsx(name, dataset, [d for d in downloads if d.year == year], year)
            first = issued.get(year) if isinstance(issued, dict) else issued
            result.append(Entry(name, dataset, year, own, modified, first))
    return result


def entry(name):
    """The entry named ``name``, or None."""
    return next((e for e in entries() if e.name == name), None)


def regency():
    return wilayah.deployment()


def office():
    """The walidata (Perpres 39/2019): the office running the portal, with its contact."""
    return {
        "name": settings.OFFICE_NAME,
        "email": settings.OFFICE_EMAIL,
        "phone": settings.OFFICE_PHONE,
        "address": settings.OFFICE_ADDRESS,
    }


def iso(value):
    """ISO 8601 with the portal's offset for datetimes (+07:00), plain for dates."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()
