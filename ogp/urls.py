"""Public URLs of the ogp app: village budgets (APBDes), the openness index and the OGP plan.

Mounted at the site root by `portal.urls`; the addresses follow DESIGN.md's
URL contract.
"""

from django.urls import path, re_path

from portal.opendata.http import dataset_updated, open_data

from . import views

app_name = "ogp"
# Open data conventions (CORS, HEAD, ETag, 304, JSON errors) on every data and API address.
DATA = open_data(last_modified=dataset_updated("apbdes-ringkasan"))

YEAR = r"(?P<year>[0-9]{4})"
VILLAGE = r"(?P<code>[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[12][0-9]{3})"

urlpatterns = [
    path("apbdes/", views.RegencyView.as_view(), name="apbdes"),
    path("apbdes/api/", DATA(views.api_index), name="api"),
    path("apbdes/api/ringkasan/", DATA(views.api_summaries), name="api_summaries"),
    path("apbdes/api/versi/", DATA(views.api_versions), name="api_versions"),
    path("apbdes/api/versi/<int:pk>/", DATA(views.api_version), name="api_version"),
    re_path(rf"^apbdes/{YEAR}/$", views.RegencyView.as_view(), name="apbdes_year"),
    re_path(rf"^apbdes/{YEAR}/baris\.csv$", DATA(views.year_lines_csv), name="year_lines"),
    re_path(rf"^apbdes/{YEAR}/baris\.json$", DATA(views.year_lines_json), name="year_lines_json"),
    re_path(
        rf"^apbdes/{YEAR}/ringkasan\.(?P<fmt>csv|json)$", DATA(views.year_summary_data), name="year_summary"
    ),
    re_path(rf"^apbdes/{YEAR}/{VILLAGE}/$", views.VillageBudgetView.as_view(), name="village_budget"),
    re_path(
        rf"^apbdes/{YEAR}/{VILLAGE}\.(?P<fmt>csv|json)$",
        DATA(views.village_budget_data),
        name="village_budget_data",
    ),
    re_path(
        rf"^apbdes/{YEAR}/{VILLAGE}/baliho-(?P<size>a3|3x2|4x3)\.(?P<fmt>svg|pdf)$",
        views.village_billboard,
        name="village_billboard",
    ),
    path("keterbukaan/", views.OpennessView.as_view(), name="openness"),
    re_path(rf"^keterbukaan/{YEAR}/$", views.OpennessView.as_view(), name="openness_year"),
    path("ogp/", views.CommitmentListView.as_view(), name="commitments"),
    re_path(r"^ogp/(?P<code>[A-Za-z0-9-]{2,20})/$", views.CommitmentDetailView.as_view(), name="commitment"),
]
