"""Invented but realistic APBDes for the demo and the benchmark (sample data).

Every figure here is made up, deterministically: the same village and year
always give the same budget (`random.Random` seeded with both). Proportions
follow the reference: revenue of roughly Rp1–3 billion, of which Dana Desa
Rp0.7–1.2 billion and ADD Rp0.3–0.8 billion; spending is balanced against
revenue plus the previous year's SiLPA. Budgets made from this module are
always flagged ``is_sample`` and labelled as sample data on every page.
"""

import datetime
import random
from dataclasses import dataclass, field

DUSUN = [
    "Krajan",
    "Kidul",
    "Lor",
    "Wetan",
    "Kulon",
    "Tengah",
    "Sumber",
    "Ngasem",
    "Randu",
    "Jati",
    "Gempol",
    "Dukuh",
]


@dataclass
class SampleLine:
    account: str
    activity: str
    source: str
    description: str
    location: str
    amount: int

    @property
    def key(self):
        return (self.account, self.activity, self.source, self.description, self.location)


@dataclass
class SampleVersion:
    kind: str
    perdes_number: str
    perdes_date: datetime.date
    published_on: datetime.date | None  # None: still a draft
    lines: list
    note: str = ""


@dataclass
class SampleReport:
    period: str
    as_of: datetime.date
    published_on: datetime.date
    realised: list  # one amount per line of the version reported on
    version_index: int = 0


@dataclass
class SampleBudget:
    village_code: str
    year: int
    versions: list = field(default_factory=list)
    reports: list = field(default_factory=list)


def _round(amount, step=1000):
    return max(0, int(round(amount / step)) * step)


def _rng(*parts):
    return random.Random("|".join(str(part) for part in parts))


def _village_profile(code):
    """Traits of a village that stay the same every year."""
    rng = _rng("profile", code)
    return {
        "size": rng.uniform(0.0, 1.0),
        "dusun": rng.sample(DUSUN, rng.randint(2, 6)),
        "tanah_kas": rng.uniform(20e6, 150e6),
        "bumdes": rng.random() < 0.6,
        "pbk": rng.random() < 0.5,
        "pbp": rng.random() < 0.2,
        "penyertaan": rng.random() < 0.4,
    }


