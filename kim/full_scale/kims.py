"""Sample KIMs drawn as the demo draws them, with their status history, channels, board and awards."""

import datetime
from collections import Counter

from django.utils import timezone
from django.utils.text import slugify

from portal import richtext
from portal.models import Village

from .. import demo as kim_demo
from ..models import (
    RESERVED_SLUGS,
    Achievement,
    BoardMember,
    Kim,
    KimStatusChange,
    MediaChannel,
)
from ..workflows import KIM_WORKFLOW
from .slugs import _free_slug

# Share of villages left without any KIM, as in a real regency.
UNCOVERED_SHARE = 0.05


def _add_kims(count, rng, today):
    villages = list(Village.objects.select_related("district").order_by("code"))
    if not villages:
        return 0
    levels = kim_demo._levels()
    per_village = Counter(Kim.objects.values_list("village_id", flat=True))
    names = {}
    for village_id, name in Kim.objects.values_list("village_id", "name"):
        names.setdefault(village_id, set()).add(name)
    slugs = set(Kim.objects.values_list("slug", flat=True)) | set(RESERVED_SLUGS)

    kims, extras = [], []
    for village in _villages_for_new_kims(villages, per_village, count, rng):
        item = _plan(village, rng, today, names.setdefault(village.code, set()), slugs, levels)
        kims.append(item.pop("kim"))
        extras.append(item)
    Kim.objects.bulk_create(kims, batch_size=500)

    history, channels, board, awards = [], [], [], []
    for kim, item in zip(kims, extras, strict=True):
        history += KIM_WORKFLOW.attach(kim, item["history"])
        channels += [MediaChannel(kim=kim, **row) for row in item["channels"]]
        board += [BoardMember(kim=kim, is_sample=True, **row) for row in item["board"]]
        awards += [Achievement(kim=kim, is_sample=True, **row) for row in item["awards"]]
    for model, rows in (
        (KimStatusChange, history),
        (MediaChannel, channels),
        (BoardMember, board),
        (Achievement, awards),
    ):
        model.objects.bulk_create(rows, batch_size=1000)
    return len(kims)


def _villages_for_new_kims(villages, per_village, count, rng):
    """Villages without a KIM first (some stay without), then second and third KIMs."""
    chosen = []
    empty = [v for v in villages if not per_village[v.code]]
    rng.shuffle(empty)
    keep_empty = round(len(villages) * UNCOVERED_SHARE)
    for village in empty[: max(0, len(empty) - keep_empty)][:count]:
        chosen.append(village)
        per_village[village.code] += 1
    level = 1
    while len(chosen) < count and any(per_village.values()):
        pool = [v for v in villages if per_village[v.code] == level]
        rng.shuffle(pool)
        for village in pool[: count - len(chosen)]:
            chosen.append(village)
            per_village[village.code] += 1
        level += 1
    return chosen


