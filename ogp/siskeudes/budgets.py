"""What an export says about each village-year: its versions, Perdes and realisation.

`village_years(export, chart)` is pure: from the tables of `reading.open_export`
it builds one `VillageYear` per Siskeudes village code and year, with

- the lines of the APBDes murni (``Anggaran`` of each ``Ta_RABRinci`` item) and,
  when any amount changed, of the Perubahan (``AnggaranStlhPAK``), as
  `ogp.imports.ParsedRow` in the portal's codes (``5.3.4.02.`` → ``5.3.4.02``,
  ``Kd_Keg`` without the village prefix → ``02.03.07``);
- the Perdes of each from ``Ta_Desa``;
- the realisation per (account, kegiatan), Semester I (dated up to 30 June)
  and year end: receipts (``Ta_TBPRinci``), payments (``Ta_SPPRinci`` except
  advances, ``Jn_SPP`` = ``UM``) and their accountability (``Ta_SPJRinci``);
- every problem found in that village-year's rows.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..imports import ParsedRow
from ..models import line_problems
from .reading import Problem, account_code, activity_code, one_line, parse_amount, parse_date

SEMESTER_1, YEAR_END = "semester1", "akhir"


@dataclass
class VillageYear:
    code: str  # the Siskeudes village code, KK.DDDD.
    year: int
    murni: list = field(default_factory=list)  # [ParsedRow]
    perubahan: list | None = None  # [ParsedRow] when the revision changed anything
    perdes: tuple = ("", None)
    perdes_revision: tuple = ("", None)
    realised: dict = field(default_factory=dict)  # period → {(account, activity): amount}
    latest_realisation: datetime.date | None = None
    problems: list = field(default_factory=list)


def village_years(export, chart):
    """{(Siskeudes code, year): VillageYear} for every village-year of ``Ta_RABRinci``."""
    found = {}
    _read_lines(export, chart, _locations(export), found)
    _check_against_rab(export, found)
    _read_perdes(export, found)
    _read_realisation(export, chart, found)
    return found


def _year(row):
    try:
        return int(row["Tahun"])
    except ValueError:
        return None


def _locations(export):
    return {
        (row["Tahun"], row["Kd_Desa"], row["Kd_Keg"]): one_line(row["Lokasi"])[:200]
        for _number, row in export.rows("Ta_Kegiatan")
    }


def _read_lines(export, chart, locations, found):
    murni, revised = defaultdict(dict), defaultdict(dict)
    for number, row in export.rows("Ta_RABRinci"):
        year = _year(row)
        if year is None:
            continue
        village_year = found.setdefault((row["Kd_Desa"], year), VillageYear(row["Kd_Desa"], year))
        amounts = _amounts(number, row, village_year.problems)
        line = _line(number, row, chart, locations.get((row["Tahun"], row["Kd_Desa"], row["Kd_Keg"]), ""))
        if isinstance(line, list):
            village_year.problems.extend(line)
            continue
        if amounts is None:
            continue
        _add(murni[village_year.code, year], line, amounts[0])
        _add(revised[village_year.code, year], line, amounts[1])
    for key, village_year in found.items():
        village_year.murni = list(murni[key].values())
        after = list(revised[key].values())
        if _content(after) != _content(village_year.murni):
            village_year.perubahan = after


def _content(rows):
    return sorted((*row.key, row.amount) for row in rows)


def _amounts(number, row, problems):
    """(Anggaran, AnggaranStlhPAK) of an item, or None with the problem noted."""
    amounts = []
    for column in ("Anggaran", "AnggaranStlhPAK"):
        amount = parse_amount(row[column])
        if amount is None or amount < 0:
            message = _("“%(value)s” is not an amount.") % {"value": row[column][:30]}
            problems.append(Problem("Ta_RABRinci.csv", column, number, message))
        amounts.append(amount)
    if any(amount is None or amount < 0 for amount in amounts):
        return None
    return tuple(amounts)


def _line(number, row, chart, location):
    """The ParsedRow of a ``Ta_RABRinci`` item in the portal's codes, or the list of its problems."""
    account = account_code(row["Kd_Rincian"])
    info = chart.accounts.get(account)
    if info is None:
        message = _("The account %(code)s is not in the chart of accounts.") % {"code": row["Kd_Rincian"]}
        return [Problem("Ta_RABRinci.csv", "Kd_Rincian", number, message)]
    level, account_source = info
    activity = activity_code(row["Kd_Keg"], row["Kd_Desa"]) if account.startswith("5") else ""
    if activity and activity not in chart.activities:
        message = _("The kegiatan %(code)s is not in the list of activities.") % {"code": activity}
        return [Problem("Ta_RABRinci.csv", "Kd_Keg", number, message)]
    if account.startswith("5"):
        source = chart.sources.get(row["SumberDana"].strip().upper(), "")
        if row["SumberDana"].strip() and not source:
            message = _("The source of funds %(code)s is unknown.") % {"code": row["SumberDana"][:20]}
            return [Problem("Ta_RABRinci.csv", "SumberDana", number, message)]
    else:
        # Revenue counts as the source its account names; financing has none of its own.
        source = account_source or chart.sources.get(row["SumberDana"].strip().upper(), "")
        if account.startswith("6"):
            source = ""
    problems = line_problems(
        account_code=account,
        account_level=level,
        account_source=account_source,
        activity_code=activity,
        activity_level=chart.activities.get(activity),
        source_code=source,
    )
    if problems:
        columns = {"account": "Kd_Rincian", "activity": "Kd_Keg", "fund_source": "SumberDana"}
        return [Problem("Ta_RABRinci.csv", columns[name], number, str(message)) for name, message in problems]
    description = one_line(row["Uraian"])[:255] or account
    location = location if account.startswith("5") else ""
    return ParsedRow(number, row["Kd_Desa"], account, activity, source, description, location, 0, None)


