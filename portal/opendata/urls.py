"""Addresses of the machine-readable catalogue, mounted at the site root by `portal.urls`."""

from django.urls import path

from . import views
from .http import open_data, timestamp

app_name = "opendata"


def _catalogue_updated(request, *args, **kwargs):
    from portal import datasets

    stamps = [d.last_updated() for d in datasets.datasets()]
    return max((s for s in stamps if s is not None), key=timestamp, default=None)


catalogue = open_data(last_modified=_catalogue_updated)

urlpatterns = [
    path("data/catalog", catalogue(views.catalog), name="catalog"),
    path("data/catalog.jsonld", catalogue(views.catalog_jsonld), name="catalog_jsonld"),
    path("data/catalog.ttl", catalogue(views.catalog_ttl), name="catalog_ttl"),
]
