"""Demo content of the KIM app, loaded by `python manage.py load_demo`.

Real facts (from a news report of the Pemkab Bojonegoro, 19 September 2017):
KIM Sendang Potro in Desa Sedahkidul, Kecamatan Purwosari, an award-winning
KIM ("KIM berprestasi"); KIM Deru Maju in Desa Sumberrejo, Kecamatan Sumberejo,
chaired by Iwan Siswoyo; the regency's KIM forum chaired by Sufyan, Sekretaris
Desa Pejambon. These records are not flagged as samples. Everything the report
does not say (other board members, the award's name and year, the levels, news
posts) is invented and flagged ``is_sample``, as are the plausible sample KIMs
in roughly two thirds of the villages.

Idempotent: records are keyed by their slugs (and board rows by KIM, role,
name and term); a second run finds them and changes nothing. Deterministic:
one seeded random generator draws the same plan every time.
"""

import random

from django.utils import timezone

from portal import demo
from portal.models import Village

from ..models import Kim, Post
from .forum import _forum
from .news import _photos, _posts
from .real import _deru_maju, _real_kim, _sendang_potro
from .reference import (
    ANCHOR,
    FAMILY,
    GIVEN,
    LEVELS,
    NAME_WORDS,
    PEJAMBON,
    POST_TOPICS,
    RETURN_NOTE,
    SEDAHKIDUL,
    SEED,
    SUMBERREJO,
    VILLAGE_SHARE,
    _board_rows,
    _ensure_board,
    _levels,
    _person,
    _years_later,
)
from .samples import _sample_kim, _sample_plan

__all__ = [
    "ANCHOR",
    "FAMILY",
    "GIVEN",
    "LEVELS",
    "NAME_WORDS",
    "PEJAMBON",
    "POST_TOPICS",
    "RETURN_NOTE",
    "SEDAHKIDUL",
    "SEED",
    "SUMBERREJO",
    "VILLAGE_SHARE",
    "_board_rows",
    "_deru_maju",
    "_ensure_board",
    "_forum",
    "_levels",
    "_person",
    "_photos",
    "_posts",
    "_real_kim",
    "_sample_kim",
    "_sample_plan",
    "_sendang_potro",
    "_years_later",
    "load",
]


@demo.loader(order=20, name="kim")
def load(stdout):
    rng = random.Random(SEED)
    today = min(ANCHOR, timezone.localdate())
    levels = _levels()
    villages = {v.code: v for v in Village.objects.select_related("district")}
    created = 0
    if SEDAHKIDUL in villages:
        created += _sendang_potro(villages[SEDAHKIDUL], rng, today)
    if SUMBERREJO in villages:
        created += _deru_maju(villages[SUMBERREJO], rng, today)
    plan = _sample_plan(villages, levels, rng, today)
    created += sum(_sample_kim(item, today) for item in plan)
    forum_created = _forum(villages.get(PEJAMBON), rng, today)
    posts = _posts(rng, today, slugs={"sendang-potro", "deru-maju", *(item["slug"] for item in plan)})
    stdout.write(
        f"  {Kim.objects.count()} KIM ({created} new), forum {'created' if forum_created else 'present'}, "
        f"{Post.objects.count()} news posts ({posts} new)"
    )
