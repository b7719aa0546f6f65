"""Demo content of the ogp app, loaded by `load_demo`.

Real facts from the reference material are reproduced exactly and not marked
as samples: the 2017 village openness results for Mojodeso, Deru, Sukoharjo,
Kandangan and Rendeng, and the OGP action plan 2016–2017 with commitments
BOJ0001–BOJ0005 and the IRM's 2017 findings. Everything invented is flagged
``is_sample``: the APBDes of all villages for 2018–2025, the billboard photos,
the other 23 villages' openness scores and the dated milestones of BOJ0003.
"""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db.models import Max
from PIL import Image, ImageDraw, ImageFont

from portal import demo
from portal.models import Village

from . import services
from .models import (
    ActionPlan,
    Assessment,
    BillboardPhoto,
    Budget,
    BudgetSummary,
    Commitment,
    Completion,
    EarlyResult,
    Indicator,
    IndicatorScore,
    Milestone,
    OpennessClass,
    Pillar,
    VillageScore,
)

SAMPLE_YEARS = range(2018, 2026)
PHOTO_VILLAGE = "35.22.18.2007"  # Desa Sedahkidul, the demo officer's village


@demo.loader(order=50, name="ogp")
def load(stdout):
    load_budgets(stdout)
    load_billboard_photos(stdout)
    if demo.is_reference_region():
        load_openness_index(stdout)
        load_action_plan(stdout)


def load_budgets(stdout, *, villages=None, years=SAMPLE_YEARS):
    """Sample APBDes for every village (or the given ones) and year that has none yet."""
    villages = list(villages if villages is not None else Village.objects.order_by("code"))
    years = list(years)

    def progress(year, count):
        stdout.write(f"  APBDes {year}: {count} sample budgets")

    written = services.load_sample_budgets(
        villages=villages, years=years, latest_year=max(years), progress=progress
    )
    if not written:
        stdout.write("  APBDes: sample budgets already present")


def _billboard_image(village, summary):
    """A drawn stand-in for a photo of the village's APBDes billboard."""
    image = Image.new("RGB", (1200, 800), (120, 170, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 620, 1200, 800), fill=(96, 140, 70))
    draw.rectangle((560, 480, 600, 700), fill=(90, 90, 90))
    draw.rectangle((160, 90, 1040, 520), fill=(250, 250, 245), outline=(30, 60, 120), width=12)
    title = ImageFont.load_default(size=52)
    body = ImageFont.load_default(size=38)
    draw.text((200, 120), f"APBDes {summary.year}", fill=(20, 40, 100), font=title)
    draw.text((200, 190), village.label, fill=(20, 40, 100), font=title)
    rows = [
        ("Pendapatan", summary.revenue),
        ("Belanja", summary.spending),
        ("Pembiayaan", summary.net_financing),
    ]
    for index, (label, amount) in enumerate(rows):
        draw.text(
            (200, 270 + index * 55), f"{label}: Rp{amount:,}".replace(",", "."), fill=(30, 30, 30), font=body
        )
    draw.text((200, 450), "CONTOH / SAMPLE", fill=(160, 60, 20), font=body)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="baliho.jpg")


def load_billboard_photos(stdout):
    village = Village.objects.filter(code=PHOTO_VILLAGE).first()
    if village is None:
        return
    summaries = BudgetSummary.objects.filter(village=village).select_related("budget").order_by("-year")[:2]
    added = 0
    for summary in summaries:
        budget = summary.budget
        if budget.photos.exists():
            continue
        BillboardPhoto.objects.create(
            budget=budget,
            image=_billboard_image(village, summary),
            alt_text=f"Baliho APBDes {summary.year} {village.label} di depan kantor desa (gambar contoh)",
            caption=f"Baliho APBDes {summary.year} (gambar contoh)",
            taken_on=datetime.date(summary.year, 2, 10),
            place="Depan Kantor Desa Sedahkidul",
            is_sample=True,
        )
        added += 1
    Budget.objects.filter(village=village, year__in=[s.year for s in summaries], website_url="").update(
        website_url="https://sedahkidul.desa.example/apbdes"
    )
    stdout.write(f"  billboard photos: {added} added")


# --- Village openness index 2017 ---------------------------------------------

INDICATORS_2017 = {
    Pillar.Key.TRANSPARANSI: ["Jenis informasi yang dipublikasikan", "Media luar ruang permanen"],
    Pillar.Key.AKUNTABILITAS: [
        "Perencanaan keuangan sesuai peraturan",
        "Pengukuran kepuasan terhadap pelayanan publik",
        "Sosialisasi antikorupsi dan antipungli",
    ],
    Pillar.Key.PARTISIPASI: [
        "Publikasi hasil Musrenbangdes",
        "Peraturan yang menjamin keterlibatan warga",
        "Perencanaan dan evaluasi multipihak",
    ],
    Pillar.Key.INOVASI: [
        "Forum bersama",
        "Peningkatan kapasitas komunikasi publik",
        "Pusat data berbasis teknologi informasi",
    ],
}