def original_lines(code, year):
    """The lines of the original (murni) APBDes of a village for a year."""
    rng = _rng("murni", code, year)
    profile = _village_profile(code)
    growth = 1 + (year - 2018) * 0.03
    size = profile["size"]
    lines = []

    def add(account, activity, source, description, amount, location=""):
        lines.append(SampleLine(account, activity, source, description, location, _round(amount)))

    # Revenue.
    dds = (0.72e9 + size * 0.4e9) * min(growth, 1.03) * rng.uniform(0.97, 1.03)
    add_amount = (0.31e9 + size * 0.4e9) * min(growth, 1.08) * rng.uniform(0.97, 1.03)
    add("4.1.2.01", "", "PAD", "Hasil sewa tanah kas desa", profile["tanah_kas"] * rng.uniform(0.95, 1.05))
    if profile["bumdes"]:
        add("4.1.1.01", "", "PAD", "Bagi hasil BUMDes", rng.uniform(5e6, 40e6))
    if rng.random() < 0.3:
        add("4.1.3.01", "", "PAD", "Swadaya masyarakat pembangunan jalan", rng.uniform(5e6, 25e6))
    add("4.2.1.01", "", "DDS", "Dana Desa", dds)
    add("4.2.2.01", "", "PBH", "Bagi hasil pajak daerah", rng.uniform(40e6, 90e6) * growth)
    add("4.2.2.02", "", "PBH", "Bagi hasil retribusi daerah", rng.uniform(3e6, 12e6))
    add("4.2.3.01", "", "ADD", "Alokasi Dana Desa", add_amount)
    if profile["pbk"] and rng.random() < 0.8:
        add("4.2.5.01", "", "PBK", "Bantuan keuangan khusus kabupaten", rng.uniform(100e6, 500e6))
    if profile["pbp"] and rng.random() < 0.7:
        add("4.2.4.01", "", "PBP", "Bantuan keuangan provinsi", rng.uniform(100e6, 300e6))
    add("4.3.6.01", "", "DLL", "Bunga bank", rng.uniform(0.5e6, 3e6))
    revenue = sum(line.amount for line in lines)

    # Financing.
    silpa_in = _round(rng.uniform(10e6, 150e6))
    add("6.1.1.01", "", "", f"SiLPA tahun {year - 1}", silpa_in)
    penyertaan = 0
    if profile["penyertaan"] and rng.random() < 0.6:
        penyertaan = _round(rng.uniform(20e6, 100e6))
        add("6.2.2.01", "", "", "Penyertaan modal BUMDes", penyertaan)
    target_spending = revenue + silpa_in - penyertaan - _round(rng.uniform(0, 5e6))

    spending_start = len(lines)
    perangkat = 8 + int(size * 6)
    add(
        "5.1.1.01",
        "01.01.01",
        "ADD",
        "Penghasilan tetap Kepala Desa",
        12 * rng.choice([2.4e6, 2.6e6, 2.8e6]) * min(growth, 1.2),
    )
    add("5.1.1.02", "01.01.01", "ADD", "Tunjangan Kepala Desa", rng.uniform(6e6, 12e6))
    add(
        "5.1.2.01",
        "01.01.02",
        "ADD",
        "Penghasilan tetap perangkat desa",
        perangkat * 12 * 2.2e6 * min(growth, 1.2),
    )
    add("5.1.2.02", "01.01.02", "ADD", "Tunjangan perangkat desa", perangkat * rng.uniform(3e6, 5e6))
    add("5.1.3.01", "01.01.03", "ADD", "Jaminan kesehatan Kepala Desa", 12 * 120e3)
    add("5.1.3.02", "01.01.03", "ADD", "Jaminan kesehatan perangkat desa", perangkat * 12 * 110e3)
    add("5.1.3.04", "01.01.03", "ADD", "Jaminan ketenagakerjaan perangkat desa", perangkat * 12 * 45e3)
    add("5.1.4.01", "01.01.05", "ADD", "Tunjangan kedudukan BPD", rng.uniform(20e6, 40e6))
    add(
        "5.2.1.01",
        "01.01.04",
        "ADD",
        "Alat tulis kantor dan benda pos",
        rng.uniform(5e6, 15e6),
        "Kantor Desa",
    )
    add(
        "5.2.1.02",
        "01.01.04",
        "ADD",
        "Belanja alat listrik kantor desa",
        rng.uniform(2e6, 6e6),
        "Kantor Desa",
    )
    add("5.2.1.05", "01.01.04", "PBH", "Cetak dan penggandaan dokumen", rng.uniform(2e6, 6e6), "Kantor Desa")
    add("5.2.5.01", "01.01.04", "PBH", "Langganan listrik kantor desa", rng.uniform(4e6, 10e6), "Kantor Desa")
    add("5.2.5.05", "01.01.04", "PBH", "Langganan internet kantor desa", rng.uniform(3e6, 8e6), "Kantor Desa")
    add("5.2.3.01", "01.01.04", "ADD", "Perjalanan dinas dalam kabupaten", rng.uniform(5e6, 15e6))
    add("5.2.2.02", "01.01.04", "ADD", "Honorarium operator desa", rng.uniform(6e6, 15e6), "Kantor Desa")
    add("5.2.1.06", "01.01.06", "ADD", "Konsumsi rapat BPD", rng.uniform(3e6, 8e6), "Balai Desa")
    for dusun in profile["dusun"]:
        add("5.2.2.03", "01.01.07", "ADD", "Insentif RT/RW", rng.uniform(4e6, 10e6), f"Dusun {dusun}")
    add(
        "5.2.6.02",
        "01.02.02",
        "PBH",
        "Pemeliharaan gedung kantor desa",
        rng.uniform(5e6, 20e6),
        "Kantor Desa",
    )
    if rng.random() < 0.5:
        add(
            "5.3.2.03",
            "01.02.01",
            "ADD",
            "Pengadaan komputer dan printer",
            rng.uniform(8e6, 25e6),
            "Kantor Desa",
        )
    add(
        "5.2.1.01",
        "01.03.01",
        "ADD",
        "Pelayanan administrasi kependudukan",
        rng.uniform(3e6, 8e6),
        "Kantor Desa",
    )
    add(
        "5.2.1.06",
        "01.04.01",
        "ADD",
        "Musyawarah perencanaan pembangunan desa",
        rng.uniform(3e6, 8e6),
        "Balai Desa",
    )
    add(
        "5.2.2.01",
        "01.04.04",
        "ADD",
        "Penyusunan APBDes dan laporan pertanggungjawaban",
        rng.uniform(3e6, 8e6),
    )
    add(
        "5.2.1.05",
        "01.04.07",
        "ADD",
        "Penyusunan laporan Kepala Desa dan informasi kepada masyarakat",
        rng.uniform(2e6, 5e6),
    )
    if rng.random() < 0.6:
        add("5.2.2.01", "01.04.08", "DDS", "Pengelolaan sistem informasi desa", rng.uniform(3e6, 10e6))
    add("5.2.2.05", "01.05.02", "PBH", "Pemungutan PBB", rng.uniform(3e6, 8e6))

    add("5.2.2.03", "02.01.01", "DDS", "Insentif guru PAUD", rng.uniform(10e6, 30e6), "PAUD Desa")
    add("5.2.1.07", "02.01.02", "DDS", "Alat permainan edukatif PAUD", rng.uniform(3e6, 10e6), "PAUD Desa")
    for dusun in profile["dusun"]:
        add(
            "5.2.7.01",
            "02.02.02",
            "DDS",
            "Makanan tambahan balita dan ibu hamil",
            rng.uniform(5e6, 15e6),
            f"Posyandu Dusun {dusun}",
        )
    add("5.2.2.03", "02.02.02", "DDS", "Insentif kader posyandu", rng.uniform(10e6, 30e6))
    add("5.2.1.06", "02.02.03", "DDS", "Penyuluhan pencegahan stunting", rng.uniform(2e6, 8e6), "Balai Desa")
    add("5.2.6.03", "02.03.01", "DDS", "Pemeliharaan jalan desa", rng.uniform(5e6, 20e6))
    add("5.2.1.08", "02.06.02", "ADD", "Baliho informasi APBDes", rng.uniform(1e6, 4e6), "Depan Kantor Desa")
    add("5.2.2.03", "03.01.02", "ADD", "Honorarium Satlinmas", rng.uniform(5e6, 20e6))
    add(
        "5.2.1.06",
        "03.02.02",
        "PAD",
        "Sedekah bumi dan peringatan hari besar",
        rng.uniform(5e6, 20e6),
        "Balai Desa",
    )
    add("5.2.1.07", "03.03.04", "PAD", "Pembinaan karang taruna", rng.uniform(3e6, 10e6))
    add("5.2.1.06", "03.04.03", "ADD", "Kegiatan PKK", rng.uniform(5e6, 15e6))
    add("5.2.1.06", "03.04.02", "ADD", "Pembinaan LPMD", rng.uniform(2e6, 6e6))
    add(
        "5.2.3.03",
        "04.03.02",
        "ADD",
        "Pelatihan peningkatan kapasitas perangkat desa",
        rng.uniform(5e6, 15e6),
    )
    add("5.2.3.03", "04.03.03", "ADD", "Peningkatan kapasitas BPD", rng.uniform(3e6, 8e6))
    if rng.random() < 0.5:
        add("5.2.7.01", "04.02.01", "DDS", "Bantuan alat pertanian kelompok tani", rng.uniform(10e6, 40e6))
    if rng.random() < 0.3:
        add("5.2.7.01", "04.02.02", "DDS", "Bantuan bibit ternak kambing", rng.uniform(15e6, 45e6))
    add(
        "5.2.3.03",
        "04.04.01",
        "DDS",
        "Pelatihan pemberdayaan perempuan",
        rng.uniform(3e6, 10e6),
        "Balai Desa",
    )
    add("5.2.3.03", "04.05.01", "DDS", "Pelatihan usaha mikro", rng.uniform(3e6, 10e6), "Balai Desa")
    if year >= 2020:
        share = 0.25 if year <= 2022 else 0.12
        add("5.4.1.01", "05.03.01", "DDS", "Bantuan Langsung Tunai Dana Desa", dds * share)
    add("5.4.1.01", "05.01.01", "ADD", "Belanja tak terduga penanggulangan bencana", rng.uniform(10e6, 30e6))

    # Construction takes what is left, spread over projects in the dusun.
    fixed = sum(line.amount for line in lines[spending_start:])
    remaining = max(target_spending - fixed, 0)
    projects = []
    for dusun in profile["dusun"]:
        rt = rng.randint(1, 6)
        projects.append(("5.3.5.01", "02.03.07", "Rabat beton jalan desa", f"Dusun {dusun} RT {rt:02d}"))
        if rng.random() < 0.5:
            projects.append(
                (
                    "5.3.7.01",
                    "02.03.11",
                    "Pembangunan saluran drainase",
                    f"Dusun {dusun} RT {rng.randint(1, 6):02d}",
                )
            )
        if rng.random() < 0.25:
            projects.append(("5.3.5.01", "02.03.09", "Pengerasan jalan usaha tani", f"Dusun {dusun}"))
    if rng.random() < 0.3:
        projects.append(("5.3.6.01", "02.03.10", "Pembangunan jembatan desa", f"Dusun {profile['dusun'][0]}"))
    if rng.random() < 0.4:
        projects.append(
            ("5.3.7.01", "02.04.05", "Pembangunan sumur bor air bersih", f"Dusun {profile['dusun'][-1]}")
        )
    if rng.random() < 0.3:
        projects.append(
            ("5.3.8.01", "02.07.02", "Pemasangan penerangan jalan desa", f"Dusun {profile['dusun'][0]}")
        )
    weights = [rng.uniform(0.5, 2.0) for _ in projects]
    total_weight = sum(weights)
    allotted = 0
    for index, ((account, activity, description, location), weight) in enumerate(
        zip(projects, weights, strict=True)
    ):
        source = "PBK" if profile["pbk"] and index == 0 else "DDS"
        amount = (
            _round(remaining * weight / total_weight) if index < len(projects) - 1 else remaining - allotted
        )
        allotted += amount
        add(account, activity, source, description, amount, location)
    return lines


