"""Full-scale sample visits for `load_full_scale`: TOTAL_VISITS published visits in all.

Tops the published visits up to TOTAL_VISITS with invented visits of the last
ten years, by the demo's institutions and by regional governments and DPRDs
from across Indonesia (names and Kemendagri codes from the bundled wilayah
file). Each visit has topics, host units, visited villages (and the KIMs
there), host officials, a programme and 0–4 photos. The photos reuse the image
files and renditions of the demo's sample illustrations: no image is written.

Rows are written with bulk_create and look like visits published through
`services.change_status`: status published, a publish time in the past and a
history entry draft → published. Everything is flagged ``is_sample``.
Idempotent: the published visits are counted and only the remainder is added,
so a second run adds nothing. No signals fire (`load_full_scale` rebuilds the
search index afterwards) and no audit log entries are written.
"""

import datetime
import random
from types import SimpleNamespace

from django.utils import timezone

from kim.models import Kim
from portal import demo, richtext, wilayah
from portal.models import Village

from . import demo as visits_demo
from .models import (
    HostOfficial,
    HostUnit,
    Institution,
    Topic,
    Visit,
    VisitHistoryEntry,
    VisitPhoto,
    VisitSession,
)
from .models.visit import DESCRIPTION_LENGTH, RESERVED_SLUGS, SLUG_MAX_LENGTH
from .slugs import propose_slug
from .workflows import VISIT_WORKFLOW

TOTAL_VISITS = 2000
SEED = 352_2000
YEARS = 10
# Relative number of visits per year; the pandemic stopped travel in 2020 and slowed 2021.
YEAR_WEIGHTS = {2020: 0.15, 2021: 0.5}
# Regional governments and DPRDs added to the demo's institutions.
EXTRA_GOVERNMENTS = 160
EXTRA_PROVINCES = 20
EXTRA_DPRD = 25
# Jakarta's cities and regency are administrative, without a government of their own.
SKIPPED_PROVINCES = ("31",)
JAVA = ("32", "33", "34", "35", "36")
PHOTO_COUNTS = [0, 1, 2, 3, 4]
PHOTO_WEIGHTS = [45, 20, 15, 10, 10]
OTHER_PARTS = [HostOfficial.Part.ACCOMPANIED, HostOfficial.Part.PRESENTED, HostOfficial.Part.ALSO_PRESENT]
PRESENTERS = [
    "Kepala Bidang Pengelolaan Komunikasi Publik Dinas Kominfo",
    "Kepala Bidang Pengelolaan Informasi dan Aspirasi Publik Dinas Kominfo",
    "Kepala Bidang Layanan E-Government Dinas Kominfo",
    "Kepala Bagian Pemerintahan Setda",
    "Kepala Bidang Pemerintahan Desa Dinas PMD",
    "Ketua Forum KIM",
]
VENUES = ["ruang Angling Darmo", "ruang Batik Madrim", "Pendopo Malowopati", "ruang rapat Dinas Kominfo"]
PHOTO_ALT = "Ilustrasi contoh: gambar sederhana sebuah ruang pertemuan, bukan foto kunjungan."
PHOTO_CAPTION = "Ilustrasi contoh, bukan foto asli kunjungan."
PHOTO_CREDIT = "Ilustrasi data contoh"


@demo.full_scale_loader(order=30, name="visits")
def load(stdout):
    existing = Visit.objects.published().count()
    missing = max(0, TOTAL_VISITS - existing)
    if missing:
        _add_visits(missing, rng=random.Random(SEED + existing))
    total = Visit.objects.published().count()
    stdout.write(f"  {missing} sample visits added; {total} published visits")


def _add_visits(count, *, rng):
    pool = _pool(rng)
    days = _visit_days(count, rng, today=timezone.localdate())
    visits, details = [], []
    for day in days:
        visit, chosen_topics, visited = _new_visit(day, rng, pool)
        visits.append(visit)
        details.append(_details(visit, day, chosen_topics, visited, rng, pool))
    Visit.objects.bulk_create(visits, batch_size=500)
    _bulk_children(visits, details, pool.photos, rng)


def _pool(rng):
    """What the new visits are drawn from (the institutions are drawn with `rng`)."""
    vocabulary = visits_demo.load_vocabulary()
    institutions = _institutions(rng)
    weights = [_institution_weight(institution) for institution in institutions]
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    topic_slugs = [slug for slug, _name, _text in visits_demo.TOPICS if slug != "keimigrasian"]
    units = list(HostUnit.objects.filter(name__in=vocabulary.units).order_by("name"))
    villages = list(Village.objects.desa().order_by("code")) or list(Village.objects.order_by("code"))
    kims_by_village = {}
    for kim in Kim.objects.published().order_by("slug"):
        kims_by_village.setdefault(kim.village_id, []).append(kim)
    photos = _photo_sources()
    regency = wilayah.deployment()
    slugs = set(Visit.objects.values_list("slug", flat=True)) | set(RESERVED_SLUGS)
    return SimpleNamespace(
        institutions=institutions,
        weights=weights,
        topics=topics,
        topic_slugs=topic_slugs,
        units=units,
        villages=villages,
        kims_by_village=kims_by_village,
        photos=photos,
        regency=regency,
        slugs=slugs,
        now=timezone.now(),
    )


