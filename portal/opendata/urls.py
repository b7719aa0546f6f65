"""Addresses of the machine-readable catalogue, mounted at the site root by `portal.urls`."""

from django.urls import path

from . import ckan_api, views
from .http import open_data, timestamp

app_name = "opendata"


def _catalogue_updated(request, *args, **kwargs):
    from portal import datasets

    stamps = [d.last_updated() for d in datasets.datasets()]
    return max((s for s in stamps if s is not None), key=timestamp, default=None)


def _served_since(request, *args, **kwargs):
    return None  # the description changes only with the code


catalogue = open_data(last_modified=_catalogue_updated)

ckan_action = open_data(ckan_api.action, last_modified=_catalogue_updated, read_by_post=True)

urlpatterns = [
    path("data/catalog", catalogue(views.catalog), name="catalog"),
    path("data/catalog.jsonld", catalogue(views.catalog_jsonld), name="catalog_jsonld"),
    path("data/catalog.ttl", catalogue(views.catalog_ttl), name="catalog_ttl"),
    path("data/<slug:name>/datapackage.json", catalogue(views.datapackage), name="datapackage"),
    path("data/<slug:name>.xlsx", catalogue(views.xlsx), name="xlsx"),
    path("api/", views.api_page, name="api"),
    path("api/openapi.json", open_data(views.openapi_json, last_modified=_served_since), name="openapi"),
    path("api/3/action/<str:name>", ckan_action, name="ckan_action"),
    # CKAN answers its actions without the version too, and ckanapi calls that address.
    path("api/action/<str:name>", ckan_action, name="ckan_action_unversioned"),
]
