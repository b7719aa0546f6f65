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

import datetime
import io
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from portal import demo, wilayah
from portal.models import Village

from . import services
from .models import (
    Achievement,
    BoardMember,
    BoardRole,
    Forum,
    ForumBoardMember,
    Kim,
    KimLevel,
    MediaChannel,
    Post,
    PostPhoto,
)

SEED = "kim-demo"
# Dates are drawn up to this day (or today, if earlier) so the plan does not drift.
ANCHOR = datetime.date(2026, 6, 30)
# Share of villages that get a sample KIM; a few of those KIMs are inactive or dissolved.
VILLAGE_SHARE = 0.73
SOURCE_2017 = "Berita Dinas Kominfo Kabupaten Bojonegoro, 19 September 2017"

SEDAHKIDUL = "35.22.18.2007"
SUMBERREJO = "35.22.12.2006"
PEJAMBON = "35.22.12.2015"

LEVELS = [
    ("tumbuh", "Tumbuh", "KIM baru dengan pengurus dan SK pengukuhan."),
    ("berkembang", "Berkembang", "KIM yang rutin menerbitkan informasi lewat satu saluran media atau lebih."),
    ("maju", "Maju", "KIM yang membantu desa mempublikasikan APBDes dan punya situs web sendiri."),
    ("mandiri", "Mandiri", "KIM yang menjadi rujukan KIM lain dan berprestasi dalam lomba."),
]

GIVEN = [
    "Agus",
    "Bambang",
    "Budi",
    "Dwi",
    "Eko",
    "Endang",
    "Fitri",
    "Hadi",
    "Heru",
    "Indah",
    "Joko",
    "Kartini",
    "Lestari",
    "Muji",
    "Nanik",
    "Nur",
    "Puji",
    "Rahayu",
    "Retno",
    "Rini",
    "Sri",
    "Sugeng",
    "Suharti",
    "Sulastri",
    "Supriyadi",
    "Susanto",
    "Tri",
    "Wahyu",
    "Wati",
    "Yuli",
    "Yusuf",
    "Ahmad",
    "Siti",
    "Umi",
    "Teguh",
    "Slamet",
    "Ratna",
    "Dian",
    "Arif",
    "Nining",
]
FAMILY = [
    "Prasetyo",
    "Wibowo",
    "Setiawan",
    "Handayani",
    "Susilowati",
    "Hidayat",
    "Kurniawan",
    "Rahmawati",
    "Santoso",
    "Purnomo",
    "Utomo",
    "Wulandari",
    "Saputra",
    "Maulana",
    "Fauzi",
    "Lestari",
    "Suryani",
    "Haryanto",
    "Nugroho",
    "Anggraini",
    "Mulyono",
    "Sholikhin",
    "Asrori",
    "Khoiriyah",
]
NAME_WORDS = [
    "Warta",
    "Suara",
    "Cahaya",
    "Sinar",
    "Mitra",
    "Jendela",
    "Lentera",
    "Gema",
    "Kabar",
    "Pena",
    "Media",
    "Wahana",
    "Sumber",
    "Citra",
    "Bina",
]
POST_TOPICS = [
    (
        "Papan informasi APBDes {year} dipasang di {place}",
        "Pemerintah desa bersama KIM memasang papan informasi APBDes {year} di depan balai desa. "
        "Warga dapat membaca rincian pendapatan, belanja dan pembiayaan desa.\n\n"
        "KIM juga membagikan ringkasannya lewat grup warga dan papan pengumuman di setiap dusun.",
    ),
    (
        "Pelatihan menulis berita untuk warga {place}",
        "KIM mengadakan pelatihan menulis berita sederhana untuk pemuda dan ibu-ibu PKK. "
        "Peserta belajar menyusun berita dengan rumus 5W+1H dan memotret kegiatan dengan ponsel.\n\n"
        "Hasil tulisan peserta akan dimuat di buletin KIM bulan depan.",
    ),
    (
        "Musyawarah desa membahas RKPDes {year}",
        "Musyawarah desa di {place} membahas rencana kerja pemerintah desa tahun {year}. "
        "KIM mencatat usulan warga dan menyebarkan hasilnya.\n\n"
        "- usulan perbaikan jalan usaha tani\n- pelatihan usaha mikro\n- penambahan lampu jalan",
    ),
    (
        "Jadwal posyandu dan imunisasi bulan ini di {place}",
        "KIM menyebarkan jadwal posyandu balita dan lansia di setiap dusun. "
        "Warga diminta membawa buku KIA saat datang.\n\n"
        "Informasi lengkap ada di papan pengumuman balai desa.",
    ),
    (
        "Realisasi APBDes semester pertama {year} diumumkan",
        "Pemerintah desa mengumumkan laporan realisasi APBDes semester pertama tahun {year}. "
        "KIM membantu menyusun infografis agar angka-angkanya mudah dipahami warga.\n\n"
        "Warga yang ingin bertanya dapat menghubungi PPID desa.",
    ),
    (
        "Kerja bakti membersihkan saluran irigasi di {place}",
        "Warga bergotong royong membersihkan saluran irigasi menjelang musim tanam. "
        "KIM mendokumentasikan kegiatan dan mengajak warga menjaga kebersihan saluran.\n\n"
        "Kegiatan ini diikuti perangkat desa, kelompok tani dan karang taruna.",
    ),
    (
        "Sosialisasi hak warga atas informasi publik",
        "KIM bersama PPID desa menjelaskan cara warga meminta informasi publik sesuai UU 14/2008. "
        "Peserta diajak mencoba mengajukan permohonan informasi melalui portal.\n\n"
        "Materi sosialisasi dapat dipinjam di sekretariat KIM.",
    ),
]
RETURN_NOTE = "Mohon tambahkan nama kegiatan, tanggal dan sumber angka yang dikutip, lalu kirim ulang."


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