def _new_visit(day, rng, pool):
    """An unsaved published sample visit on `day`, with the topics and villages drawn for it."""
    institution = rng.choices(pool.institutions, pool.weights)[0]
    kind = rng.choice(visits_demo.SAMPLE_KINDS)
    chosen_topics = rng.sample(pool.topic_slugs, rng.randint(1, 3))
    phrases = [visits_demo.TOPIC_PHRASES[s] for s in chosen_topics]
    words = visits_demo._join([visits_demo.TOPIC_WORDS[s] for s in chosen_topics])
    title = f"{visits_demo.KIND_WORDS[kind]} {institution.label} tentang {words}"
    slug = _free_slug(
        f"{propose_slug(title, max_length=SLUG_MAX_LENGTH - 10, fallback='kunjungan')}-{day:%Y%m%d}",
        pool.slugs,
    )
    size = rng.randint(6, 45)
    end = day + datetime.timedelta(days=1) if rng.random() < 0.2 else None
    publish_at = datetime.datetime.combine(
        (end or day) + datetime.timedelta(days=1),
        datetime.time(10, rng.randrange(0, 60)),
        tzinfo=visits_demo.WIB,
    )
    visited = rng.sample(pool.villages, min(len(pool.villages), rng.choice([0, 1, 1, 1, 2, 3])))
    body = visits_demo._sample_body(institution, kind, phrases, visited, size)
    follow_up = visits_demo._sample_follow_up(institution, phrases) if rng.random() < 0.4 else ""
    venue = rng.choice(VENUES)
    body_html = richtext.to_html(body)
    visit = Visit(
        title=title,
        slug=slug,
        kind=kind,
        institution=institution,
        leader_name=_person(rng),
        leader_position=rng.choice(visits_demo.LEADER_POSITIONS[institution.kind]),
        delegation_size=size,
        start_date=day,
        end_date=end,
        venue=venue,
        body=body,
        body_html=body_html,
        body_start=richtext.html_to_text(body_html, limit=DESCRIPTION_LENGTH),
        follow_up=follow_up,
        follow_up_html=richtext.to_html(follow_up) if follow_up else "",
        author_credit="Contoh/Dinkominfo",
        publish_at=min(publish_at, pool.now),
        is_sample=True,
    )
    return visit, chosen_topics, visited


def _details(visit, day, chosen_topics, visited, rng, pool):
    """The relations, people and programme drawn for a new visit."""
    host = (_person(rng), rng.choice(visits_demo.HOST_POSITIONS).format(regency=pool.regency.full_name))
    officials = [(*host, HostOfficial.Part.RECEIVED)]
    for part in rng.sample(OTHER_PARTS, rng.randint(0, 2)):
        officials.append((_person(rng), rng.choice(PRESENTERS), part))
    sessions = [("Penerimaan rombongan dan paparan", visit.venue, f"{host[0]}, {host[1]}")]
    sessions += [(f"Kunjungan ke {village.label}", str(village.label), "") for village in visited]
    kims = [
        present[0]
        for village in visited
        if (present := [kim for kim in pool.kims_by_village.get(village.code, []) if _existed(kim, day)])
        and rng.random() < 0.5
    ]
    return {
        "topics": [pool.topics[s] for s in chosen_topics if s in pool.topics],
        "units": rng.sample(pool.units, min(len(pool.units), rng.randint(1, 3))),
        "villages": visited,
        "kims": kims,
        "officials": officials,
        "sessions": sessions,
        "photos": rng.choices(PHOTO_COUNTS, PHOTO_WEIGHTS)[0] if pool.photos else 0,
        "history": _published(visit),
    }


def _published(visit):
    """Put a new visit on the path draft → published; return its one history row.

    A visit enters its history with its first move (the admin creates drafts
    without a history row), so the seeded row for the draft is left out.
    """
    at = visit.publish_at
    path = [(Visit.Status.DRAFT, at), (Visit.Status.PUBLISHED, at)]
    return VISIT_WORKFLOW.seed(visit, path, history_rows={1: {"publish_at": at, "is_public": True}})[1:]


