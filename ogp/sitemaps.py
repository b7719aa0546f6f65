"""Sitemaps of the ogp app, for the site's ``/sitemap.xml``.

`SITEMAPS` maps section names to sitemap classes; the portal's sitemap view
can merge it with the other apps' sections.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Assessment, BudgetSummary, Commitment


class RegencyYearSitemap(Sitemap):
    """`/apbdes/<tahun>/` for every year with a published budget."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return list(
            BudgetSummary.objects.published()
            .values("year")
            .annotate(lastmod=Max("last_published_at"))
            .order_by("-year")
        )

    def location(self, item):
        return reverse("ogp:apbdes_year", args=[item["year"]])

    def lastmod(self, item):
        return item["lastmod"]


class VillageBudgetSitemap(Sitemap):
    """`/apbdes/<tahun>/<kode_desa>/` for every published budget, with the date of its last publication."""

    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return (
            BudgetSummary.objects.published()
            .only("budget_id", "village_id", "year", "last_published_at")
            .order_by("-year", "village_id")
        )

    def location(self, item):
        return reverse("ogp:village_budget", args=[item.year, item.village_id])

    def lastmod(self, item):
        return item.last_published_at


class OgpPagesSitemap(Sitemap):
    """The section pages: the regency's APBDes, the openness index and the OGP action plan."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["ogp:apbdes", "ogp:openness", "ogp:commitments"]

    def location(self, name):
        return reverse(name)


class OpennessSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Assessment.objects.published().order_by("-year")

    def lastmod(self, item):
        return item.updated_at


class CommitmentSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Commitment.objects.published().order_by("code")


SITEMAPS = {
    "ogp-halaman": OgpPagesSitemap,
    "apbdes": RegencyYearSitemap,
    "apbdes-desa": VillageBudgetSitemap,
    "keterbukaan": OpennessSitemap,
    "ogp": CommitmentSitemap,
}

# The name every app's sitemaps module exports (see portal.sitemaps).
sitemaps = SITEMAPS
