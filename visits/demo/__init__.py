"""Demo visits: the real 2017 visit of Pemerintah Kota Magelang and thirty sample visits.

The 2017 visit is reproduced from Diskominfo's published report (the report
text is in ``demo_content/magelang_2017.md``) with every fact as structured
data, and its satisfaction poll seeded to the published result (74/11/5/11 %).
It is not sample data. The other visits are invented (real governments and
region codes, invented events and people), generated from a fixed seed and
flagged ``is_sample``; some carry generated illustrations flagged as samples.

Loading is idempotent: rows are found by their natural keys and only written
when something differs, and status changes go through the status service.
"""

from portal import demo

from ..models import Visit
from .magelang import MAGELANG_SLUG, load_magelang_2017
from .samples import (
    _illustration,
    _join,
    _sample_body,
    _sample_follow_up,
    _sample_photos,
    _weekday,
    load_samples,
)
from .vocabulary import (
    CONTENT,
    FIRST_NAMES,
    HOST_POSITIONS,
    HOST_UNITS,
    INSTITUTIONS,
    KIND_WORDS,
    LAST_NAMES,
    LEADER_POSITIONS,
    MAGELANG,
    SAMPLE_DRAFTS,
    SAMPLE_KINDS,
    SAMPLE_SEED,
    SAMPLE_YEARS,
    TOPIC_PHRASES,
    TOPIC_WORDS,
    TOPICS,
    WIB,
    Vocabulary,
    load_vocabulary,
)
from .writes import _set, _sync_children, _upsert

__all__ = [
    "CONTENT",
    "FIRST_NAMES",
    "HOST_POSITIONS",
    "HOST_UNITS",
    "INSTITUTIONS",
    "KIND_WORDS",
    "LAST_NAMES",
    "LEADER_POSITIONS",
    "MAGELANG",
    "MAGELANG_SLUG",
    "SAMPLE_DRAFTS",
    "SAMPLE_KINDS",
    "SAMPLE_SEED",
    "SAMPLE_YEARS",
    "TOPICS",
    "TOPIC_PHRASES",
    "TOPIC_WORDS",
    "WIB",
    "Vocabulary",
    "_illustration",
    "_join",
    "_sample_body",
    "_sample_follow_up",
    "_sample_photos",
    "_set",
    "_sync_children",
    "_upsert",
    "_weekday",
    "load",
    "load_magelang_2017",
    "load_samples",
    "load_vocabulary",
]


@demo.loader(order=30, name="visits")
def load(stdout):
    vocabulary = load_vocabulary()
    real = load_magelang_2017(vocabulary).title if demo.is_reference_region() else "no real visits"
    samples = load_samples(vocabulary)
    published = Visit.objects.filter(status=Visit.Status.PUBLISHED).count()
    stdout.write(f"  {real}; {len(samples)} sample visits; {published} published")
