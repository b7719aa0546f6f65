"""`/sitemap.xml`: the core's pages plus every app's ``sitemaps`` dict.

Admin, tracking and search pages are left out on purpose. Every page is listed in
both languages with its `hreflang` alternates (`in_both_languages`).
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
        ]

    def location(self, name):
        return reverse(name)


class MachinePagesSitemap(CorePagesSitemap):
    """Pages of the machine-readable catalogue, at one address in the visitor's language."""

    per_language = False

    def items(self):
        return ["opendata:api"]


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


def in_both_languages(sitemap):
    """The sitemap listing each page in every language with its alternates (Indonesian as x-default)."""
    if not getattr(sitemap, "per_language", True):
        return sitemap
    return type(sitemap.__name__, (sitemap,), {"i18n": True, "alternates": True, "x_default": True})


def all_sitemaps():
    sitemaps = {
        "pages": CorePagesSitemap,
        "api": MachinePagesSitemap,
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
    return {section: in_both_languages(sitemap) for section, sitemap in sitemaps.items()}
