"""Invented but realistic APBDes for the demo and the benchmark (sample data).

Every figure here is made up, deterministically: the same village and year
always give the same budget (`random.Random` seeded with both). Proportions
follow the reference: revenue of roughly Rp1–3 billion, of which Dana Desa
Rp0.7–1.2 billion and ADD Rp0.3–0.8 billion; spending is balanced against
revenue plus the previous year's SiLPA. Budgets made from this module are
always flagged ``is_sample`` and labelled as sample data on every page.
"""

import datetime
import functools
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "sample_budgets.json"


@functools.cache
def _data():
    """The hamlet names and spending lines of `DATA`, read once."""
    with DATA.open(encoding="utf-8") as handle:
        return json.load(handle)


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
        "dusun": rng.sample(_data()["dusun"], rng.randint(2, 6)),
        "tanah_kas": rng.uniform(20e6, 150e6),
        "bumdes": rng.random() < 0.6,
        "pbk": rng.random() < 0.5,
        "pbp": rng.random() < 0.2,
        "penyertaan": rng.random() < 0.4,
    }


class _Lines(list):
    """The lines of a budget being drawn, each amount rounded to whole thousands."""

    def add(self, account, activity, source, description, amount, location=""):
        self.append(SampleLine(account, activity, source, description, location, _round(amount)))


def original_lines(code, year):
    """The lines of the original (murni) APBDes of a village for a year."""
    rng = _rng("murni", code, year)
    profile = _village_profile(code)
    growth = 1 + (year - 2018) * 0.03
    lines = _Lines()
    dds = _revenue(lines, rng, profile, growth)
    revenue = sum(line.amount for line in lines)
    silpa_in, penyertaan = _financing(lines, rng, profile, year)
    target_spending = revenue + silpa_in - penyertaan - _round(rng.uniform(0, 5e6))
    spending_start = len(lines)
    perangkat = 8 + int(profile["size"] * 6)
    for entry in _data()["spending"]:
        _spend(lines, entry, rng, profile, year=year, growth=growth, perangkat=perangkat, dds=dds)
    # Construction takes what is left, spread over projects in the dusun.
    fixed = sum(line.amount for line in lines[spending_start:])
    _construction(lines, rng, profile, max(target_spending - fixed, 0))
    return list(lines)


def _revenue(lines, rng, profile, growth):
    """Add the revenue lines; returns the Dana Desa before rounding (social aid is a share of it)."""
    size = profile["size"]
    dds = (0.72e9 + size * 0.4e9) * min(growth, 1.03) * rng.uniform(0.97, 1.03)
    add_amount = (0.31e9 + size * 0.4e9) * min(growth, 1.08) * rng.uniform(0.97, 1.03)
    lines.add(
        "4.1.2.01", "", "PAD", "Hasil sewa tanah kas desa", profile["tanah_kas"] * rng.uniform(0.95, 1.05)
    )
    if profile["bumdes"]:
        lines.add("4.1.1.01", "", "PAD", "Bagi hasil BUMDes", rng.uniform(5e6, 40e6))
    if rng.random() < 0.3:
        lines.add("4.1.3.01", "", "PAD", "Swadaya masyarakat pembangunan jalan", rng.uniform(5e6, 25e6))
    lines.add("4.2.1.01", "", "DDS", "Dana Desa", dds)
    lines.add("4.2.2.01", "", "PBH", "Bagi hasil pajak daerah", rng.uniform(40e6, 90e6) * growth)
    lines.add("4.2.2.01", "", "PBH", "Bagi hasil retribusi daerah", rng.uniform(3e6, 12e6))
    lines.add("4.2.3.01", "", "ADD", "Alokasi Dana Desa", add_amount)
    if profile["pbk"] and rng.random() < 0.8:
        lines.add("4.2.5.01", "", "PBK", "Bantuan keuangan khusus kabupaten", rng.uniform(100e6, 500e6))
    if profile["pbp"] and rng.random() < 0.7:
        lines.add("4.2.4.01", "", "PBP", "Bantuan keuangan provinsi", rng.uniform(100e6, 300e6))
    lines.add("4.3.6.01", "", "DLL", "Bunga bank", rng.uniform(0.5e6, 3e6))
    return dds


def _financing(lines, rng, profile, year):
    """Add the financing lines; returns (SiLPA brought in, capital put into the BUMDes)."""
    silpa_in = _round(rng.uniform(10e6, 150e6))
    lines.add("6.1.1.01", "", "", f"SiLPA tahun {year - 1}", silpa_in)
    penyertaan = 0
    if profile["penyertaan"] and rng.random() < 0.6:
        penyertaan = _round(rng.uniform(20e6, 100e6))
        lines.add("6.2.2.01", "", "", "Penyertaan modal BUMDes", penyertaan)
    return silpa_in, penyertaan