def _add(lines, line, amount):
    """Items with the same codes and description become one line; zero items are left out."""
    if not amount:
        return
    existing = lines.get(line.key)
    if existing is None:
        lines[line.key] = ParsedRow(**{**line.__dict__, "amount": amount})
    else:
        existing.amount += amount


def _check_against_rab(export, found):
    """Each ``Ta_RAB`` total must equal the sum of its ``Ta_RABRinci`` items, before and after revision."""
    sums = defaultdict(lambda: [0, 0])
    for _number, row in export.rows("Ta_RABRinci"):
        amounts = (parse_amount(row["Anggaran"]), parse_amount(row["AnggaranStlhPAK"]))
        if None not in amounts:
            total = sums[row["Tahun"], row["Kd_Desa"], row["Kd_Keg"], row["Kd_Rincian"]]
            total[0] += amounts[0]
            total[1] += amounts[1]
    for number, row in export.rows("Ta_RAB"):
        village_year = found.get((row["Kd_Desa"], _year(row)))
        if village_year is None:
            continue
        items = sums.get((row["Tahun"], row["Kd_Desa"], row["Kd_Keg"], row["Kd_Rincian"]), [0, 0])
        for column, expected in zip(("Anggaran", "AnggaranStlhPAK"), items, strict=True):
            stated = parse_amount(row[column])
            if stated != expected:
                message = _("The total is %(stated)s but its items in Ta_RABRinci add up to %(items)s.") % {
                    "stated": row[column][:30],
                    "items": expected,
                }
                village_year.problems.append(Problem("Ta_RAB.csv", column, number, message))


def _read_perdes(export, found):
    for number, row in export.rows("Ta_Desa"):
        village_year = found.get((row["Kd_Desa"], _year(row)))
        if village_year is None:
            continue
        for target, number_column, date_column in (
            ("perdes", "No_Perdes", "Tgl_Perdes"),
            ("perdes_revision", "No_Perdes_PB", "Tgl_Perdes_PB"),
        ):
            date = parse_date(row[date_column])
            if row[date_column].strip() and date is None:
                message = _("“%(value)s” is not a date (MM/DD/YYYY).") % {"value": row[date_column][:30]}
                village_year.problems.append(Problem("Ta_Desa.csv", date_column, number, message))
            setattr(village_year, target, (one_line(row[number_column])[:100], date))


def _read_realisation(export, chart, found):
    from .realisation import realisation_entries

    totals = defaultdict(lambda: defaultdict(int))
    for entry in realisation_entries(export, chart):
        village_year = found.get((entry.village, entry.year))
        if village_year is None:
            continue
        if entry.problem is not None:
            village_year.problems.append(entry.problem)
            continue
        periods = (SEMESTER_1, YEAR_END) if entry.date <= datetime.date(entry.year, 6, 30) else (YEAR_END,)
        for period in periods:
            totals[village_year.code, entry.year, period][entry.key] += entry.amount
        if village_year.latest_realisation is None or entry.date > village_year.latest_realisation:
            village_year.latest_realisation = entry.date
    for (code, year, period), amounts in totals.items():
        found[code, year].realised[period] = dict(amounts)