# --- Reference data -------------------------------------------------------------


def _levels():
    levels = []
    for order, (slug, name, description) in enumerate(LEVELS):
        level, _created = KimLevel.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order, "is_sample": True}
        )
        levels.append(level)
    return levels


def _years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _person(rng, used):
    while True:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if name not in used:
            used.add(name)
            return name


def _board_rows(rng, *, start, end, full, extra_members, used, skip_roles=()):
    roles = [BoardRole.CHAIR, BoardRole.SECRETARY, BoardRole.TREASURER]
    if full:
        roles += [BoardRole.GATHERING, BoardRole.PROCESSING, BoardRole.DISSEMINATION]
    roles += [BoardRole.MEMBER] * extra_members
    return [
        {"role": role, "name": _person(rng, used), "term_start": start, "term_end": end}
        for role in roles
        if role not in skip_roles
    ]


def _ensure_board(kim, rows, *, is_sample, source=""):
    for row in rows:
        BoardMember.objects.get_or_create(
            kim=kim,
            role=row["role"],
            name=row["name"],
            term_start=row["term_start"],
            defaults={"term_end": row["term_end"], "is_sample": is_sample, "source": source},
        )


# --- The real KIMs ----------------------------------------------------------------


def _real_kim(slug, defaults):
    kim = Kim.objects.filter(slug=slug).first()
    if kim is not None:
        return kim, False
    return services.register_kim(kim=Kim(slug=slug, **defaults), by=None), True


