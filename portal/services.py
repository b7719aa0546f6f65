"""Write-side workflows of the portal core: loading the territory and page votes."""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count

from . import languages, wilayah
from .models import District, RatedPage, SatisfactionVote, Village, fold

# The anonymous cookie that lets a visitor's second vote replace the first.
VISITOR_COOKIE = "pengunjung"


@dataclass(frozen=True)
class LoadResult:
    regency: wilayah.Regency
    districts_created: int
    villages_created: int
    updated: int
    districts: int
    desa: int
    kelurahan: int


@transaction.atomic
def load_regions(*, code):
    """Load one regency's kecamatan and villages from the bundled Kemendagri file.

    Idempotent: rows that exist and match are left alone, renamed rows are
    updated. A malformed or unknown code raises RegionCodeError before anything
    is written.
    """
    regency = wilayah.regency(code)
    rows = list(wilayah.territory_rows(code))
    district_rows = {c: n for c, n in rows if wilayah.level_of(c) == "district"}
    village_rows = {c: n for c, n in rows if wilayah.level_of(c) == "village"}
    if not district_rows:
        raise wilayah.RegionCodeError(f"{code} has no kecamatan in the Kemendagri list.")

    existing_districts = {d.code: d for d in District.objects.filter(code__in=district_rows)}
    new_districts, changed = [], 0
    for dcode, name in district_rows.items():
        current = existing_districts.get(dcode)
        if current is None:
            new_districts.append(District(code=dcode, name=name))
        elif current.name != name:
            current.name = name
            current.save(update_fields=["name"])
            changed += 1
    District.objects.bulk_create(new_districts)

    existing_villages = {v.code: v for v in Village.objects.filter(code__in=village_rows)}
    new_villages = []
    for vcode, name in village_rows.items():
        current = existing_villages.get(vcode)
        if current is None:
            village = Village(
                code=vcode,
                name=name,
                kind=wilayah.village_kind(vcode),
                district_id=vcode.rsplit(".", 1)[0],
            )
            village.name_search = fold(name)
            new_villages.append(village)
        elif current.name != name:
            current.name = name
            current.save(update_fields=["name"])
            changed += 1
    Village.objects.bulk_create(new_villages, batch_size=500)

    villages = Village.objects.filter(code__startswith=code + ".")
    return LoadResult(
        regency=regency,
        districts_created=len(new_districts),
        villages_created=len(new_villages),
        updated=changed,
        districts=District.objects.filter(code__startswith=code + ".").count(),
        desa=villages.filter(kind=Village.Kind.DESA).count(),
        kelurahan=villages.filter(kind=Village.Kind.KELURAHAN).count(),
    )


def voter_key(visitor_id):
    """A keyed hash of the anonymous visitor cookie, so the raw value is never stored."""
    return hmac.new(settings.SECRET_KEY.encode(), visitor_id.encode(), hashlib.sha256).hexdigest()


def rated_path(path):
    """The page a vote is about: one page in every language (``/en/x`` is ``/x``)."""
    return languages.split(path)[1]


@transaction.atomic
def record_vote(*, path, title, visitor_id, choice):
    """Record a visitor's satisfaction vote on a page; a second vote replaces the first.

    A page's Indonesian and English addresses share one tally. Returns True
    when an earlier vote was replaced.
    """
    page, _created = RatedPage.objects.get_or_create(path=rated_path(path), defaults={"title": title[:255]})
    if title and page.title != title[:255]:
        page.title = title[:255]
        page.save(update_fields=["title"])
    _vote, created = SatisfactionVote.objects.update_or_create(
        page=page, voter=voter_key(visitor_id), defaults={"choice": choice}
    )
    return not created


@dataclass(frozen=True)
class VoteShare:
    choice: int
    label: str
    count: int
    percent: int


def vote_summary(path):
    """Counts and rounded percentages per choice for a page, in one query (both languages' votes)."""
    counts = dict(
        SatisfactionVote.objects.filter(page__path=rated_path(path))
        .values_list("choice")
        .annotate(n=Count("id"))
        .values_list("choice", "n")
    )
    total = sum(counts.values())
    shares = [
        VoteShare(
            choice=value,
            label=label,
            count=counts.get(value, 0),
            percent=round(100 * counts.get(value, 0) / total) if total else 0,
        )
        for value, label in SatisfactionVote.Choice.choices
    ]
    return shares, total


@transaction.atomic
def seed_votes(*, path, title, counts):
    """Give a page a known tally of votes (demo data, e.g. a published poll's result)."""
    page, _created = RatedPage.objects.get_or_create(path=path, defaults={"title": title})
    page.votes.filter(voter__startswith="seed-").delete()
    SatisfactionVote.objects.bulk_create(
        SatisfactionVote(page=page, choice=choice, voter=f"seed-{choice}-{n}")
        for choice, number in counts.items()
        for n in range(number)
    )