def revised_lines(code, year, original):
    """An APBDes Perubahan: the SiLPA set to its audited figure, projects adjusted, one line added."""
    rng = _rng("perubahan", code, year)
    lines = [SampleLine(**vars(line)) for line in original]
    for line in lines:
        if line.account == "6.1.1.01":
            change = _round(rng.uniform(-0.3, 0.4) * line.amount)
            line.amount += change
            break
    else:
        change = 0
    projects = [line for line in lines if line.account.startswith("5.3") and line.amount + change >= 0]
    if projects:
        target = rng.choice(projects)
        target.amount += change
    # The unforeseen-spending reserve pays for repairs after a flood.
    reserve = next(line for line in lines if line.account == "5.4.1.01" and line.activity == "05.01.01")
    repair = min(reserve.amount, _round(rng.uniform(5e6, 25e6)))
    reserve.amount -= repair
    lines.append(
        SampleLine(
            "5.2.6.03",
            "02.03.01",
            "DDS",
            "Pemeliharaan jalan desa pasca banjir",
            f"Dusun {rng.choice(DUSUN)}",
            repair,
        )
    )
    return lines


def realised(lines, rng, *, share):
    """Realised amounts for a report: `share` is roughly how far into the year it is (0.5 or 1)."""
    amounts = []
    for line in lines:
        if line.account.startswith("4"):
            factor = 1.0 if line.source in ("DDS", "ADD") and share == 1 else rng.uniform(0.85, 1.05) * share
            if share < 1 and line.source in ("DDS", "ADD"):
                factor = rng.choice([0.4, 0.6])
        elif line.account.startswith("6"):
            factor = 1.0
        elif rng.random() < 0.03:
            factor = 0.0
        else:
            factor = rng.uniform(0.82, 1.0) * (1 if share == 1 else rng.uniform(0.3, 0.8))
        amounts.append(_round(line.amount * factor))
    return amounts