def _sendang_potro(village, rng, today):
    kim, created = _real_kim(
        "sendang-potro",
        {
            "name": "KIM Sendang Potro",
            "village": village,
            "description": (
                "KIM berprestasi di Desa Sedahkidul, Kecamatan Purwosari.\n\n"
                "Pada 19 September 2017 rombongan Dinas Komunikasi Informatika dan Statistik Kota Magelang "
                "berkunjung ke Desa Sedahkidul untuk melihat langsung peranan KIM Sendang Potro dan "
                "pelaksanaan keterbukaan pemerintahan di tingkat desa."
            ),
        },
    )
    local = random.Random(f"{SEED}-sendang-potro")
    used = set()
    _ensure_board(
        kim,
        _board_rows(
            local,
            start=datetime.date(2022, 1, 10),
            end=datetime.date(2026, 12, 31),
            full=True,
            extra_members=2,
            used=used,
        ),
        is_sample=True,
    )
    _ensure_board(
        kim,
        _board_rows(
            local,
            start=datetime.date(2017, 1, 9),
            end=datetime.date(2021, 12, 31),
            full=False,
            extra_members=0,
            used=used,
        ),
        is_sample=True,
    )
    Achievement.objects.get_or_create(
        kim=kim,
        title="Lomba KIM tingkat Kabupaten",
        year=2016,
        defaults={
            "level": Achievement.Level.KABUPATEN,
            "rank": "Juara I",
            "awarded_by": "Dinas Komunikasi dan Informatika",
            "is_sample": True,
        },
    )
    Achievement.objects.get_or_create(
        kim=kim,
        title="Lomba KIM tingkat Provinsi Jawa Timur",
        year=2017,
        defaults={
            "level": Achievement.Level.PROVINSI,
            "rank": "Harapan I",
            "awarded_by": "Dinas Komunikasi dan Informatika Provinsi Jawa Timur",
            "is_sample": True,
        },
    )
    manager = get_user_model().objects.filter(username="pengelola_kim").first()
    if manager is not None:
        kim.managers.add(manager)
    return int(created)


def _deru_maju(village, rng, today):
    kim, created = _real_kim(
        "deru-maju",
        {
            "name": "KIM Deru Maju",
            "village": village,
            "description": (
                "KIM di Desa Sumberrejo, Kecamatan Sumberejo. Ketuanya, Iwan Siswoyo, berbagi pengalaman "
                "mengelola KIM kepada rombongan Pemerintah Kota Magelang pada 19 September 2017."
            ),
        },
    )
    BoardMember.objects.get_or_create(
        kim=kim,
        role=BoardRole.CHAIR,
        name="Iwan Siswoyo",
        term_start=None,
        defaults={"term_end": None, "is_sample": False, "source": SOURCE_2017},
    )
    local = random.Random(f"{SEED}-deru-maju")
    _ensure_board(
        kim,
        _board_rows(
            local,
            start=None,
            end=None,
            full=True,
            extra_members=1,
            used={"Iwan Siswoyo"},
            skip_roles=(BoardRole.CHAIR,),
        ),
        is_sample=True,
    )
    return int(created)


# --- Sample KIMs ----------------------------------------------------------------


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
    if Kim.objects.filter(slug=item["slug"]).exists():
        return 0
    village = item["village"]
    rng = random.Random(item["seed"])
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
        kim = services.change_kim_status(
            kim=kim,
            to=item["status"],
            on=max(item["status_on"], item["founded"]),
            by=None,
            note="Tidak ada kegiatan sejak setahun terakhir."
            if item["status"] == Kim.Status.INACTIVE
            else "",
        )
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
    MediaChannel.objects.bulk_create(channels)
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
    if item["status"] == Kim.Status.DISSOLVED:
        # A dissolved KIM's board ends with it.
        for row in rows:
            if row["term_end"] >= kim.status_since >= row["term_start"]:
                row["term_end"] = kim.status_since
    BoardMember.objects.bulk_create(BoardMember(kim=kim, is_sample=True, **row) for row in rows)
    if item["awards"]:
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
    return 1


# --- The KIM forum ---------------------------------------------------------------


def _forum(pejambon, rng, today):
    regency = wilayah.deployment()
    name = f"Forum KIM {regency.full_name}"
    forum, created = Forum.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "description": (
                "Forum yang menghimpun KIM se-kabupaten. Pada 19 September 2017 ketuanya, Sufyan, "
                "berbagi pengalaman mengelola KIM kepada rombongan Pemerintah Kota Magelang."
            ),
        },
    )
    if pejambon is not None:
        ForumBoardMember.objects.get_or_create(
            forum=forum,
            role=BoardRole.CHAIR,
            name="Sufyan",
            term_start=None,
            defaults={
                "village": pejambon,
                "affiliation": "Sekretaris Desa Pejambon",
                "source": SOURCE_2017,
                "is_sample": False,
            },
        )
    local = random.Random(f"{SEED}-forum")
    sample_kims = list(Kim.objects.filter(is_sample=True, status=Kim.Status.ACTIVE).order_by("slug")[:200])
    if sample_kims:
        used = {"Sufyan"}
        for role in (
            BoardRole.VICE_CHAIR,
            BoardRole.SECRETARY,
            BoardRole.TREASURER,
            BoardRole.MEMBER,
            BoardRole.MEMBER,
        ):
            kim = local.choice(sample_kims)
            person = _person(local, used)
            ForumBoardMember.objects.get_or_create(
                forum=forum,
                role=role,
                name=person,
                term_start=None,
                defaults={"kim": kim, "is_sample": True},
            )
    return created


