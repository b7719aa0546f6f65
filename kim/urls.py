"""Public URLs of the KIM app (mounted at /kim/; see DESIGN.md's URL contract).

The fixed paths come before `<slug>/`; their names are reserved KIM slugs.
"""

from django.urls import path

from portal.opendata.http import dataset_updated, open_data, open_feed

from . import feeds, views

app_name = "kim"
DATA = open_data(last_modified=dataset_updated("kim"), dataset="kim")
NEWS = open_data(last_modified=dataset_updated("kim-kabar"))

urlpatterns = [
    path("", views.KimListView.as_view(), name="list"),
    path("cakupan/", views.CoverageView.as_view(), name="coverage"),
    path("forum/", views.ForumListView.as_view(), name="forum"),
    path("data.csv", DATA(views.registry_csv), name="data-csv"),
    path("data.json", DATA(views.registry_json), name="data-json"),
    path("kabar/", views.PostListView.as_view(), name="posts"),
    path("kabar/data.csv", NEWS(views.news_csv), name="news-data-csv"),
    path("kabar/data.json", NEWS(views.news_json), name="news-data-json"),
    path("kabar/feed/", open_feed(feeds.LatestPostsFeed()), name="feed"),
    path("kabar/feed/atom/", open_feed(feeds.LatestPostsAtomFeed()), name="feed-atom"),
    path("kabar/<slug:slug>/", views.PostDetailView.as_view(), name="post"),
    path("<slug:slug>/", views.KimDetailView.as_view(), name="detail"),
]
