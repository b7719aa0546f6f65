"""Public URLs of the KIM app (mounted at /kim/; see DESIGN.md's URL contract).

The fixed paths come before `<slug>/`; their names are reserved KIM slugs.
"""

from django.urls import path

from . import feeds, views

app_name = "kim"

urlpatterns = [
    path("", views.KimListView.as_view(), name="list"),
    path("cakupan/", views.CoverageView.as_view(), name="coverage"),
    path("forum/", views.ForumListView.as_view(), name="forum"),
    path("data.csv", views.registry_csv, name="data-csv"),
    path("data.json", views.registry_json, name="data-json"),
    path("kabar/", views.PostListView.as_view(), name="posts"),
    path("kabar/feed/", feeds.LatestPostsFeed(), name="feed"),
    path("kabar/feed/atom/", feeds.LatestPostsAtomFeed(), name="feed-atom"),
    path("kabar/<slug:slug>/", views.PostDetailView.as_view(), name="post"),
    path("<slug:slug>/", views.KimDetailView.as_view(), name="detail"),
]
