"""Published sample KIM news with its review history, reusing the demo's photo files."""

import datetime
import functools
import re

from django.utils import timezone
from django.utils.text import slugify

from portal import richtext

from .. import demo as kim_demo
from ..models import (
    Kim,
    Post,
    PostPhoto,
    PostTransition,
)
from ..workflows import POST_WORKFLOW
from .slugs import _free_slug

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


def _add_posts(count, rng):
    authors = list(
        Kim.objects.published().filter(status=Kim.Status.ACTIVE).select_related("village").order_by("slug")
    )
    if not authors:
        return 0
    slugs = set(Post.objects.values_list("slug", flat=True))
    photos = _photo_sources()
    posts, photo_counts, transitions = [], [], []
    for published, kim in _publication_times(authors, count, rng):
        post, rows = _published_post(kim, published, rng, slugs)
        transitions.append(rows)
        posts.append(post)
        photo_counts.append(rng.choices(PHOTO_COUNTS, PHOTO_WEIGHTS)[0] if photos else 0)
    Post.objects.bulk_create(posts, batch_size=500)

    history, pictures = [], []
    for post, rows, photo_count in zip(posts, transitions, photo_counts, strict=True):
        history += POST_WORKFLOW.attach(post, rows)
        pictures += _reused_photos(post, rng.sample(photos, min(len(photos), photo_count)))
    PostTransition.objects.bulk_create(history, batch_size=1000)
    PostPhoto.objects.bulk_create(pictures, batch_size=1000)
    return len(posts)


def _publication_times(authors, count, rng):
    """`count` (publication time, KIM) pairs, oldest first; a few KIMs write a lot, most now and then."""
    weights = [min(rng.paretovariate(1.5), 12) for _kim in authors]
    now = timezone.now()
    earliest = now - datetime.timedelta(days=365 * POST_YEARS)
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
    return planned


def _published_post(kim, published, rng, slugs):
    """An unsaved published post of `kim` and its seeded review history."""
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
    return post, POST_WORKFLOW.seed(post, path, history_rows=PRIVATE)


def _reused_photos(post, sources):
    return [
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
        for order, source in enumerate(sources)
    ]


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
