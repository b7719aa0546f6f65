"""Siskeudes exports for the tests, built in code as the reference describes them.

Two villages of one consolidated export, with hand-computed figures:

Sedahkidul (``01.2001.``, revised): murni revenue 1.300.000.000 (Dana Desa
800.000.000, ADD 500.000.000), spending 1.180.000.000 (siltap 60.000.000,
operasional 20.000.000 in two items, PKD 100.000.000, baliho 1.000.000.000),
financing 30.000.000 in, 20.000.000 out. The Perubahan raises the baliho
kegiatan to 1.100.000.000 and adds a 50.000.000 disaster item: spending
1.330.000.000.

Sumberrejo (``02.2006.``, not revised): revenue 900.000.000 (Dana Desa),
spending 850.000.000 (siltap 50.000.000, PKD 800.000.000).
"""

import io

from ogp.siskeudes.sample import REVENUE_KEGIATAN, SampleVillage, build_export
from portal.models import Village

YEAR = 2024


def _names(code):
    village = Village.objects.select_related("district").get(code=code)
    return village.district.name, village.name


def sedahkidul(code="35.22.18.2007"):
    district, name = _names(code)
    return SampleVillage(
        "01",
        "01.2001.",
        f"KECAMATAN {district.upper()}",
        f"DESA {name.upper()}",
        perdes=("1 Tahun 2024", "01/15/2024 00:00:00"),
        perdes_revision=("6 Tahun 2024", "08/20/2024 10:30:00"),
        items=[
            (REVENUE_KEGIATAN, "4.2.1.01.", "DDS", "Dana Desa", 800_000_000, 800_000_000),
            (REVENUE_KEGIATAN, "4.2.3.01.", "ADD", "Alokasi Dana Desa", 500_000_000, 500_000_000),
            ("01.01.01.", "5.1.1.01.", "ADD", "Penghasilan tetap\nKepala Desa", 60_000_000, 60_000_000),
            ("01.01.04.", "5.2.1.02.", "ADD", "Lampu kantor", 12_000_000, 12_000_000),
            ("01.01.04.", "5.2.1.02.", "ADD", "Kabel, stopkontak; saklar", 8_000_000, 8_000_000),
            ("02.02.01.", "5.2.2.01.", "DDS", "Honor kader PKD", 100_000_000, 100_000_000),
            ("02.06.02.", "5.2.1.08.", "DDS", "Baliho APBDes", 1_000_000_000, 1_100_000_000),
            ("05.01.01.", "5.2.1.02.", "DDS", "Perlengkapan tanggap bencana", 0, 50_000_000),
            (REVENUE_KEGIATAN, "6.1.1.01.", "", "SiLPA 2023", 30_000_000, 50_000_000),
            (REVENUE_KEGIATAN, "6.2.2.01.", "", "Penyertaan modal BUMDes", 20_000_000, 20_000_000),
        ],
        kegiatan={
            "01.01.01.": ("Siltap Kepala Desa", ""),
            "01.01.04.": ("Operasional Pemerintah Desa", "Kantor Desa"),
            "02.02.01.": ("Pos Kesehatan Desa", "Dusun Krajan"),
            "02.06.02.": ("Informasi Publik Desa", "Depan Kantor Desa"),
            "05.01.01.": ("Penanggulangan Bencana", "Dusun Kidul"),
        },
        receipts=[
            ("04/10/2024 09:00:00", REVENUE_KEGIATAN, "4.2.1.01.", 400_000_000),
            ("09/10/2024 09:00:00", REVENUE_KEGIATAN, "4.2.1.01.", 400_000_000),
            ("03/05/2024 09:00:00", REVENUE_KEGIATAN, "4.2.3.01.", 250_000_000),
        ],
        payments=[
            ("06/30/2024 15:00:00", "LS", "01.01.01.", "5.1.1.01.", 30_000_000),
            ("12/20/2024 15:00:00", "LS", "01.01.01.", "5.1.1.01.", 30_000_000),
            # An advance counts only once it is accounted for (Ta_SPJ below).
            ("05/02/2024 08:00:00", "UM", "01.01.04.", "5.2.1.02.", 15_000_000),
            ("07/01/2024 08:00:00", "LS", "02.06.02.", "5.2.1.08.", 900_000_000),
        ],
        accounted=[("05/20/2024 08:00:00", "01.01.04.", "5.2.1.02.", 15_000_000)],
    )


def sumberrejo(code="35.22.12.2006"):
    district, name = _names(code)
    return SampleVillage(
        "02",
        "02.2006.",
        district,
        name,
        perdes=("2 Tahun 2024", "01/20/2024 00:00:00"),
        items=[
            (REVENUE_KEGIATAN, "4.2.1.01.", "DDS", "Dana Desa", 900_000_000, 900_000_000),
            ("01.01.01.", "5.1.1.01.", "ADD", "Penghasilan tetap Kepala Desa", 50_000_000, 50_000_000),
            ("02.02.01.", "5.2.2.01.", "DDS", "Honor kader PKD", 800_000_000, 800_000_000),
        ],
        kegiatan={"02.02.01.": ("Pos Kesehatan Desa", "Dusun Lor")},
    )


def upload(villages=None, **options):
    villages = villages if villages is not None else [sedahkidul(), sumberrejo()]
    return io.BytesIO(build_export(villages, year=YEAR, **options))
