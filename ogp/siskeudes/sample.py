"""Writing Siskeudes exports: the zip of CSV tables, as a village's Siskeudes produces it.

`build_export` writes the tables of `SampleVillage` descriptions (used by the
demo, the benchmark and the tests); `generated_village` makes up a plausible
village budget for a year, clearly sample data.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

REVENUE_KEGIATAN = "00.00.00."  # Siskeudes files revenue and financing under a placeholder kegiatan


@dataclass
class SampleVillage:
    kd_kec: str  # "01"
    kd_desa: str  # "01.2001."
    district_name: str
    village_name: str
    perdes: tuple = ("", "")  # (number, "MM/DD/YYYY hh:mm:ss")
    perdes_revision: tuple = ("", "")
    # (kegiatan suffix "02.02.01.", Kd_Rincian "5.3.5.01.", SumberDana, Uraian, Anggaran, AnggaranStlhPAK)
    items: list = field(default_factory=list)
    kegiatan: dict = field(default_factory=dict)  # suffix → (Nama_Kegiatan, Lokasi)
    # (date, kegiatan suffix, Kd_Rincian, Nilai): receipts (TBP), payments (SPP, with Jn_SPP) and SPJ
    receipts: list = field(default_factory=list)
    payments: list = field(default_factory=list)  # (date, Jn_SPP, suffix, Kd_Rincian, Nilai)
    accounted: list = field(default_factory=list)  # (date, suffix, Kd_Rincian, Nilai)


def _csv(header, rows, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


RINCI_HEADER = [
    "Tahun",
    "Kd_Desa",
    "Kd_Keg",
    "Kd_Rincian",
    "Kd_SubRinci",
    "No_Urut",
    "SumberDana",
    "Uraian",
    "Satuan",
    "JmlSatuan",
    "HrgSatuan",
    "Anggaran",
    "AnggaranStlhPAK",
]


def _rinci_rows(village, year, rab):
    """The ``Ta_RABRinci`` rows of a village, adding each item to its ``Ta_RAB`` totals in `rab`."""
    rows = []
    for number, (suffix, rincian, source, text, original, revised) in enumerate(village.items, start=1):
        keg = village.kd_desa + suffix
        rows.append([year, village.kd_desa, keg, rincian, "", number, source, text, "paket", 1, original])
        rows[-1] += [original, revised]
        totals = rab.setdefault((village.kd_desa, keg, rincian), [0, 0])
        totals[0] += original
        totals[1] += revised
    return rows


def _budget_tables(villages, year):
    rab, rinci, kegiatan, desa = {}, [], [], []
    for village in villages:
        rinci += _rinci_rows(village, year, rab)
        for suffix, (name, location) in village.kegiatan.items():
            kegiatan.append(
                [year, village.kd_desa, village.kd_desa + suffix, name, location, "Kasi Pemerintahan"]
            )
        desa.append(
            [
                year,
                village.kd_desa,
                *village.perdes,
                *village.perdes_revision,
                f"Kades {village.village_name}",
            ]
        )
    return {
        "Ta_RAB": (
            ["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Anggaran", "AnggaranPAK", "AnggaranStlhPAK"],
            [[year, d, k, r, a, b - a, b] for (d, k, r), (a, b) in rab.items()],
        ),
        "Ta_RABRinci": (RINCI_HEADER, rinci),
        "Ta_Kegiatan": (["Tahun", "Kd_Desa", "Kd_Keg", "Nama_Kegiatan", "Lokasi", "Nm_PPTKD"], kegiatan),
        "Ta_Desa": (
            ["Tahun", "Kd_Desa", "No_Perdes", "Tgl_Perdes", "No_Perdes_PB", "Tgl_Perdes_PB", "Nm_Kades"],
            desa,
        ),
    }


def _realisation_tables(villages, year):
    tbp, tbp_rinci, spp, spp_rinci, spj, spj_rinci = [], [], [], [], [], []
    for village in villages:
        for number, (date, suffix, rincian, value) in enumerate(village.receipts, start=1):
            proof = f"{number:05d}/TBP/{village.kd_desa}{year}"
            tbp.append([year, proof, date, village.kd_desa, "Penerimaan", value])
            tbp_rinci.append([year, proof, village.kd_desa, village.kd_desa + suffix, rincian, value])
        for number, (date, kind, suffix, rincian, value) in enumerate(village.payments, start=1):
            proof = f"{number:05d}/SPP/{village.kd_desa}{year}"
            spp.append([year, proof, date, kind, village.kd_desa, value])
            spp_rinci.append([year, village.kd_desa, proof, village.kd_desa + suffix, rincian, value])
        for number, (date, suffix, rincian, value) in enumerate(village.accounted, start=1):
            proof = f"{number:05d}/SPJ/{village.kd_desa}{year}"
            spj.append([year, proof, date, village.kd_desa, value])
            spj_rinci.append([year, proof, village.kd_desa, village.kd_desa + suffix, rincian, value])
    return {
        "Ta_TBP": (["Tahun", "No_Bukti", "Tgl_Bukti", "Kd_Desa", "Uraian", "Jumlah"], tbp),
        "Ta_TBPRinci": (["Tahun", "No_Bukti", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Nilai"], tbp_rinci),
        "Ta_SPP": (["Tahun", "No_SPP", "Tgl_SPP", "Jn_SPP", "Kd_Desa", "Jumlah"], spp),
        "Ta_SPPRinci": (["Tahun", "Kd_Desa", "No_SPP", "Kd_Keg", "Kd_Rincian", "Nilai"], spp_rinci),
        "Ta_SPJ": (["Tahun", "No_SPJ", "Tgl_SPJ", "Kd_Desa", "Jumlah"], spj),
        "Ta_SPJRinci": (["Tahun", "No_SPJ", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Nilai"], spj_rinci),
    }


def export_tables(villages, *, year, realisation=True):
    """{table name: (header, rows)} of an export holding `villages`."""
    districts = {village.kd_kec: village.district_name for village in villages}
    tables = {
        "Ref_Kecamatan": (["Kd_Kec", "Nama_Kecamatan"], sorted(districts.items())),
        "Ref_Desa": (
            ["Kd_Kec", "Kd_Desa", "Nama_Desa"],
            [[village.kd_kec, village.kd_desa, village.village_name] for village in villages],
        ),
        **_budget_tables(villages, year),
    }
    if realisation:
        tables.update(_realisation_tables(villages, year))
    return tables


def build_export(villages, *, year, delimiter=",", encoding="utf-8", realisation=True, replace=None):
    """The zip bytes of an export; `replace` maps a file name to the bytes to write instead (or None to leave it out)."""
    replace = replace or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (header, rows) in export_tables(villages, year=year, realisation=realisation).items():
            file_name = f"{name}.csv"
            if file_name in replace:
                continue
            archive.writestr(file_name, _csv(header, rows, delimiter).encode(encoding))
        for file_name, content in replace.items():
            if content is not None:
                archive.writestr(file_name, content)
    return buffer.getvalue()


# (kegiatan suffix, Kd_Rincian, SumberDana, what is bought, kegiatan name)
_SPENDING = (
    ("01.01.01.", "5.1.1.01.", "ADD", "Penghasilan tetap Kepala Desa", "Penghasilan Tetap Kepala Desa"),
    ("01.01.02.", "5.1.2.01.", "ADD", "Penghasilan tetap perangkat desa", "Penghasilan Tetap Perangkat Desa"),
    ("01.01.04.", "5.2.1.02.", "ADD", "Alat listrik kantor desa", "Operasional Pemerintah Desa"),
    ("01.01.04.", "5.2.2.01.", "ADD", "Honorarium tim pelaksana", "Operasional Pemerintah Desa"),
    ("02.02.01.", "5.2.2.01.", "DDS", "Honorarium kader kesehatan", "Pos Kesehatan Desa"),
    ("02.06.02.", "5.2.1.08.", "DDS", "Baliho APBDes", "Informasi Publik Desa"),
    ("05.01.01.", "5.2.1.02.", "DDS", "Perlengkapan tanggap bencana", "Penanggulangan Bencana"),
)
_LOCATIONS = ("Dusun Krajan", "Dusun Kidul", "Dusun Lor", "Dusun Wetan", "Kantor Desa")


def _date(year, month, day):
    return f"{month:02d}/{day:02d}/{year} 00:00:00"


def generated_village(*, kd_kec, kd_desa, district_name, village_name, year, seed, items_per_kind=15):
    """A made-up but plausible export of one village-year: revised once, realised through the year."""
    import random

    rng = random.Random(seed)
    village = SampleVillage(
        kd_kec,
        kd_desa,
        district_name,
        village_name,
        perdes=(f"1 Tahun {year}", _date(year - 1, 12, 28)),
        perdes_revision=(f"5 Tahun {year}", _date(year, 8, 20)),
    )
    spending = 0
    for suffix, rincian, source, what, kegiatan in _SPENDING:
        village.kegiatan[suffix] = (kegiatan, rng.choice(_LOCATIONS))
        for number in range(1, items_per_kind + 1):
            amount = rng.randrange(2_000, 40_000) * 1_000
            revised = amount + (rng.randrange(1, 5) * 1_000_000 if number == 1 else 0)
            village.items.append((suffix, rincian, source, f"{what}, paket {number}", amount, revised))
            spending += revised
            if number % 3:
                paid = amount // 2
                village.payments.append((_date(year, rng.randrange(1, 7), 15), "LS", suffix, rincian, paid))
                village.payments.append((_date(year, rng.randrange(7, 13), 15), "LS", suffix, rincian, paid))
    dana_desa = spending // 2
    village.items += [
        (REVENUE_KEGIATAN, "4.2.1.01.", "DDS", "Dana Desa", dana_desa, dana_desa),
        (
            REVENUE_KEGIATAN,
            "4.2.3.01.",
            "ADD",
            "Alokasi Dana Desa",
            spending - dana_desa,
            spending - dana_desa,
        ),
        (REVENUE_KEGIATAN, "6.1.1.01.", "", "SiLPA tahun sebelumnya", 25_000_000, 25_000_000),
        (REVENUE_KEGIATAN, "6.2.2.01.", "", "Penyertaan modal BUMDes", 25_000_000, 25_000_000),
    ]
    village.receipts += [
        (_date(year, 4, 10), REVENUE_KEGIATAN, "4.2.1.01.", dana_desa // 2),
        (_date(year, 9, 10), REVENUE_KEGIATAN, "4.2.1.01.", dana_desa // 2),
        (_date(year, 3, 5), REVENUE_KEGIATAN, "4.2.3.01.", (spending - dana_desa) // 2),
    ]
    return village
