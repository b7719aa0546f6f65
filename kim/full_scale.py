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

import datetime
import functools
import random
import re
from collections import Counter

from django.utils import timezone
from django.utils.text import slugify

from portal import demo, richtext
from portal.models import Village

from . import demo as kim_demo
from .models import (
    RESERVED_SLUGS,
    Achievement,
    BoardMember,
    Kim,
    KimStatusChange,
    MediaChannel,
    Post,
    PostPhoto,
    PostTransition,
)
from .workflows import KIM_WORKFLOW, POST_WORKFLOW

TOTAL_KIMS = 600
TOTAL_POSTS = 5000
SEED = "kim-full-scale"
# Share of villages left without any KIM, as in a real regency.
UNCOVERED_SHARE = 0.05
POST_YEARS = 6
# How many photos a post has: most none, a few up to three.
PHOTO_COUNTS = [0, 1, 2, 3]
PHOTO_WEIGHTS = [70, 18, 8, 4]
# The review history of a post stays in the back office.
PRIVATE = {step: {"is_public": False} for step in range(3)}
# More subjects than the demo's, so that five thousand posts do not all read alike.
MORE_POST_TOPICS = [
    (
        "Penyaluran BLT Dana Desa {year} di {place}",
        "Pemerintah desa menyalurkan bantuan langsung tunai (BLT) Dana Desa kepada keluarga penerima "
        "manfaat. KIM mengumumkan daftar penerima di papan informasi agar warga dapat ikut mengawasi.\n\n"
        "Warga yang merasa berhak tetapi belum terdaftar dapat menyampaikan usulan kepada pemerintah desa.",
    ),
    (
        "Sosialisasi pencegahan stunting di {place}",
        "Bidan desa dan kader posyandu menjelaskan pentingnya gizi seimbang bagi ibu hamil dan balita. "
        "KIM merekam sosialisasi dan membagikan ringkasannya kepada warga.\n\n"
        "- pemeriksaan kehamilan rutin\n- ASI eksklusif enam bulan\n- makanan pendamping ASI bergizi",
    ),
    (
        "Pembangunan jalan desa dari Dana Desa {year}",
        "Pembangunan jalan rabat beton di {place} dibiayai Dana Desa tahun {year}. "
        "KIM memotret papan proyek yang memuat volume pekerjaan, anggaran dan pelaksana kegiatan.\n\n"
        "Warga diminta ikut mengawasi mutu pekerjaan dan melapor bila ada kejanggalan.",
    ),
    (
        "Peringatan HUT Kemerdekaan RI di {place}",
        "Warga memeriahkan HUT Kemerdekaan RI dengan upacara bendera, lomba anak-anak dan kirab budaya. "
        "KIM meliput rangkaian acara dan mengumumkan para pemenang lomba.\n\n"
        "Panitia berterima kasih kepada warga dan pelaku usaha yang membantu.",
    ),
    (
        "Pelatihan pemasaran daring untuk UMKM {place}",
        "KIM bersama BUMDes melatih pelaku usaha mikro memotret produk dan menjualnya lewat lokapasar. "
        "Peserta langsung membuat akun toko dan mengunggah produk pertama mereka.\n\n"
        "Pendampingan lanjutan diadakan setiap bulan di balai desa.",
    ),
    (
        "Pelayanan adminduk keliling di {place}",
        "Petugas Dinas Kependudukan dan Pencatatan Sipil membuka layanan keliling untuk perekaman KTP-el, "
        "kartu keluarga dan akta kelahiran. KIM menyebarkan jadwal dan syaratnya sepekan sebelumnya.\n\n"
        "Warga cukup membawa fotokopi kartu keluarga dan dokumen pendukung.",
    ),
    (
        "Rapat koordinasi KIM se-kecamatan {year}",
        "Pengurus KIM se-kecamatan berkumpul membahas program kerja tahun {year}. "
        "Tuan rumah, KIM dari {place}, berbagi pengalaman mengelola situs web dan buletin.\n\n"
        "Rapat sepakat mengadakan pelatihan jurnalistik bersama.",
    ),
    (
        "Hasil musyawarah penetapan APBDes {year}",
        "Badan Permusyawaratan Desa dan pemerintah desa menyepakati APBDes {year}. "
        "KIM menyusun ringkasan pendapatan dan belanja desa dalam bentuk infografis.\n\n"
        "Dokumen lengkap APBDes dapat dilihat di portal dan di kantor desa.",
    ),
]
POST_TOPICS = [*kim_demo.POST_TOPICS, *MORE_POST_TOPICS]
TRAILING_NAME = re.compile(r"\s*\([^()]*\)$")
# Post.save() keeps the first EXCERPT_LIMIT characters of the text as the excerpt.
EXCERPT_LIMIT = 280
# Values that Markdown and the sanitiser leave exactly as they are.
PLAIN = re.compile(r"[A-Za-z0-9 ]+")


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


