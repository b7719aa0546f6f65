"""The open data catalogue (`/data/`): every downloadable dataset of the portal.

Each app describes its datasets in a module named ``datasets`` (discovered at
start-up like panels)::

    datasets.register(datasets.Dataset(
        key="kunjungan", title=_("Benchmarking visits"), order=40, …,
        downloads=lambda: [datasets.Download("CSV", reverse("visits:data-csv")), …],
        last_updated=lambda: Visit.objects.published().aggregate(m=Max("updated_at"))["m"],
    ))

`downloads` and `last_updated` run when the catalogue page is shown, and
`issued` (the first publication, per year for a yearly collection) when the
machine-readable catalogue is built: each must use a fixed number of queries. API endpoints are listed the same way with
an example request.

The machine-readable catalogue (`portal.opendata`: DCAT, the CKAN API,
Table Schemas) reads the same registry. A download that carries a ``year``
belongs to that year's edition: the catalogue lists one dataset per
collection and year. ``producer`` names the unit that produces the data
(Satu Data Indonesia's *produsen data*), ``frequency`` an EU frequency code
(``ANNUAL``, ``CONT``, ``IRREG``…), ``themes`` EU data-theme codes
(``GOVE``, ``ECON``, ``SOCI``…), and ``fields`` the Table Schema fields
(``name``, ``type``, ``description``, optional ``format``/``constraints``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LICENCE = _("Creative Commons Attribution 4.0 International (CC BY 4.0)")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"


@dataclass(frozen=True)
class Download:
    label: str  # "CSV", "JSON", "CSV 2025"
    url: str
    format: str = ""
    year: int | None = None


@dataclass(frozen=True)
class ApiEndpoint:
    path: str
    description: str
    example: str


@dataclass
class Dataset:
    key: str
    title: object
    description: object
    order: int
    columns: list  # (name, description)
    downloads: Callable  # () -> list[Download]
    last_updated: Callable  # () -> date/datetime or None
    # () -> first publication: a date/datetime, or {year: date/datetime} for a yearly collection
    issued: Callable = lambda: None
    page_url: Callable = lambda: ""
    api: list = field(default_factory=list)
    has_sample_data: bool = True
    producer: str = "diskominfo"
    frequency: str = "IRREG"
    themes: tuple = ("GOVE",)
    keywords: tuple = ()
    fields: list = field(default_factory=list)


@dataclass(frozen=True)
class Producer:
    """A unit producing data (*produsen data*, Perpres 39/2019): a CKAN organisation."""

    key: str
    title: object
    description: object = ""


_datasets: dict[str, Dataset] = {}
_producers: dict[str, Producer] = {}


def register(dataset):
    _datasets[dataset.key] = dataset
    return dataset


def register_producer(producer):
    _producers[producer.key] = producer
    return producer


def producers():
    """Every producer that has a dataset, in key order."""
    used = {d.producer for d in _datasets.values()}
    return [_producers[key] for key in sorted(used) if key in _producers]


def producer(key):
    return _producers.get(key)


def downloads_of(dataset):
    """A dataset's downloads at their one address, which has no language prefix (`portal.languages`)."""
    with translation.override(settings.LANGUAGE_CODE):
        return dataset.downloads()


def datasets():
    return sorted(_datasets.values(), key=lambda d: d.order)


def column(name, type_, description, **extra):
    """One Table Schema field: ``column("tahun", "integer", _("fiscal year"))``."""
    return {"name": name, "type": type_, "description": description, **extra}


def boolean(name, description):
    """A boolean column, written ``true``/``false`` in CSV as in JSON."""
    return column(name, "boolean", description, trueValues=["true"], falseValues=["false"])


register_producer(Producer("diskominfo", settings.OFFICE_NAME))
