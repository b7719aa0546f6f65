"""Sections the KIM app adds to the region pages (`/wilayah/<kode>/`).

The village page lists the village's KIMs and their latest news (two
queries); the kecamatan page shows the kecamatan's KIM coverage (three queries).
"""

from portal import panels

from . import coverage
from .models import Kim, Post

PANEL_ORDER = 30
PANEL_POSTS = 3


@panels.register("village", order=PANEL_ORDER, template="kim/panels/village.html")
def village_kims(village):
    kims = list(Kim.objects.published().filter(village=village).select_related("level").active_first())
    posts = (
        list(Post.objects.published().filter(kim__village=village).for_list()[:PANEL_POSTS]) if kims else []
    )
    return {"village": village, "kims": kims, "posts": posts}


@panels.register("district", order=PANEL_ORDER, template="kim/panels/district.html")
def district_kims(district):
    return {"district": district, "area": coverage.district_coverage(district)}


HOME_POSTS = 3


@panels.register("home", order=50, template="kim/panels/home.html")
def latest_posts(regency):
    """The newest published KIM news for the home page (one query)."""
    posts = list(Post.objects.published().for_list()[:HOME_POSTS])
    return {"posts": posts} if posts else None
