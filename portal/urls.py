"""URL configuration. Public URLs are an interface: see DESIGN.md's URL contract.

The public site is in ``i18n_patterns`` without a prefix for Indonesian, so
every page is also at ``/en/…`` in English while its Indonesian address stays
as it was; the catalogue's machine addresses, the admin and media are outside
it (`portal.languages`).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from . import two_factor, views
from .languages import i18n_patterns
from .sitemaps import all_sitemaps
from .uploads import serving

SITEMAPS = all_sitemaps()

portal_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("wilayah/", views.RegionIndexView.as_view(), name="regions"),
    re_path(r"^wilayah/(?P<code>[0-9.]{2,13})/$", views.region_detail, name="region"),
    path("penilaian/", views.vote, name="vote"),
    re_path(r"^bahasa/(?P<code>[a-z]{2})/$", views.set_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("tentang/", views.OfficePageListView.as_view(), name="office_pages"),
    path("tentang/<slug:slug>/", views.OfficePageDetailView.as_view(), name="office_page"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("cari/", views.search_view, name="search"),
    path("data/", views.DataCatalogueView.as_view(), name="data"),
    path("feed/", views.FeedIndexView.as_view(), name="feeds"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "portal:sitemap_section"},
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

urlpatterns = [
    *i18n_patterns(
        path("", include((portal_patterns, "portal"))),
        path("kunjungan/", include("visits.urls")),
        path("kim/", include("kim.urls")),
        path("ppid/", include("ppid.urls")),
        path("", include("ogp.urls")),
    ),
    path("", include("portal.opendata.urls")),
    path("admin/2fa/", two_factor.verify_view, name="two_factor_verify"),
    path("admin/2fa/setup/", two_factor.setup_view, name="two_factor_setup"),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serving.serve_media),
    ]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
