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

import datetime
import io
import random
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from kim.models import Kim
from portal import demo, wilayah
from portal.models import Village
from portal.services import seed_votes, vote_summary

from . import services
from .models import HostOfficial, HostUnit, Institution, Topic, Visit, VisitPhoto, VisitSession
from .models.visit import SLUG_MAX_LENGTH
from .slugs import propose_slug

WIB = ZoneInfo("Asia/Jakarta")
CONTENT = Path(__file__).resolve().parent / "demo_content"

TOPICS = [
    # slug, name, description
    ("keimigrasian", "Unit kerja keimigrasian", "Layanan paspor dan keimigrasian di daerah."),
    ("ogp", "Open Government Partnership (OGP)", "Keterbukaan pemerintahan dan rencana aksi OGP."),
    ("kim", "Kelompok Informasi Masyarakat (KIM)", "Pembentukan, pembinaan dan peran KIM."),
    ("lppl", "Lembaga Penyiaran Publik Lokal (LPPL)", "Radio dan televisi milik pemerintah daerah."),
    ("ppid", "PPID dan keterbukaan informasi publik", "Layanan informasi publik menurut UU 14/2008."),
    ("e-government", "E-government", "Layanan pemerintahan berbasis teknologi informasi."),
    ("dialog-interaktif", "Dialog interaktif", "Dialog publik mingguan antara pemerintah dan warga."),
    ("apbdes", "Keterbukaan APBDes", "Publikasi anggaran desa melalui baliho dan situs desa."),
    ("pengaduan", "Pengelolaan pengaduan masyarakat", "Penanganan aduan warga."),
    (
        "indeks-keterbukaan",
        "Indeks keterbukaan pemerintahan desa",
        "Penilaian transparansi dan akuntabilitas desa.",
    ),
]

