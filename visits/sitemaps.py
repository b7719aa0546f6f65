"""Sitemaps of the visits section: each published visit, and the list and statistics pages.

The site's `/sitemap.xml` combines `sitemaps` from every app.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Visit


class VisitSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Visit.objects.published().only("slug", "updated_at").order_by("-publish_at", "-pk")

    def lastmod(self, visit):
        return visit.updated_at


class VisitPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["visits:list", "visits:statistics"]

    def location(self, name):
        return reverse(name)


sitemaps = {"visits": VisitSitemap, "visit-pages": VisitPagesSitemap}