def _spend(lines, entry, rng, profile, *, year, growth, perangkat, dds):
    """Add one spending line of the data file (once, or in every dusun) if the budget has it."""
    if year < entry.get("from_year", year):
        return
    if "chance" in entry and not rng.random() < entry["chance"]:
        return
    places = [("{dusun}", dusun) for dusun in profile["dusun"]] if entry.get("each_dusun") else [("", "")]
    for placeholder, dusun in places:
        amount = _amount(entry["amount"], rng, year=year, growth=growth, perangkat=perangkat, dds=dds)
        location = entry["location"].replace(placeholder, dusun) if placeholder else entry["location"]
        lines.add(
            entry["account"], entry["activity"], entry["source"], entry["description"], amount, location
        )


def _amount(rule, rng, *, year, growth, perangkat, dds):
    """The unrounded amount of a spending line by its rule (see the data file's ``_about``)."""
    kind = rule["rule"]
    if kind == "uniform":
        return rng.uniform(rule["low"], rule["high"])
    if kind == "monthly":
        return 12 * rule["low"]
    if kind == "perangkat_monthly":
        return perangkat * 12 * rule["low"]
    if kind == "perangkat_monthly_growing":
        return perangkat * 12 * rule["low"] * min(growth, 1.2)
    if kind == "perangkat_uniform":
        return perangkat * rng.uniform(rule["low"], rule["high"])
    if kind == "monthly_choice_growing":
        return 12 * rng.choice(rule["choices"]) * min(growth, 1.2)
    if kind == "dana_desa_share":
        return dds * (0.25 if year <= 2022 else 0.12)
    raise ValueError(f"unknown amount rule {kind!r}")


def _construction(lines, rng, profile, remaining):
    """Spread what is left over construction projects in the dusun."""
    projects = _projects(rng, profile)
    weights = [rng.uniform(0.5, 2.0) for _ in projects]
    total_weight = sum(weights)
    allotted = 0
    for index, ((jenis, activity, description, location), weight) in enumerate(
        zip(projects, weights, strict=True)
    ):
        source = "PBK" if profile["pbk"] and index == 0 else "DDS"
        amount = (
            _round(remaining * weight / total_weight) if index < len(projects) - 1 else remaining - allotted
        )
        allotted += amount
        # Each project pays its workers (obyek 02) and buys its materials (obyek 03).
        wages = _round(amount * 0.3)
        lines.add(
            f"{jenis}.02", activity, source, f"Upah tenaga kerja: {description.lower()}", wages, location
        )
        lines.add(
            f"{jenis}.03", activity, source, f"Bahan baku: {description.lower()}", amount - wages, location
        )


def _projects(rng, profile):
    dusun = profile["dusun"]
    projects = []
    for name in dusun:
        rt = rng.randint(1, 6)
        projects.append(("5.3.5", "02.03.10", "Rabat beton jalan desa", f"Dusun {name} RT {rt:02d}"))
        if rng.random() < 0.5:
            location = f"Dusun {name} RT {rng.randint(1, 6):02d}"
            projects.append(("5.3.7", "02.03.14", "Pembangunan saluran drainase", location))
        if rng.random() < 0.25:
            projects.append(("5.3.5", "02.03.12", "Pengerasan jalan usaha tani", f"Dusun {name}"))
    if rng.random() < 0.3:
        projects.append(("5.3.6", "02.03.13", "Pembangunan jembatan desa", f"Dusun {dusun[0]}"))
    if rng.random() < 0.4:
        projects.append(("5.3.7", "02.04.11", "Pembangunan sumur bor air bersih", f"Dusun {dusun[-1]}"))
    if rng.random() < 0.3:
        projects.append(("5.3.8", "02.07.02", "Pemasangan penerangan jalan desa", f"Dusun {dusun[0]}"))
    return projects


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
            "5.2.6.05",
            "02.03.01",
            "DDS",
            "Pemeliharaan jalan desa pasca banjir",
            f"Dusun {rng.choice(_data()['dusun'])}",
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
            result.reports.append(_semester_report(lines, rng, year))
        in_force = revised
    elif recent and rng.random() < 0.8:
        result.reports.append(_semester_report(lines, rng, year))
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


def _semester_report(lines, rng, year):
    return SampleReport(
        "semester1",
        datetime.date(year, 6, 30),
        datetime.date(year, 7, rng.randint(8, 20)),
        realised(lines, rng, share=0.5),
    )


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