HOST_UNITS = [
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
    ("Dinas Kominfo", "Dinas Komunikasi dan Informatika"),
    ("Bagian Pemerintahan", "Bagian Pemerintahan Sekretariat Daerah"),
    ("Bagian Humas dan Protokol", "Bagian Hubungan Masyarakat dan Protokol Sekretariat Daerah"),
    ("Dinas PMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("Inspektorat", "Inspektorat Daerah"),
    ("Bagian Organisasi", "Bagian Organisasi Sekretariat Daerah"),
]

MAGELANG = ("Pemerintah Kota Magelang", "Pemkot Magelang", Institution.Kind.PEMKOT, "33.71", "")

# name, short name, type, Kemendagri code, country
INSTITUTIONS = [
    MAGELANG,
    ("Pemerintah Kabupaten Sleman", "Pemkab Sleman", Institution.Kind.PEMKAB, "34.04", ""),
    ("Pemerintah Kota Surakarta", "Pemkot Surakarta", Institution.Kind.PEMKOT, "33.72", ""),
    ("Pemerintah Kabupaten Lamongan", "Pemkab Lamongan", Institution.Kind.PEMKAB, "35.24", ""),
    ("Pemerintah Kabupaten Gresik", "Pemkab Gresik", Institution.Kind.PEMKAB, "35.25", ""),
    ("Pemerintah Kabupaten Blora", "Pemkab Blora", Institution.Kind.PEMKAB, "33.16", ""),
    ("Pemerintah Kabupaten Tuban", "Pemkab Tuban", Institution.Kind.PEMKAB, "35.23", ""),
    ("Pemerintah Kota Pontianak", "Pemkot Pontianak", Institution.Kind.PEMKOT, "61.71", ""),
    ("Pemerintah Kota Makassar", "Pemkot Makassar", Institution.Kind.PEMKOT, "73.71", ""),
    ("Pemerintah Kabupaten Badung", "Pemkab Badung", Institution.Kind.PEMKAB, "51.03", ""),
    ("Pemerintah Kota Bandung", "Pemkot Bandung", Institution.Kind.PEMKOT, "32.73", ""),
    ("Pemerintah Kabupaten Banyumas", "Pemkab Banyumas", Institution.Kind.PEMKAB, "33.02", ""),
    ("Pemerintah Kabupaten Sidoarjo", "Pemkab Sidoarjo", Institution.Kind.PEMKAB, "35.15", ""),
    ("Pemerintah Kota Banjarmasin", "Pemkot Banjarmasin", Institution.Kind.PEMKOT, "63.71", ""),
    ("Pemerintah Provinsi Kalimantan Timur", "Pemprov Kaltim", Institution.Kind.PEMPROV, "64", ""),
    ("Pemerintah Kabupaten Lombok Barat", "Pemkab Lombok Barat", Institution.Kind.PEMKAB, "52.01", ""),
    ("Pemerintah Kota Bandar Lampung", "Pemkot Bandar Lampung", Institution.Kind.PEMKOT, "18.71", ""),
    ("Pemerintah Kabupaten Banyuwangi", "Pemkab Banyuwangi", Institution.Kind.PEMKAB, "35.10", ""),
    ("Pemerintah Kota Padang", "Pemkot Padang", Institution.Kind.PEMKOT, "13.71", ""),
    ("Pemerintah Kabupaten Tangerang", "Pemkab Tangerang", Institution.Kind.PEMKAB, "36.03", ""),
    ("Pemerintah Kota Kendari", "Pemkot Kendari", Institution.Kind.PEMKOT, "74.71", ""),
    ("Pemerintah Kota Batu", "Pemkot Batu", Institution.Kind.PEMKOT, "35.79", ""),
    ("DPRD Kabupaten Tulungagung", "DPRD Tulungagung", Institution.Kind.DPRD, "35.04", ""),
    ("DPRD Kota Semarang", "DPRD Kota Semarang", Institution.Kind.DPRD, "33.74", ""),
    ("Universitas Gadjah Mada", "UGM", Institution.Kind.UNIVERSITY, "34.04", ""),
    ("Kementerian Komunikasi dan Informatika", "Kemkominfo", Institution.Kind.MINISTRY, "", ""),
    ("Elgeyo Marakwet County Government", "Elgeyo Marakwet County", Institution.Kind.FOREIGN, "", "Kenya"),
]

# Visits per year of the sample set (2020 was quiet: the pandemic stopped travel).
SAMPLE_YEARS = {2016: 3, 2017: 4, 2018: 5, 2019: 5, 2020: 1, 2021: 2, 2022: 3, 2023: 4, 2024: 3}
SAMPLE_SEED = 3522

FIRST_NAMES = [
    "Agus",
    "Budi",
    "Dewi",
    "Endang",
    "Fajar",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Mulyono",
    "Nur",
    "Rina",
    "Slamet",
    "Tri",
    "Wahyu",
    "Yuli",
    "Sri",
    "Bambang",
    "Siti",
]
LAST_NAMES = [
    "Santoso",
    "Wibowo",
    "Rahayu",
    "Prasetyo",
    "Lestari",
    "Hidayat",
    "Kurniawan",
    "Setiawan",
    "Wulandari",
    "Saputra",
    "Nugroho",
    "Susanti",
    "Purnomo",
    "Handayani",
]
LEADER_POSITIONS = {
    Institution.Kind.PEMKAB: [
        "Asisten Pemerintahan Setda",
        "Kepala Dinas Komunikasi dan Informatika",
        "Kepala Bappeda",
    ],
    Institution.Kind.PEMKOT: [
        "Asisten Pemerintahan Setda",
        "Kepala Dinas Komunikasi dan Informatika",
        "Sekretaris Daerah",
    ],
    Institution.Kind.PEMPROV: ["Kepala Dinas Komunikasi dan Informatika Provinsi"],
    Institution.Kind.DPRD: ["Ketua Komisi A", "Wakil Ketua DPRD"],
    Institution.Kind.UNIVERSITY: [
        "Ketua Program Studi Ilmu Pemerintahan",
        "Dosen Departemen Politik dan Pemerintahan",
    ],
    Institution.Kind.MINISTRY: ["Kepala Subdirektorat Layanan Informasi"],
    Institution.Kind.FOREIGN: ["County Executive Committee Member for ICT"],
}
# Host positions of sample visits; "{regency}" becomes the deployment's name.
HOST_POSITIONS = [
    "Sekretaris Daerah {regency}",
    "Asisten Pemerintahan Setda {regency}",
    "Kepala Dinas Komunikasi dan Informatika {regency}",
    "Kepala Bidang Pengelolaan Informasi dan Aspirasi Publik Dinas Kominfo",
]
SAMPLE_KINDS = [
    Visit.Kind.STUDY_VISIT,
    Visit.Kind.STUDY_VISIT,
    Visit.Kind.STUDY_TO_REPLICATE,
    Visit.Kind.WORK_VISIT,
    Visit.Kind.BENCHMARKING,
]
KIND_WORDS = {
    Visit.Kind.WORK_VISIT: "Kunjungan kerja",
    Visit.Kind.STUDY_VISIT: "Studi banding",
    Visit.Kind.STUDY_TO_REPLICATE: "Studi tiru",
    Visit.Kind.BENCHMARKING: "Benchmarking",
    Visit.Kind.OTHER: "Kunjungan",
}
TOPIC_PHRASES = {
    "keimigrasian": "pelayanan keimigrasian di daerah",
    "ogp": "pelaksanaan Open Government Partnership",
    "kim": "pembinaan Kelompok Informasi Masyarakat",
    "lppl": "pengelolaan radio LPPL",
    "ppid": "layanan PPID sampai tingkat desa",
    "e-government": "layanan e-government",
    "dialog-interaktif": "dialog interaktif setiap Jumat",
    "apbdes": "publikasi APBDes melalui baliho",
    "pengaduan": "penanganan pengaduan masyarakat",
    "indeks-keterbukaan": "indeks keterbukaan pemerintahan desa",
}
TOPIC_WORDS = {
    "keimigrasian": "layanan keimigrasian",
    "ogp": "OGP",
    "kim": "KIM",
    "lppl": "LPPL",
    "ppid": "PPID desa",
    "e-government": "e-government",
    "dialog-interaktif": "dialog interaktif",
    "apbdes": "baliho APBDes",
    "pengaduan": "pengaduan masyarakat",
    "indeks-keterbukaan": "indeks keterbukaan desa",
}
# The sample visits that are still being written (left as drafts), by position.
SAMPLE_DRAFTS = {7, 29}


@dataclass(frozen=True)
class Vocabulary:
    topics: dict
    units: dict
    institutions: dict


@demo.loader(order=30, name="visits")
def load(stdout):
    vocabulary = load_vocabulary()
    real = load_magelang_2017(vocabulary).title if demo.is_reference_region() else "no real visits"
    samples = load_samples(vocabulary)
    published = Visit.objects.filter(status=Visit.Status.PUBLISHED).count()
    stdout.write(f"  {real}; {len(samples)} sample visits; {published} published")


def load_vocabulary():
    """Topics, host units and the visiting institutions (real governments, real codes)."""
    topics = {
        slug: _upsert(Topic, {"slug": slug}, {"name": name, "description": text})
        for slug, name, text in TOPICS
    }
    units = {name: _upsert(HostUnit, {"name": name}, {"full_name": full}) for name, full in HOST_UNITS}
    institutions = {
        name: _upsert(
            Institution,
            {"name": name},
            {"short_name": short, "kind": kind, "region_code": code, "country": country},
            validate=True,
        )
        for name, short, kind, code, country in INSTITUTIONS
    }
    return Vocabulary(topics=topics, units=units, institutions=institutions)


# --- The 2017 visit of Pemerintah Kota Magelang ------------------------------------

MAGELANG_SLUG = "studi-banding-pemkot-magelang-keimigrasian-ogp-kim-2017"


def load_magelang_2017(vocabulary):
    """The visit of 19 September 2017, as Diskominfo reported it; not sample data."""
    institution, topics, units = vocabulary.institutions[MAGELANG[0]], vocabulary.topics, vocabulary.units
    visit = _upsert(
        Visit,
        {"slug": MAGELANG_SLUG},
        {
            "title": "Studi banding Pemerintah Kota Magelang: unit kerja keimigrasian, OGP dan KIM",
            "kind": Visit.Kind.STUDY_VISIT,
            "institution_id": institution.pk,
            "visiting_units": "Dinas Komunikasi Informatika dan Statistik (Diskominsta) Kota Magelang",
            "leader_name": "Drs. Indra Indah Wacana",
            "leader_position": "Asisten Administrasi Umum Pemkot Magelang",
            "delegation_size": None,
            "start_date": datetime.date(2017, 9, 19),
            "end_date": None,
            "venue": "ruang Angling Darmo",
            "summary": (
                "Rombongan Pemkot Magelang studi banding tentang pembentukan unit kerja keimigrasian; "
                "Diskominsta Kota Magelang benchmarking pelaksanaan OGP dan pengelolaan KIM, "
                "lalu berkunjung ke Desa Sedahkidul."
            ),
            "body": (CONTENT / "magelang_2017.md").read_text(encoding="utf-8"),
            "follow_up": "",
            "author_credit": "Nuty/Dinkominfo",
            "is_sample": False,
        },
    )
    _set(visit.topics, [topics[s] for s in ("keimigrasian", "ogp", "kim", "lppl", "ppid")])
    _set(
        visit.host_units,
        [units[n] for n in ("BAPPEDA", "Dinas Kominfo", "Bagian Pemerintahan", "Bagian Humas dan Protokol")],
    )
    _set(visit.villages, list(Village.objects.filter(code="35.22.18.2007")))
    _set(visit.kims_visited, list(Kim.objects.published().filter(slug="sendang-potro")))
    _sync_children(
        visit,
        HostOfficial,
        ["name", "position", "part"],
        [
            ("Drs. H. Setyo Hartono, MM", "Wakil Bupati Bojonegoro", HostOfficial.Part.RECEIVED),
            (
                "Yayan Rohman, AP, MM",
                "Asisten Administrasi Umum Setda Kabupaten Bojonegoro",
                HostOfficial.Part.ACCOMPANIED,
            ),
            (
                "Djoko Suharmanto",
                "Kabid Pengelolaan Komunikasi Publik (PKP) Dinas Kominfo Bojonegoro",
                HostOfficial.Part.PRESENTED,
            ),
            (
                "Sufyan",
                "Ketua Forum KIM Kabupaten Bojonegoro; Sekretaris Desa Pejambon, Kecamatan Sumberrejo",
                HostOfficial.Part.ALSO_PRESENT,
            ),
            (
                "Iwan Siswoyo",
                "Ketua KIM Deru Maju, Desa Sumberrejo, Kecamatan Sumberrejo",
                HostOfficial.Part.ALSO_PRESENT,
            ),
        ],
    )
    _sync_children(
        visit,
        VisitSession,
        ["title", "venue", "led_by"],
        [
            (
                "Penerimaan rombongan Pemkot Magelang",
                "ruang Angling Darmo",
                "Drs. H. Setyo Hartono, MM, Wakil Bupati Bojonegoro",
            ),
            (
                "Sharing informasi dan diskusi dengan Diskominsta Kota Magelang: KIM, OGP, LPPL dan PPID",
                "ruang Batik Madrim Pemkab Bojonegoro",
                "Djoko Suharmanto, Kabid Pengelolaan Komunikasi Publik (PKP) Dinas Kominfo Bojonegoro",
            ),
            (
                "Melihat banner keterbukaan anggaran SKPD (lantai 2), tugas Bidang PKP dan PIAP serta layanan PPID",
                "Gedung Pemkab Bojonegoro, lantai 2 dan lantai 3 (Dinas Kominfo)",
                "",
            ),
            (
                "Kunjungan ke Desa Sedahkidul dan KIM Sendang Potro",
                "Desa Sedahkidul, Kecamatan Purwosari",
                "",
            ),
        ],
    )
    if visit.status == Visit.Status.DRAFT:
        services.change_status(
            visit=visit,
            to=Visit.Status.PUBLISHED,
            publish_at=datetime.datetime(2017, 9, 19, 16, 0, tzinfo=WIB),
            note="Laporan Dinas Kominfo Kabupaten Bojonegoro.",
        )
    # The poll under the published report: 74 % very satisfied, 11 % satisfied,
    # 5 % fairly satisfied, 11 % not satisfied (19 votes).
    counts = {4: 14, 3: 2, 2: 1, 1: 2}
    shares, _total = vote_summary(visit.get_absolute_url())
    if {share.choice: share.count for share in shares} != counts:
        seed_votes(path=visit.get_absolute_url(), title=visit.title, counts=counts)
    return visit


# --- Sample visits ---------------------------------------------------------------------


def load_samples(vocabulary):
    """Thirty invented visits of 2016–2024 from a fixed seed, flagged as samples."""
    institutions, topics, units = vocabulary.institutions, vocabulary.topics, vocabulary.units
    rng = random.Random(SAMPLE_SEED)
    # Desa where the territory has them; a city (Kota) has only kelurahan.
    desa = list(Village.objects.desa().order_by("code").values_list("code", flat=True)) or list(
        Village.objects.order_by("code").values_list("code", flat=True)
    )
    villages = {v.code: v for v in Village.objects.filter(code__in=desa)}
    others = [item for item in INSTITUTIONS if item is not MAGELANG]
    topic_slugs = [slug for slug, _name, _text in TOPICS if slug != "keimigrasian"]
    unit_names = [name for name, _full in HOST_UNITS]
    visits = []
    position = 0
    for year, count in SAMPLE_YEARS.items():
        for _ in range(count):
            institution = institutions[rng.choice(others)[0]]
            kind = rng.choice(SAMPLE_KINDS)
            chosen_topics = rng.sample(topic_slugs, rng.randint(1, 3))
            day = _weekday(rng, year)
            phrases = [TOPIC_PHRASES[s] for s in chosen_topics]
            title = f"{KIND_WORDS[kind]} {institution.label} tentang {_join([TOPIC_WORDS[s] for s in chosen_topics])}"
            slug = (
                f"{propose_slug(title, max_length=SLUG_MAX_LENGTH - 10, fallback='kunjungan')}-{day:%Y%m%d}"
            )
            size = rng.randint(6, 35)
            leader = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            leader_position = rng.choice(LEADER_POSITIONS[institution.kind])
            host = (
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                rng.choice(HOST_POSITIONS).format(regency=wilayah.deployment().full_name),
            )
            visited = [villages[code] for code in rng.sample(desa, min(len(desa), rng.choice([0, 1, 1, 2])))]
            chosen_units = rng.sample(unit_names, rng.randint(1, 3))
            two_days = rng.random() < 0.2
            adopted = rng.random() < 0.4
            visit = _upsert(
                Visit,
                {"slug": slug},
                {
                    "title": title,
                    "kind": kind,
                    "institution_id": institution.pk,
                    "visiting_units": "",
                    "leader_name": leader,
                    "leader_position": leader_position,
                    "delegation_size": size,
                    "start_date": day,
                    "end_date": day + datetime.timedelta(days=1) if two_days else None,
                    "venue": rng.choice(["ruang Angling Darmo", "ruang Batik Madrim", "Pendopo Malowopati"]),
                    "summary": "",
                    "body": _sample_body(institution, kind, phrases, visited, size),
                    "follow_up": _sample_follow_up(institution, phrases) if adopted else "",
                    "author_credit": "Contoh/Dinkominfo",
                    "is_sample": True,
                },
            )
            _set(visit.topics, [topics[s] for s in chosen_topics])
            _set(visit.host_units, [units[n] for n in chosen_units])
            _set(visit.villages, visited)
            _sync_children(
                visit, HostOfficial, ["name", "position", "part"], [(*host, HostOfficial.Part.RECEIVED)]
            )
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
            visits.append(visit)
            position += 1
    return visits


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


# --- Idempotent writes ------------------------------------------------------------------


def _upsert(model, lookup, values, *, validate=False):
    """Find a row by its natural key; create it, or save it only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, field) == value for field, value in values.items()):
        return obj
    else:
        for field, value in values.items():
            setattr(obj, field, value)
    if validate:
        obj.full_clean()
    obj.save()
    return obj


def _set(manager, objects):
    """Set a many-to-many relation; `set()` itself writes nothing when it already matches."""
    manager.set(objects)


def _sync_children(visit, model, fields, rows):
    """Make a visit's child rows equal `rows` (in order), rewriting them only when they differ."""
    existing = [
        tuple(getattr(obj, f) for f in fields)
        for obj in model.objects.filter(visit=visit).order_by("order", "pk")
    ]
    wanted = [tuple(row) for row in rows]
    if existing == wanted:
        return
    model.objects.filter(visit=visit).delete()
    model.objects.bulk_create(
        model(visit=visit, order=index, **dict(zip(fields, row, strict=True)))
        for index, row in enumerate(wanted)
    )
