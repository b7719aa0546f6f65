"""Thirty invented visits of 2016–2024 from a fixed seed, flagged as samples,
some with generated illustrations."""

import datetime
import io
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from portal import wilayah
from portal.models import Village

from .. import services
from ..models import HostOfficial, Visit, VisitPhoto, VisitSession
from ..models.visit import SLUG_MAX_LENGTH
from ..slugs import propose_slug
from .vocabulary import (
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
)
from .writes import _set, _sync_children, _upsert


def load_samples(vocabulary):
    """Thirty invented visits of 2016–2024 from a fixed seed, flagged as samples."""
    rng = random.Random(SAMPLE_SEED)
    # Desa where the territory has them; a city (Kota) has only kelurahan.
    desa = list(Village.objects.desa().order_by("code").values_list("code", flat=True)) or list(
        Village.objects.order_by("code").values_list("code", flat=True)
    )
    pool = SamplePool(
        vocabulary=vocabulary,
        desa=desa,
        villages={v.code: v for v in Village.objects.filter(code__in=desa)},
        others=[item for item in INSTITUTIONS if item is not MAGELANG],
        topic_slugs=[slug for slug, _name, _text in TOPICS if slug != "keimigrasian"],
        unit_names=[name for name, _full in HOST_UNITS],
    )
    visits = []
    for year, count in SAMPLE_YEARS.items():
        for _ in range(count):
            visits.append(_sample_visit(_draw(rng, year, pool), pool.vocabulary, position=len(visits)))
    return visits


@dataclass(frozen=True)
class SamplePool:
    """What the sample visits are drawn from."""

    vocabulary: Vocabulary
    desa: list
    villages: dict
    others: list
    topic_slugs: list
    unit_names: list


def _draw(rng, year, pool):
    """One sample visit's random choices, drawn in a fixed order so every run draws the same."""
    institution = pool.vocabulary.institutions[rng.choice(pool.others)[0]]
    kind = rng.choice(SAMPLE_KINDS)
    chosen_topics = rng.sample(pool.topic_slugs, rng.randint(1, 3))
    day = _weekday(rng, year)
    title = f"{KIND_WORDS[kind]} {institution.label} tentang {_join([TOPIC_WORDS[s] for s in chosen_topics])}"
    draw = {
        "institution": institution,
        "kind": kind,
        "topics": chosen_topics,
        "day": day,
        "title": title,
        "slug": f"{propose_slug(title, max_length=SLUG_MAX_LENGTH - 10, fallback='kunjungan')}-{day:%Y%m%d}",
        "size": rng.randint(6, 35),
        "leader": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "leader_position": rng.choice(LEADER_POSITIONS[institution.kind]),
        "host": (
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            rng.choice(HOST_POSITIONS).format(regency=wilayah.deployment().full_name),
        ),
    }
    codes = rng.sample(pool.desa, min(len(pool.desa), rng.choice([0, 1, 1, 2])))
    draw["visited"] = [pool.villages[code] for code in codes]
    draw["units"] = rng.sample(pool.unit_names, rng.randint(1, 3))
    draw["two_days"] = rng.random() < 0.2
    draw["adopted"] = rng.random() < 0.4
    draw["venue"] = rng.choice(["ruang Angling Darmo", "ruang Batik Madrim", "Pendopo Malowopati"])
    return draw


