"""Sitemaps of the information service, for the portal's /sitemap.xml.

`SITEMAPS` maps section names to Sitemap classes; the portal's sitemap view
merges it with the other apps' sections.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import statistics
from .models import DipItem, InfoRequest, PpidUnit


class PpidPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return [
            "home",
            "units",
            "dip",
            "register",
            "regulations",
            "maklumat",
            "statistics",
            "reports",
            "ikm",
            "request_new",
        ]

    def location(self, item):
        return reverse(f"ppid:{item}")


class AnnualReportSitemap(Sitemap):
    """`/ppid/laporan/<tahun>/`: one annual report per year with requests."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return sorted(statistics.years_with_requests(), reverse=True)

    def location(self, year):
        return reverse("ppid:report", args=[year])


class PpidUnitSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return PpidUnit.objects.published().order_by("pk")

    def lastmod(self, unit):
        return unit.updated_at


class DipItemSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return DipItem.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class RegisterSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        return InfoRequest.objects.public_register().order_by("pk").only("number", "updated_at")

    def lastmod(self, info_request):
        return info_request.updated_at


SITEMAPS = {
    "ppid": PpidPagesSitemap,
    "ppid-unit": PpidUnitSitemap,
    "ppid-dip": DipItemSitemap,
    "ppid-register": RegisterSitemap,
    "ppid-laporan": AnnualReportSitemap,
}

# The name every app's sitemaps module exports (see portal.sitemaps).
sitemaps = SITEMAPS