def _add_posts(count, rng):
    authors = list(
        Kim.objects.published().filter(status=Kim.Status.ACTIVE).select_related("village").order_by("slug")
    )
    if not authors:
        return 0
    # A few KIMs write a lot, most now and then.
    weights = [min(rng.paretovariate(1.5), 12) for _kim in authors]
    now = timezone.now()
    earliest = now - datetime.timedelta(days=365 * POST_YEARS)
    slugs = set(Post.objects.values_list("slug", flat=True))
    photos = _photo_sources()

    planned = []
    for kim in rng.choices(authors, weights, k=count):
        start = earliest
        if kim.founded_on:
            founded = datetime.datetime.combine(
                kim.founded_on, datetime.time(8), tzinfo=timezone.get_current_timezone()
            )
            start = max(start, founded)
        end = now - datetime.timedelta(hours=1)
        published = start + (end - start) * rng.random() if start < end else end
        planned.append((published, kim))
    planned.sort(key=lambda row: row[0])

    posts, photo_counts, transitions = [], [], []
    for published, kim in planned:
        title_template, body_template = rng.choice(POST_TOPICS)
        place = str(kim.village.label)
        year = timezone.localtime(published).year
        title = title_template.format(year=year, place=place)
        body, body_html, excerpt = _render(body_template, year=year, place=place)
        submitted = published - datetime.timedelta(hours=rng.randrange(2, 72))
        drafted = submitted - datetime.timedelta(hours=rng.randrange(1, 48))
        post = Post(
            kim=kim,
            title=title,
            slug=_free_slug(slugify(f"{title} {kim.slug}")[:110].strip("-"), slugs),
            body=body,
            body_html=body_html,
            excerpt=excerpt,
            submitted_at=submitted,
            published_at=published,
            is_sample=True,
        )
        path = [
            (Post.Status.DRAFT, drafted),
            (Post.Status.SUBMITTED, submitted),
            (Post.Status.PUBLISHED, published),
        ]
        transitions.append(POST_WORKFLOW.seed(post, path, history_rows=PRIVATE))
        posts.append(post)
        photo_counts.append(rng.choices(PHOTO_COUNTS, PHOTO_WEIGHTS)[0] if photos else 0)
    Post.objects.bulk_create(posts, batch_size=500)

    history, pictures = [], []
    for post, rows, photo_count in zip(posts, transitions, photo_counts, strict=True):
        history += POST_WORKFLOW.attach(post, rows)
        for order, source in enumerate(rng.sample(photos, min(len(photos), photo_count))):
            pictures.append(
                PostPhoto(
                    post=post,
                    order=order,
                    image=source.image.name,
                    width=source.width,
                    height=source.height,
                    renditions=source.renditions,
                    alt_text=f"{TRAILING_NAME.sub('', source.alt_text)} ({post.kim.name})"[:250],
                    caption=source.caption,
                    credit=source.credit,
                )
            )
    PostTransition.objects.bulk_create(history, batch_size=1000)
    PostPhoto.objects.bulk_create(pictures, batch_size=1000)
    return len(posts)


def _render(template, **values):
    """The text, HTML and excerpt of ``template.format(**values)``, as Post.save() derives them.

    Rendering Markdown is most of this loader's time, so each template is
    rendered once with its placeholders and plain values are filled in
    afterwards; other values are rendered in full.
    """
    body = template.format(**values)
    if not all(PLAIN.fullmatch(str(value)) for value in values.values()):
        return body, richtext.to_html(body), richtext.to_text(body, limit=EXCERPT_LIMIT)
    html, text = _rendered_template(template)
    text = text.format(**values)
    if len(text) > EXCERPT_LIMIT:
        # As richtext.to_text() shortens: at a word boundary, with an ellipsis.
        text = text[: EXCERPT_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return body, html.format(**values), text


@functools.cache
def _rendered_template(template):
    return richtext.to_html(template), richtext.to_text(template)


def _photo_sources():
    """The demo's post photos, one per image file, whose files and renditions are reused."""
    sources = {}
    for photo in PostPhoto.objects.filter(post__is_sample=True).order_by("pk"):
        if photo.image and photo.renditions:
            sources.setdefault(photo.image.name, photo)
    return list(sources.values())


def _free_slug(base, taken, *, alternative=""):
    """`base`, else `base-<alternative>`, else with -2, -3, … appended: whichever is not taken."""
    candidates = [base, f"{base}-{alternative}"] if alternative else [base]
    for slug in candidates:
        if slug not in taken:
            taken.add(slug)
            return slug
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    taken.add(f"{base}-{number}")
    return f"{base}-{number}"
