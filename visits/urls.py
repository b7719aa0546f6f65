"""Public URLs of the visits section, mounted at `/kunjungan/` (see DESIGN.md's URL contract)."""

from django.urls import path

from portal.opendata.http import dataset_updated, open_data, open_feed

from . import feeds, views

app_name = "visits"
DATA = open_data(last_modified=dataset_updated("kunjungan"), dataset="kunjungan")

urlpatterns = [
    path("", views.VisitListView.as_view(), name="list"),
    path("statistik/", views.VisitStatisticsView.as_view(), name="statistics"),
    path("feed/", open_feed(feeds.LatestVisitsFeed()), name="feed"),
    path("feed/atom/", open_feed(feeds.LatestVisitsAtomFeed()), name="feed-atom"),
    path("data.csv", DATA(views.data_csv), name="data-csv"),
    path("data.json", DATA(views.data_json), name="data-json"),
    path("<slug:slug>/", views.VisitDetailView.as_view(), name="detail"),
]