# Published results of the Festival Keterbukaan Pemerintah Desa 2017.
RESULTS_2017 = {
    "35.22.14.2015": Decimal("83.33"),  # Mojodeso, Kecamatan Kapas
    "35.22.12.2012": Decimal("82.23"),  # Deru, Kecamatan Sumberejo
    "35.22.16.2021": Decimal("79.51"),  # Sukoharjo, Kecamatan Kalitidu
    "35.22.23.2011": Decimal("77.34"),  # Kandangan, Kecamatan Trucuk
    "35.22.17.2006": Decimal("71.21"),  # Rendeng, Kecamatan Malo
}

ASSESSMENT_2017_BODY = """\
Festival Keterbukaan Pemerintah Desa 2017 menilai satu desa dari setiap kecamatan (28 desa) pada empat pilar:

- **Transparansi**: jenis informasi yang dipublikasikan; media luar ruang permanen.
- **Akuntabilitas**: perencanaan keuangan sesuai peraturan; pengukuran kepuasan terhadap pelayanan publik; sosialisasi antikorupsi dan antipungli.
- **Partisipasi (peran masyarakat)**: publikasi hasil Musrenbangdes; peraturan yang menjamin keterlibatan warga; perencanaan dan evaluasi multipihak.
- **Inovasi**: forum bersama; peningkatan kapasitas komunikasi publik; pusat data berbasis teknologi informasi.

Hasil yang diumumkan: Mojodeso 83,33, Deru 82,23, Sukoharjo 79,51 dan Kandangan 77,34 (Terbuka), Rendeng 71,21 (Menuju Terbuka). Batas kelas tidak diumumkan; batas di halaman ini ditetapkan portal dan dapat diubah. Bobot pilar dan indikator dianggap sama.

Festival ini meneruskan Festival Transparansi Desa 2016, yang menilai baliho permanen dan sementara, poster/leaflet, media luar ruang lainnya dan situs web desa; lima pemerintah desa terbuka mendapat penghargaan pada 20 Oktober 2016.
"""


def load_openness_index(stdout):
    assessment, _created = Assessment.objects.get_or_create(
        year=2017,
        defaults={
            "title": "Festival Keterbukaan Pemerintah Desa 2017",
            "body": ASSESSMENT_2017_BODY,
            "is_published": True,
        },
    )
    indicators = []
    for order, (key, names) in enumerate(INDICATORS_2017.items()):
        pillar, _ = Pillar.objects.get_or_create(assessment=assessment, key=key, defaults={"order": order})
        for position, name in enumerate(names):
            indicator, _ = Indicator.objects.get_or_create(
                pillar=pillar, name=name, defaults={"order": position}
            )
            indicators.append(indicator)
    for name, minimum, description in [
        ("Terbuka", Decimal(75), "Desa yang terbuka pada keempat pilar."),
        ("Menuju Terbuka", Decimal(60), "Desa yang sudah membuka sebagian besar informasinya."),
        ("Belum Terbuka", Decimal(0), "Desa yang masih perlu membuka informasinya."),
    ]:
        OpennessClass.objects.get_or_create(
            assessment=assessment, name=name, defaults={"min_score": minimum, "description": description}
        )
    for code, total in RESULTS_2017.items():
        village = Village.objects.filter(code=code).first()
        if village is not None:
            VillageScore.objects.get_or_create(
                assessment=assessment, village=village, defaults={"total": total}
            )

    # The other kecamatan's villages: invented scores, below the published five.
    rng = random.Random("keterbukaan-2017")
    assessed = {code[:8] for code in RESULTS_2017}
    candidates = {}
    for village in Village.objects.desa().order_by("code"):
        if village.district_id not in assessed:
            candidates.setdefault(village.district_id, []).append(village)
    for district_code in sorted(candidates):
        village = rng.choice(candidates[district_code])
        scores = {indicator.pk: Decimal(rng.randint(4000, 7000)) / 100 for indicator in indicators}
        if VillageScore.objects.filter(assessment=assessment, village__district_id=district_code).exists():
            continue
        score = VillageScore.objects.create(
            assessment=assessment, village=village, total=Decimal(0), is_sample=True, note="Skor contoh"
        )
        IndicatorScore.objects.bulk_create(
            IndicatorScore(village_score=score, indicator_id=indicator_id, score=value)
            for indicator_id, value in scores.items()
        )
        services.recompute_score(village_score=score)
    stdout.write(f"  openness index 2017: {assessment.scores.count()} villages")


# --- OGP action plan 2016–2017 -----------------------------------------------

PLAN_BODY = """\
Pada 2016 Kabupaten Bojonegoro menjadi satu dari 15 Perintis Subnasional Open Government Partnership (OGP), bersama Austin, Buenos Aires, Elgeyo Marakwet, Jalisco, Kigoma-Ujiji, La Libertad, Madrid, Ontario, Paris, São Paulo, Scotland, Sekondi-Takoradi, Seoul dan Tbilisi.

Rencana aksi 2016–2017 memuat lima komitmen, BOJ0001 sampai BOJ0005. Salah satu tonggaknya mewajibkan setiap desa memublikasikan APBDes-nya di baliho dan situs web desa, yang kini diteruskan portal ini.
"""

