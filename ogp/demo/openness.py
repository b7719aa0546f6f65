"""The village openness index 2017: the five published results and invented scores for the rest."""

import random
from decimal import Decimal

from portal.models import Village

from .. import services
from ..models import Assessment, Indicator, IndicatorScore, OpennessClass, Pillar, VillageScore

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
