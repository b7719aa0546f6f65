"""Sitemaps of the KIM app, for the portal's `/sitemap.xml`:

from kim.sitemaps import sitemaps as kim_sitemaps
sitemaps = {**kim_sitemaps, …}
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Kim, Post


class KimPagesSitemap(Sitemap):
    """The section's own pages: directory, news, coverage and forum."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["kim:list", "kim:posts", "kim:coverage", "kim:forum"]

    def location(self, item):
        return reverse(item)


class KimSitemap(Sitemap):
    """Every published KIM profile, with the time it last changed."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Kim.objects.published().order_by("pk").only("slug", "updated")

    def lastmod(self, obj):
        return obj.updated


class PostSitemap(Sitemap):
    """Every published KIM news post, with the time it last changed."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Post.objects.published().order_by("-published_at", "-pk").only("slug", "updated")

    def lastmod(self, obj):
        return obj.updated


sitemaps = {"kim-pages": KimPagesSitemap, "kim": KimSitemap, "kim-kabar": PostSitemap}