def budget(code, year, *, latest_year):
    """The whole sample history of one village-year: versions and realisation reports."""
    rng = _rng("history", code, year)
    result = SampleBudget(code, year)
    lines = original_lines(code, year)
    murni_number = rng.randint(1, 4)
    murni_date = (
        datetime.date(year - 1, 12, rng.randint(18, 31))
        if rng.random() < 0.7
        else datetime.date(year, 1, rng.randint(3, 28))
    )
    unpublished = year == latest_year and rng.random() < 0.07
    published_on = None if unpublished else murni_date + datetime.timedelta(days=rng.randint(3, 30))
    result.versions.append(
        SampleVersion("murni", f"{murni_number} Tahun {year}", murni_date, published_on, lines)
    )
    if unpublished:
        return result
    in_force = lines
    # Semester I reports only for the two latest years keep the sample small.
    recent = year >= latest_year - 1
    if rng.random() < 0.3 and year < latest_year:
        revised = revised_lines(code, year, lines)
        perubahan_date = datetime.date(year, rng.choice([9, 10]), rng.randint(1, 28))
        result.versions.append(
            SampleVersion(
                "perubahan",
                f"{murni_number + rng.randint(2, 6)} Tahun {year}",
                perubahan_date,
                perubahan_date + datetime.timedelta(days=rng.randint(3, 20)),
                revised,
                "Penyesuaian SiLPA hasil audit dan perbaikan jalan pasca banjir.",
            )
        )
        if recent:
            # The Semester I report was made on the original, before the revision.
            result.reports.append(
                SampleReport(
                    "semester1",
                    datetime.date(year, 6, 30),
                    datetime.date(year, 7, rng.randint(8, 20)),
                    realised(lines, rng, share=0.5),
                )
            )
        in_force = revised
    elif recent and rng.random() < 0.8:
        result.reports.append(
            SampleReport(
                "semester1",
                datetime.date(year, 6, 30),
                datetime.date(year, 7, rng.randint(8, 20)),
                realised(lines, rng, share=0.5),
            )
        )
    if year < latest_year or rng.random() < 0.75:
        result.reports.append(
            SampleReport(
                "akhir",
                datetime.date(year, 12, 31),
                datetime.date(year + 1, rng.randint(1, 2), rng.randint(5, 28)),
                realised(in_force, rng, share=1),
                version_index=len(result.versions) - 1,
            )
        )
    return result


def detailed_lines(code, year):
    """The original APBDes written in more detail, as many villages enter it: larger
    spending lines split into two stages (about 115 lines a village, for the benchmark)."""
    lines = []
    for line in original_lines(code, year):
        if line.account.startswith("5") and line.amount >= 4_000_000:
            first = _round(line.amount * 0.6)
            lines.append(
                SampleLine(
                    line.account,
                    line.activity,
                    line.source,
                    f"{line.description} (tahap I)",
                    line.location,
                    first,
                )
            )
            lines.append(
                SampleLine(
                    line.account,
                    line.activity,
                    line.source,
                    f"{line.description} (tahap II)",
                    line.location,
                    line.amount - first,
                )
            )
        else:
            lines.append(line)
    return lines
