"""Full-scale sample KIMs and KIM news for `load_full_scale`.

Tops the registry up to TOTAL_KIMS KIMs (first in villages without one, leaving
about UNCOVERED_SHARE of them uncovered, then second KIMs in villages that have
one) with their status history, media channels, boards and some awards, as the
demo draws them; then tops KIM news up to TOTAL_POSTS published posts, spread
over the last POST_YEARS years and unevenly over the active KIMs. Photos on
posts reuse the image files and renditions of the demo's post photos: no image
is written.

Rows are written with bulk_create and look like records made through
`kim.services`: a KIM has its first status-history row (and one more when it is
inactive or dissolved), a post has published_at and submitted_at set and its
three workflow rows (new draft, submitted, published). Everything is flagged
``is_sample`` (post photos have no such flag; their alt text and caption call
them illustrations, as the demo's do). Idempotent: the KIMs and the published
posts are counted and only the remainders are added. No signals fire
(`load_full_scale` rebuilds the search index), no e-mail is sent and no audit
log entries are written.
"""

import random

from django.utils import timezone

from portal import demo

from ..models import Kim, Post
from .kims import UNCOVERED_SHARE, _add_kims, _villages_for_new_kims
from .news import POST_TOPICS, _add_posts, _render
from .slugs import _free_slug

__all__ = [
    "POST_TOPICS",
    "SEED",
    "TOTAL_KIMS",
    "TOTAL_POSTS",
    "UNCOVERED_SHARE",
    "_free_slug",
    "_render",
    "_villages_for_new_kims",
    "load",
]

TOTAL_KIMS = 600
TOTAL_POSTS = 5000
SEED = "kim-full-scale"


@demo.full_scale_loader(order=40, name="kim")
def load(stdout):
    today = timezone.localdate()
    rng = random.Random(SEED)
    kims_before = Kim.objects.count()
    added_kims = _add_kims(TOTAL_KIMS - kims_before, rng, today) if kims_before < TOTAL_KIMS else 0
    posts_before = Post.objects.published().count()
    added_posts = _add_posts(TOTAL_POSTS - posts_before, rng) if posts_before < TOTAL_POSTS else 0
    stdout.write(
        f"  {added_kims} sample KIMs added, {Kim.objects.count()} in all; "
        f"{added_posts} sample news posts added, {Post.objects.published().count()} published"
    )


# --- KIMs ----------------------------------------------------------------------