def _plan(village, rng, today, names, slugs, levels):
    """One new KIM in a village and its channels, board and awards, drawn as the demo draws them."""
    words = [word for word in kim_demo.NAME_WORDS if f"KIM {word} {village.name.title()}" not in names]
    name = f"KIM {rng.choice(words or kim_demo.NAME_WORDS)} {village.name.title()}"
    names.add(name)
    slug = _free_slug(slugify(name)[:70].strip("-"), slugs, alternative=village.code.replace(".", ""))
    founded = datetime.date(2013, 1, 1) + datetime.timedelta(days=rng.randrange(0, 10 * 365))
    founded = min(founded, today - datetime.timedelta(days=30))
    roll = rng.random()
    status = (
        Kim.Status.DISSOLVED if roll < 0.04 else Kim.Status.INACTIVE if roll < 0.10 else Kim.Status.ACTIVE
    )
    status_since = founded
    if status != Kim.Status.ACTIVE:
        status_since = min(founded + datetime.timedelta(days=rng.randrange(400, 2500)), today)
    head = "Lurah" if village.kind == Village.Kind.KELURAHAN else "Kepala Desa"
    decree_date = min(founded + datetime.timedelta(days=rng.randrange(0, 60)), today)
    description = (
        f"{name} menghimpun, mengolah dan menyebarkan informasi bagi warga {village.label}, "
        "serta membantu pemerintah desa mempublikasikan APBDes."
    )
    kim = Kim(
        slug=slug,
        name=name,
        village=village,
        address=f"Balai {village.label}",
        founded_on=founded,
        decree_number=f"188/{rng.randrange(1, 60)}/SK-KIM/{founded.year}",
        decree_date=decree_date,
        decree_issuer=f"{head} {village.name}",
        decree_subject=f"Pengukuhan Pengurus {name}",
        status_since=status_since,
        level=rng.choices(levels, weights=[4, 4, 2, 1][: len(levels)])[0] if levels else None,
        description=description,
        description_html=richtext.to_html(description),
        member_count=rng.randrange(5, 31),
        phone=f"08{rng.randrange(11, 99)} {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}",
        email=f"{slug}@kim.example",
        contact_is_public=rng.random() < 0.3,
        is_public=True,
        is_sample=True,
    )
    note = "Tidak ada kegiatan sejak setahun terakhir." if status == Kim.Status.INACTIVE else ""
    recorded = timezone.now()
    path = [(Kim.Status.ACTIVE, recorded)]
    if status != Kim.Status.ACTIVE:
        path.append((status, recorded, note))
    history = KIM_WORKFLOW.seed(kim, path, history_rows={0: {"on": founded}, 1: {"on": status_since}})
    # The field and model checks register_kim runs (the slug was made unique above).
    kim.clean_fields(exclude=["managers"])
    kim.clean()
    return {
        "kim": kim,
        "history": history,
        "channels": _channels(name, slug, rng),
        "board": _board(rng, founded, status, status_since, today),
        "awards": _awards(rng, founded, today),
    }


def _channels(name, slug, rng):
    channels = []
    if rng.random() < 0.45:
        channels.append({"kind": MediaChannel.Kind.WEBSITE, "url": f"https://{slug}.kim.example/"})
    if rng.random() < 0.3:
        channels.append(
            {"kind": MediaChannel.Kind.FACEBOOK, "url": f"https://www.facebook.com/{slug}", "order": 1}
        )
    if rng.random() < 0.3:
        channels.append(
            {"kind": MediaChannel.Kind.BULLETIN, "name": f"Buletin {name[4:]}, terbit bulanan", "order": 2}
        )
    if rng.random() < 0.1:
        frequency = rng.randrange(1070, 1080) / 10
        channels.append(
            {"kind": MediaChannel.Kind.RADIO, "name": f"Radio komunitas, FM {frequency:.1f} MHz", "order": 3}
        )
    return channels


def _board(rng, founded, status, status_since, today):
    """The current term and, for older KIMs, the one before; a dissolved KIM's board ends with it."""
    used = set()
    start = max(founded, datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randrange(0, 700)))
    if status == Kim.Status.DISSOLVED:
        start = min(start, max(founded, kim_demo._years_later(status_since, -2)))
    start = min(start, today)
    rows = kim_demo._board_rows(
        rng,
        start=start,
        end=kim_demo._years_later(start, 5) - datetime.timedelta(days=1),
        full=rng.random() < 0.6,
        extra_members=rng.randrange(0, 4),
        used=used,
    )
    if founded < kim_demo._years_later(start, -4):
        rows += kim_demo._board_rows(
            rng,
            start=max(founded, kim_demo._years_later(start, -5)),
            end=start - datetime.timedelta(days=1),
            full=False,
            extra_members=0,
            used=used,
        )
    if status == Kim.Status.DISSOLVED:
        for row in rows:
            if row["term_start"] <= status_since <= row["term_end"]:
                row["term_end"] = status_since
    return rows


def _awards(rng, founded, today):
    if rng.random() >= 0.12:
        return []
    return [
        {
            "title": rng.choice(["Lomba KIM", "KIM Award", "Lomba Buletin KIM", "Lomba Website KIM"]),
            "level": rng.choice([Achievement.Level.KECAMATAN, Achievement.Level.KABUPATEN]),
            "year": rng.randrange(max(founded.year, 2014), today.year + 1),
            "rank": rng.choice(["Juara I", "Juara II", "Juara III", "Harapan I"]),
            "awarded_by": "Dinas Komunikasi dan Informatika",
        }
    ]


# --- News ----------------------------------------------------------------------
