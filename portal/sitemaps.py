"""`/sitemap.xml`: the core's pages plus every app's ``sitemaps`` dict.

Admin, tracking and search pages are left out on purpose.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import District, OfficePage, Village


class CorePagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [
            "portal:home",
            "portal:regions",
            "portal:office_pages",
            "portal:data",
            "portal:feeds",
            "opendata:api",
        ]

    def location(self, name):
        return reverse(name)


class DistrictSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return District.objects.order_by("code").only("code")


class VillageSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Village.objects.order_by("code").only("code")


class OfficePageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return OfficePage.objects.published().only("slug", "updated")

    def lastmod(self, page):
        return page.updated


def all_sitemaps():
    sitemaps = {
        "pages": CorePagesSitemap,
        "kecamatan": DistrictSitemap,
        "desa": VillageSitemap,
        "tentang": OfficePageSitemap,
    }
    for config in apps.get_app_configs():
        if config.name == "portal":
            continue
        try:
            module = import_module(f"{config.name}.sitemaps")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.sitemaps":
                raise
            continue
        sitemaps.update(getattr(module, "sitemaps", {}))
    return sitemaps
