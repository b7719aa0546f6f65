"""Public URLs of the visits section, mounted at `/kunjungan/` (see DESIGN.md's URL contract)."""

from django.urls import path

from . import feeds, views

app_name = "visits"

urlpatterns = [
    path("", views.VisitListView.as_view(), name="list"),
    path("statistik/", views.VisitStatisticsView.as_view(), name="statistics"),
    path("feed/", feeds.LatestVisitsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestVisitsAtomFeed(), name="feed-atom"),
    path("data.csv", views.data_csv, name="data-csv"),
    path("data.json", views.data_json, name="data-json"),
    path("<slug:slug>/", views.VisitDetailView.as_view(), name="detail"),
]
