"""The open data catalogue (`/data/`): every downloadable dataset of the portal.

Each app describes its datasets in a module named ``datasets`` (discovered at
start-up like panels)::

    datasets.register(datasets.Dataset(
        key="kunjungan", title=_("Benchmarking visits"), order=40, …,
        downloads=lambda: [datasets.Download("CSV", reverse("visits:data-csv")), …],
        last_updated=lambda: Visit.objects.published().aggregate(m=Max("updated_at"))["m"],
    ))

`downloads` and `last_updated` run when the catalogue page is shown: each
must use a fixed number of queries. API endpoints are listed the same way with
an example request.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

LICENCE = _("Creative Commons Attribution 4.0 International (CC BY 4.0)")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"


@dataclass(frozen=True)
class Download:
    label: str  # "CSV", "JSON", "CSV 2025"
    url: str
    format: str = ""


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
    page_url: Callable = lambda: ""
    api: list = field(default_factory=list)
    has_sample_data: bool = True


_datasets: dict[str, Dataset] = {}


def register(dataset):
    _datasets[dataset.key] = dataset
    return dataset


def datasets():
    return sorted(_datasets.values(), key=lambda d: d.order)