COMMITMENTS = [
    {
        "code": "BOJ0001",
        "title": "Data Revolution",
        "lead_agency": "Dinas Komunikasi dan Informatika (Dinas Kominfo)",
        "objective": "Pendataan rumah tangga oleh kelompok Dasa Wisma menuju “Satu Data Bojonegoro” (One Data Bojonegoro).",
        "early_results": EarlyResult.MARGINAL,
        "milestones": [("Pendataan rumah tangga oleh kelompok Dasa Wisma", "")],
    },
    {
        "code": "BOJ0002",
        "title": "Enhancing Village Government Accountability",
        "objective": "Meningkatkan akuntabilitas pemerintah desa.",
        "early_results": EarlyResult.MARGINAL,
        "milestones": [
            (
                "Publikasi APBDes dan laporan pertanggungjawaban setiap desa di baliho",
                "Baliho APBDes dan laporan pertanggungjawaban di setiap desa",
            )
        ],
    },
    {
        "code": "BOJ0003",
        "title": "Improving Local Budget Transparency",
        "objective": "Meningkatkan transparansi anggaran daerah.",
        "early_results": EarlyResult.MARGINAL,
        "milestones": [],
    },
    {
        "code": "BOJ0004",
        "title": "Open Data Contract",
        "objective": "Keterbukaan dokumen kontrak pengadaan pemerintah kabupaten.",
        "early_results": EarlyResult.MAJOR,
        "milestones": [
            (
                "Peraturan Bupati tentang keterbukaan dokumen kontrak",
                "Peraturan Bupati Bojonegoro Nomor 1 Tahun 2017 tentang keterbukaan dokumen kontrak",
            )
        ],
    },
    {
        "code": "BOJ0005",
        "title": "Improving Quality of Public Services",
        "objective": "Meningkatkan kualitas pelayanan publik dengan standar pelayanan yang disusun bersama warga.",
        "early_results": EarlyResult.MAJOR,
        "milestones": [
            (
                "Standar pelayanan disusun bersama warga di dua Puskesmas",
                "Standar pelayanan dua Puskesmas hasil penyusunan bersama warga",
            )
        ],
    },
]

SAMPLE_MILESTONES_BOJ0003 = [
    (
        "Publikasi ringkasan APBD di situs web pemerintah kabupaten",
        datetime.date(2016, 7, 1),
        datetime.date(2016, 12, 31),
        "Ringkasan APBD 2017 di situs web kabupaten",
        Completion.COMPLETE,
    ),
    (
        "Forum konsultasi anggaran dengan organisasi masyarakat sipil",
        datetime.date(2017, 1, 1),
        datetime.date(2017, 6, 30),
        "Notulen dua forum konsultasi anggaran",
        Completion.SUBSTANTIAL,
    ),
]


def load_action_plan(stdout):
    plan, _created = ActionPlan.objects.get_or_create(
        title="Rencana Aksi OGP Kabupaten Bojonegoro 2016–2017",
        defaults={
            "start_year": 2016,
            "end_year": 2017,
            "body": PLAN_BODY,
            "irm_year": 2017,
            "irm_complete": 0,
            "irm_substantial": 4,
            "irm_limited": 1,
            "irm_summary": (
                "Mekanisme Pelaporan Independen (IRM) 2017: tidak ada komitmen yang selesai, empat "
                "terlaksana secara substansial dan satu terbatas. Dampak terhadap keterbukaan pemerintahan: "
                "besar untuk dua komitmen (BOJ0004 dan BOJ0005), marginal untuk BOJ0001–BOJ0003."
            ),
            "is_published": True,
        },
    )
    for order, item in enumerate(COMMITMENTS, start=1):
        commitment, created = Commitment.objects.get_or_create(
            code=item["code"],
            defaults={
                "plan": plan,
                "title": item["title"],
                "lead_agency": item.get("lead_agency", ""),
                "objective": item["objective"],
                "early_results": item["early_results"],
                "order": order,
            },
        )
        if created:
            for position, (title, deliverable) in enumerate(item["milestones"], start=1):
                Milestone.objects.create(
                    commitment=commitment, title=title, deliverable=deliverable, order=position
                )
            if item["code"] == "BOJ0003":
                start = commitment.milestones.aggregate(n=Max("order"))["n"] or 0
                for position, (title, begin, end, deliverable, completion) in enumerate(
                    SAMPLE_MILESTONES_BOJ0003, start=start + 1
                ):
                    Milestone.objects.create(
                        commitment=commitment,
                        title=title,
                        start=begin,
                        end=end,
                        deliverable=deliverable,
                        completion=completion,
                        order=position,
                        is_sample=True,
                    )
    stdout.write(f"  OGP action plan: {plan.commitments.count()} commitments")