# --- News -------------------------------------------------------------------------


def _posts(rng, today, *, slugs):
    """Sample news: many published, and a few drafts, submissions and returns to review.

    Authors come from the demo's own KIMs (``slugs``), so KIMs added later (by
    `load_full_scale`, or by staff) never change what a second run writes.
    """
    local = random.Random(f"{SEED}-posts")
    kims = list(
        Kim.objects.filter(status=Kim.Status.ACTIVE, slug__in=slugs)
        .select_related("village")
        .order_by("slug")
    )
    if not kims:
        return 0
    by_slug = {k.slug: k for k in kims}
    authors = [by_slug[s] for s in ("sendang-potro", "deru-maju") if s in by_slug]
    others = [k for k in kims if k.slug not in ("sendang-potro", "deru-maju")]
    authors += local.sample(others, min(40, len(others)))
    created = 0
    end = timezone.make_aware(datetime.datetime.combine(today, datetime.time(9, 0)))
    for index, kim in enumerate(authors):
        count = 4 if index < 2 else local.randrange(1, 3)
        for n, (title_template, body_template) in enumerate(local.sample(POST_TOPICS, count)):
            year = today.year - local.randrange(0, 2)
            title = title_template.format(year=year, place=kim.village.label)
            slug = slugify(f"{title} {kim.slug}")[:110]
            at = end - datetime.timedelta(days=local.randrange(1, 700), hours=local.randrange(0, 8))
            if index == 0:
                states = ["published", "published", "submitted", "returned"]
                state = states[n]
            else:
                state = "published" if local.random() < 0.9 else "submitted"
            if Post.objects.filter(slug=slug).exists():
                continue
            post = services.create_post(
                kim=kim,
                title=title,
                body=body_template.format(year=year, place=kim.village.label),
                by=None,
                is_sample=True,
                at=at - datetime.timedelta(days=1),
            )
            post.slug = slug
            post.save(update_fields=["slug"])
            services.transition_post(post=post, to=Post.Status.SUBMITTED, by=None, at=at, notify=False)
            if state == "published":
                services.transition_post(
                    post=post,
                    to=Post.Status.PUBLISHED,
                    by=None,
                    at=at + datetime.timedelta(hours=3),
                    notify=False,
                )
            elif state == "returned":
                services.transition_post(
                    post=post,
                    to=Post.Status.RETURNED,
                    by=None,
                    note=RETURN_NOTE,
                    at=at + datetime.timedelta(hours=3),
                    notify=False,
                )
            if index == 0 and n == 0:
                _photos(post, kim)
            created += 1
    return created


def _photos(post, kim):
    """Two drawn placeholder pictures (no photo files ship with the demo)."""
    for order, (colour, caption) in enumerate(
        [
            ((11, 79, 108), "Papan informasi di depan balai desa"),
            ((164, 80, 26), "Warga membaca papan informasi"),
        ]
    ):
        image = Image.new("RGB", (1200, 800), colour)
        draw = ImageDraw.Draw(image)
        draw.rectangle((300, 160, 900, 560), fill=(255, 255, 255), outline=(27, 31, 35), width=8)
        for line in range(6):
            draw.rectangle(
                (350, 210 + line * 55, 850 - (line % 3) * 90, 235 + line * 55), fill=(201, 209, 217)
            )
        draw.rectangle((580, 560, 620, 760), fill=(27, 31, 35))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        PostPhoto.objects.create(
            post=post,
            image=ContentFile(buffer.getvalue(), name="demo.jpg"),
            alt_text=f"Gambar ilustrasi: {caption.lower()} ({kim.name})",
            caption=f"{caption} (gambar ilustrasi)",
            order=order,
        )