def _sample_visit(draw, vocabulary, *, position):
    """Write one drawn sample visit with its people, programme and photos; publish most of them."""
    institution, kind, day, visited = draw["institution"], draw["kind"], draw["day"], draw["visited"]
    phrases = [TOPIC_PHRASES[s] for s in draw["topics"]]
    visit = _upsert(
        Visit,
        {"slug": draw["slug"]},
        {
            "title": draw["title"],
            "kind": kind,
            "institution_id": institution.pk,
            "visiting_units": "",
            "leader_name": draw["leader"],
            "leader_position": draw["leader_position"],
            "delegation_size": draw["size"],
            "start_date": day,
            "end_date": day + datetime.timedelta(days=1) if draw["two_days"] else None,
            "venue": draw["venue"],
            "summary": "",
            "body": _sample_body(institution, kind, phrases, visited, draw["size"]),
            "follow_up": _sample_follow_up(institution, phrases) if draw["adopted"] else "",
            "author_credit": "Contoh/Dinkominfo",
            "is_sample": True,
        },
    )
    _set(visit.topics, [vocabulary.topics[s] for s in draw["topics"]])
    _set(visit.host_units, [vocabulary.units[n] for n in draw["units"]])
    _set(visit.villages, visited)
    host = draw["host"]
    _sync_children(visit, HostOfficial, ["name", "position", "part"], [(*host, HostOfficial.Part.RECEIVED)])
    sessions = [("Penerimaan rombongan dan paparan", visit.venue, host[0] + ", " + host[1])]
    sessions += [(f"Kunjungan ke {village.label}", village.label, "") for village in visited]
    _sync_children(visit, VisitSession, ["title", "venue", "led_by"], sessions)
    if position % 5 == 1:
        _sample_photos(visit, rng_seed=SAMPLE_SEED + position, count=1 + position % 2)
    if visit.status == Visit.Status.DRAFT and position not in SAMPLE_DRAFTS:
        services.change_status(
            visit=visit,
            to=Visit.Status.PUBLISHED,
            publish_at=datetime.datetime.combine(
                visit.end_date_or_start + datetime.timedelta(days=1), datetime.time(10, 0), tzinfo=WIB
            ),
        )
    return visit


def _weekday(rng, year):
    """A Monday-to-Thursday date in the year: delegations come on working days."""
    while True:
        day = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        if day.weekday() < 4:
            return day


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " dan " + words[-1]


def _sample_body(institution, kind, phrases, villages, size):
    paragraphs = [
        f"Rombongan {institution.name} yang berjumlah {size} orang melakukan "
        f"{KIND_WORDS[kind].lower()} ke {wilayah.deployment().government_name} untuk mempelajari {_join(phrases)}.",
        "Dalam paparannya, tuan rumah menjelaskan latar belakang program, dasar hukum, anggaran yang "
        "dibutuhkan dan kendala yang dihadapi di lapangan. Diskusi berlangsung interaktif.",
    ]
    if villages:
        names = _join([v.label for v in villages])
        paragraphs.append(f"Rombongan kemudian diajak melihat langsung pelaksanaan di {names}.")
    paragraphs.append(
        "Kunjungan ini adalah **data contoh** untuk memperagakan portal, bukan laporan kunjungan yang sebenarnya."
    )
    return "\n\n".join(paragraphs)


def _sample_follow_up(institution, phrases):
    return (
        f"Beberapa bulan setelah kunjungan, {institution.label} melaporkan telah menerapkan {phrases[0]} "
        "di wilayahnya dengan menyesuaikan aturan setempat. (Data contoh.)"
    )


def _sample_photos(visit, *, rng_seed, count):
    """Generated illustrations (not photos of the visit), flagged as samples."""
    if visit.photos.exists():
        return
    rng = random.Random(rng_seed)
    for order in range(count):
        image = _illustration(rng)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)
        photo = VisitPhoto(
            visit=visit,
            order=order,
            alt_text="Ilustrasi contoh: gambar sederhana sebuah ruang pertemuan, bukan foto kunjungan.",
            caption="Ilustrasi contoh, bukan foto asli kunjungan.",
            credit="Ilustrasi data contoh",
            is_sample=True,
        )
        photo.image.save("ilustrasi.jpg", ContentFile(buffer.getvalue()), save=False)
        photo.full_clean()
        photo.save()


def _illustration(rng):
    """A plain meeting-room picture: a wall, a table and round heads, in seeded colours."""
    width, height = 960, 640
    wall = (rng.randint(170, 220), rng.randint(190, 230), rng.randint(200, 240))
    image = Image.new("RGB", (width, height), wall)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 520, width, height], fill=(120, 90, 60))
    draw.rectangle([80, 420, 880, 520], fill=(90, 60, 40))
    for index in range(6):
        x = 130 + index * 125
        colour = (rng.randint(30, 200), rng.randint(30, 200), rng.randint(30, 200))
        draw.ellipse([x, 300, x + 70, 370], fill=(90, 60, 45))
        draw.rectangle([x - 10, 370, x + 80, 440], fill=colour)
    draw.rectangle([330, 70, 630, 240], fill=(245, 245, 245), outline=(60, 60, 60), width=6)
    return image