def _bulk_children(visits, details, photos, rng):
    """The relations, people, programme, photos and history of freshly created visits."""
    topic_links, unit_links, village_links, kim_links = [], [], [], []
    officials, sessions, pictures, history = [], [], [], []
    for visit, detail in zip(visits, details, strict=True):
        topic_links += [Visit.topics.through(visit_id=visit.pk, topic_id=t.pk) for t in detail["topics"]]
        unit_links += [Visit.host_units.through(visit_id=visit.pk, hostunit_id=u.pk) for u in detail["units"]]
        village_links += [
            Visit.villages.through(visit_id=visit.pk, village_id=v.pk) for v in detail["villages"]
        ]
        kim_links += [Visit.kims_visited.through(visit_id=visit.pk, kim_id=k.pk) for k in detail["kims"]]
        officials += [
            HostOfficial(visit=visit, order=index, name=name, position=position, part=part)
            for index, (name, position, part) in enumerate(detail["officials"])
        ]
        sessions += [
            VisitSession(visit=visit, order=index, title=title, venue=venue, led_by=led_by)
            for index, (title, venue, led_by) in enumerate(detail["sessions"])
        ]
        for order, source in enumerate(rng.sample(photos, min(len(photos), detail["photos"]))):
            pictures.append(
                VisitPhoto(
                    visit=visit,
                    order=order,
                    image=source["image"],
                    width=source["width"],
                    height=source["height"],
                    renditions=source["renditions"],
                    alt_text=PHOTO_ALT,
                    caption=PHOTO_CAPTION,
                    credit=PHOTO_CREDIT,
                    is_sample=True,
                )
            )
        history += VISIT_WORKFLOW.attach(visit, detail["history"])
    for model, rows in (
        (Visit.topics.through, topic_links),
        (Visit.host_units.through, unit_links),
        (Visit.villages.through, village_links),
        (Visit.kims_visited.through, kim_links),
        (HostOfficial, officials),
        (VisitSession, sessions),
        (VisitPhoto, pictures),
        (VisitHistoryEntry, history),
    ):
        model.objects.bulk_create(rows, batch_size=1000)


def _institutions(rng):
    """The demo's institutions plus regional governments and DPRDs drawn from the wilayah file."""
    own = wilayah.deployment().code
    regencies = [
        regency
        for code in _regency_codes()
        if code != own
        and code[:2] not in SKIPPED_PROVINCES
        and (regency := wilayah.regency_or_none(code)) is not None
        and "." not in regency.name
        and not regency.name.startswith("Kab ")
    ]
    provinces = [(code, name) for code, name in wilayah.provinces() if code not in SKIPPED_PROVINCES]
    wanted = []
    for regency in rng.sample(regencies, min(len(regencies), EXTRA_GOVERNMENTS)):
        kind = Institution.Kind.PEMKOT if regency.kind == "kota" else Institution.Kind.PEMKAB
        wanted.append((regency.government_name, regency.short_government_name, kind, regency.code))
    for code, name in rng.sample(provinces, min(len(provinces), EXTRA_PROVINCES)):
        wanted.append((f"Pemerintah Provinsi {name}", f"Pemprov {name}", Institution.Kind.PEMPROV, code))
    for regency in rng.sample(regencies, min(len(regencies), EXTRA_DPRD)):
        name = f"DPRD {regency.full_name}"
        wanted.append((name, name, Institution.Kind.DPRD, regency.code))
    existing = set(Institution.objects.values_list("name", flat=True))
    new = []
    for name, short, kind, code in wanted:
        if name in existing:
            continue
        existing.add(name)
        institution = Institution(name=name, short_name=short, kind=kind, region_code=code)
        # The model's own checks of kind and region code; the name was made unique above.
        institution.clean_fields()
        institution.clean()
        institution.province_code = code[:2]
        new.append(institution)
    Institution.objects.bulk_create(new)
    return list(Institution.objects.order_by("name"))


def _regency_codes():
    """Every possible PP.KK code of the listed provinces (kabupaten count up from 01, kota from 71)."""
    return [f"{province}.{number:02d}" for province, _name in wilayah.provinces() for number in range(1, 100)]


def _institution_weight(institution):
    """Neighbours visit more often: the same province, then the rest of Java, then the others."""
    province = wilayah.deployment().province_code
    if institution.province_code == province:
        return 4
    if institution.province_code in JAVA:
        return 2
    return 1


def _visit_days(count, rng, *, today):
    """`count` working days (Monday to Thursday) of the last YEARS years, oldest first, all past."""
    last = today - datetime.timedelta(days=2)
    years = list(range(today.year - YEARS + 1, today.year + 1))
    weights = [YEAR_WEIGHTS.get(year, 1.0) for year in years]
    days = []
    while len(days) < count:
        year = rng.choices(years, weights)[0]
        first = datetime.date(year, 1, 1)
        span = (min(datetime.date(year, 12, 31), last) - first).days
        if span < 0:
            continue
        day = first + datetime.timedelta(days=rng.randint(0, span))
        if day.weekday() < 4:
            days.append(day)
    return sorted(days)


def _photo_sources():
    """The image files and renditions of the demo's sample illustrations (one per file)."""
    sources = {}
    for photo in VisitPhoto.objects.filter(is_sample=True).order_by("pk"):
        if photo.image and photo.renditions:
            sources.setdefault(
                photo.image.name,
                {
                    "image": photo.image.name,
                    "width": photo.width,
                    "height": photo.height,
                    "renditions": photo.renditions,
                },
            )
    return list(sources.values())


def _existed(kim, day):
    """Whether a delegation could meet the KIM on that day: founded by then and not yet dissolved."""
    founded = kim.founded_on is None or kim.founded_on <= day
    dissolved = kim.status == Kim.Status.DISSOLVED and kim.status_since and kim.status_since <= day
    return founded and not dissolved


def _person(rng):
    return f"{rng.choice(visits_demo.FIRST_NAMES)} {rng.choice(visits_demo.LAST_NAMES)}"


def _free_slug(base, taken):
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
