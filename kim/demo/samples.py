"""Plausible sample KIMs in about two thirds of the villages, in every status."""

import datetime
import random

from django.utils.text import slugify

from portal.models import Village

from .. import services
from ..models import (
    Achievement,
    BoardMember,
    Kim,
    MediaChannel,
)
from .reference import NAME_WORDS, SEDAHKIDUL, SUMBERREJO, VILLAGE_SHARE, _board_rows, _years_later


def _sample_plan(villages, levels, rng, today):
    """The same list of invented KIMs on every run."""
    codes = sorted(code for code in villages if code not in (SEDAHKIDUL, SUMBERREJO))
    rng.shuffle(codes)
    chosen = sorted(codes[: round(len(codes) * VILLAGE_SHARE)])
    plan, slugs = [], set()
    for code in chosen:
        village = villages[code]
        for extra in range(2 if rng.random() < 0.08 else 1):
            words = rng.sample(NAME_WORDS, 2)
            name = f"KIM {words[extra]} {village.name.title()}"
            slug = slugify(name)
            if slug in slugs:
                slug = f"{slug}-{code.replace('.', '')}"
            slugs.add(slug)
            founded = datetime.date(2013, 1, 1) + datetime.timedelta(days=rng.randrange(0, 9 * 365))
            founded = min(founded, today)
            roll = rng.random()
            status = (
                Kim.Status.DISSOLVED
                if roll < 0.04
                else Kim.Status.INACTIVE
                if roll < 0.10
                else Kim.Status.ACTIVE
            )
            plan.append(
                {
                    "slug": slug,
                    "name": name,
                    "village": village,
                    "founded": founded,
                    "status": status,
                    "status_on": min(founded + datetime.timedelta(days=rng.randrange(400, 2500)), today),
                    "level": rng.choices(levels, weights=[4, 4, 2, 1])[0],
                    "members": rng.randrange(5, 31),
                    "decree_number": f"188/{rng.randrange(1, 60)}/SK-KIM/{founded.year}",
                    "decree_days": rng.randrange(0, 60),
                    "website": rng.random() < 0.45,
                    "bulletin": rng.random() < 0.3,
                    "radio": rng.random() < 0.1,
                    "contact_public": rng.random() < 0.3,
                    "seed": rng.randrange(1 << 30),
                    "awards": rng.random() < 0.12,
                }
            )
    return plan


def _sample_kim(item, today):
    """Register one planned sample KIM with its channels, board and award; 0 if it exists."""
    if Kim.objects.filter(slug=item["slug"]).exists():
        return 0
    rng = random.Random(item["seed"])
    kim = _register_sample(item, rng, today)
    MediaChannel.objects.bulk_create(_sample_channels(kim, item, rng))
    rows = _sample_board(item, rng, today)
    if item["status"] == Kim.Status.DISSOLVED:
        # A dissolved KIM's board ends with it.
        for row in rows:
            if row["term_end"] >= kim.status_since >= row["term_start"]:
                row["term_end"] = kim.status_since
    BoardMember.objects.bulk_create(BoardMember(kim=kim, is_sample=True, **row) for row in rows)
    if item["awards"]:
        _sample_award(kim, item, rng, today)
    return 1


def _register_sample(item, rng, today):
    village = item["village"]
    head = "Lurah" if village.kind == Village.Kind.KELURAHAN else "Kepala Desa"
    decree_date = min(item["founded"] + datetime.timedelta(days=item["decree_days"]), today)
    kim = services.register_kim(
        kim=Kim(
            slug=item["slug"],
            name=item["name"],
            village=village,
            address=f"Balai {village.label}",
            founded_on=item["founded"],
            decree_number=item["decree_number"],
            decree_date=decree_date,
            decree_issuer=f"{head} {village.name}",
            decree_subject=f"Pengukuhan Pengurus {item['name']}",
            level=item["level"],
            description=(
                f"{item['name']} menghimpun, mengolah dan menyebarkan informasi bagi warga {village.label}, "
                "serta membantu pemerintah desa mempublikasikan APBDes."
            ),
            member_count=item["members"],
            phone=f"08{rng.randrange(11, 99)} {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}",
            email=f"{item['slug']}@kim.example",
            contact_is_public=item["contact_public"],
            is_sample=True,
        ),
        by=None,
    )
    if item["status"] != Kim.Status.ACTIVE:
        inactive = item["status"] == Kim.Status.INACTIVE
        kim = services.change_kim_status(
            kim=kim,
            to=item["status"],
            on=max(item["status_on"], item["founded"]),
            by=None,
            note="Tidak ada kegiatan sejak setahun terakhir." if inactive else "",
        )
    return kim


def _sample_channels(kim, item, rng):
    channels = []
    if item["website"]:
        channels.append(
            MediaChannel(kim=kim, kind=MediaChannel.Kind.WEBSITE, url=f"https://{item['slug']}.kim.example/")
        )
    if item["bulletin"]:
        channels.append(
            MediaChannel(
                kim=kim,
                kind=MediaChannel.Kind.BULLETIN,
                name=f"Buletin {item['name'][4:]}, terbit bulanan",
                order=1,
            )
        )
    if item["radio"]:
        channels.append(
            MediaChannel(
                kim=kim,
                kind=MediaChannel.Kind.RADIO,
                name=f"Radio komunitas, FM {rng.randrange(1070, 1080) / 10:.1f} MHz",
                order=2,
            )
        )
    return channels


def _sample_board(item, rng, today):
    """The current board and, for an older KIM, the one before it."""
    used = set()
    start = max(item["founded"], datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randrange(0, 700)))
    start = min(start, today)
    rows = _board_rows(
        rng,
        start=start,
        end=_years_later(start, 5) - datetime.timedelta(days=1),
        full=rng.random() < 0.6,
        extra_members=rng.randrange(0, 4),
        used=used,
    )
    if item["founded"] < _years_later(start, -4):
        previous_start = max(item["founded"], _years_later(start, -5))
        rows += _board_rows(
            rng,
            start=previous_start,
            end=start - datetime.timedelta(days=1),
            full=False,
            extra_members=0,
            used=used,
        )
    return rows


def _sample_award(kim, item, rng, today):
    year = rng.randrange(max(item["founded"].year, 2014), today.year + 1)
    Achievement.objects.create(
        kim=kim,
        title=rng.choice(["Lomba KIM", "KIM Award", "Lomba Buletin KIM"]),
        level=rng.choice([Achievement.Level.KECAMATAN, Achievement.Level.KABUPATEN]),
        year=year,
        rank=rng.choice(["Juara I", "Juara II", "Juara III", "Harapan I"]),
        awarded_by="Dinas Komunikasi dan Informatika",
        is_sample=True,
    )
