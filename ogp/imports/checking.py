"""Checking every row of a file against the template, the reference data and the villages.

`parse()` reads the whole file and collects every problem with its row
number (as a spreadsheet shows it: the header is row 1) and column; it never
touches the database beyond the reference data it is given, and it saves
nothing.
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from portal import wilayah

from ..models import line_problems
from .cells import (
    normalise_account_code,
    normalise_activity_code,
    normalise_village_code,
    parse_date,
    parse_rupiah,
    text,
)
from .columns import ImportFileError, RowError
from .parsed import ParsedFile, ParsedRow
from .reading import read_table

MAX_ERRORS = 300
MAX_ROWS = 200_000

FIELD_COLUMNS = {"account": "kode_rekening", "activity": "kode_kegiatan", "fund_source": "sumber_dana"}


def parse(upload, *, chart, year, village_code=None, village_codes=None, purpose="budget"):
    """Read and check a whole file; raise ImportFileError listing every problem.

    `village_code` is the village the file is for; without it every row needs
    a ``kode_desa`` among `village_codes` (the deployment's villages).
    `purpose` is "budget" (``anggaran`` required) or "realisation"
    (``realisasi`` required, ``anggaran`` optional and checked later).
    """
    header, rows = read_table(upload)
    columns = _columns(header, required=_required(village_code, purpose))
    checker = _RowChecker(
        columns,
        chart=chart,
        year=year,
        village_code=village_code,
        village_codes=village_codes,
        purpose=purpose,
    )
    errors, truncated = [], False
    for number, cells in rows:
        if number > MAX_ROWS + 1:
            errors.append(RowError(number, "-", _("The file has too many rows; split it.")))
            break
        if all(text(value) == "" for value in cells):
            continue
        errors.extend(checker.check(number, cells))
        if len(errors) >= MAX_ERRORS:
            truncated = True
            break
    result = checker.result
    if not errors and not result.by_village:
        errors.append(RowError(2, "-", _("The file has no lines.")))
    if errors:
        raise ImportFileError(errors, truncated=truncated)
    result.perdes = {code: (value[0], value[1]) for code, value in result.perdes.items()}
    return result


def _required(village_code, purpose):
    required = ["kode_rekening", "uraian", "anggaran" if purpose == "budget" else "realisasi"]
    if village_code is None:
        required.insert(0, "kode_desa")
    return required


def _columns(header, *, required):
    """Column name → index; raises ImportFileError for a repeated or missing column."""
    errors = []
    columns = {}
    for index, name in enumerate(header):
        if not name:
            continue
        if name in columns:
            errors.append(RowError(1, name, _("The column appears twice.")))
        columns[name] = index
    for name in required:
        if name not in columns:
            errors.append(RowError(1, name, _("The column is missing. Use the template's header row.")))
    if errors:
        raise ImportFileError(errors)
    return columns


class _RowChecker:
    """Checks one row after another, remembering what a file may hold only once."""

    def __init__(self, columns, *, chart, year, village_code, village_codes, purpose):
        self.columns = columns
        self.chart = chart
        self.year = year
        self.village_code = village_code
        self.village_codes = village_codes
        self.purpose = purpose
        self.result = ParsedFile()
        self.seen = defaultdict(dict)  # village → key → row
        self.dates = {}  # the same Perdes date repeats on every row

    def check(self, number, cells):
        """The errors of one row; a row without any is added to the result."""
        self.number, self.cells, self.errors = number, cells, []
        code = self._village()
        self._year()
        account, activity, source = self._codes()
        description, location, executor = self._texts()
        amount, realised = self._amounts()
        self._perdes(code)
        if not self.errors:
            self._add(
                ParsedRow(
                    number, code, account, activity, source, description, location, amount, realised, executor
                )
            )
        return self.errors

    def _cell(self, name):
        index = self.columns.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def _problem(self, column, message):
        self.errors.append(RowError(self.number, column, message))

    def _village(self):
        code = normalise_village_code(self._cell("kode_desa"))
        if self.village_code is not None:
            if code and code != self.village_code:
                self._problem(
                    "kode_desa",
                    _("This file is for village %(expected)s, but the row names %(given)s.")
                    % {"expected": self.village_code, "given": code},
                )
            return self.village_code
        if not code:
            self._problem("kode_desa", _("The village code is missing."))
        elif not wilayah.VILLAGE_RE.match(code):
            message = _("“%(code)s” is not a village code such as 35.22.18.2007.")
            self._problem("kode_desa", message % {"code": code})
        elif self.village_codes is not None and code not in self.village_codes:
            message = _("There is no village with code %(code)s in this regency.")
            self._problem("kode_desa", message % {"code": code})
        return code

    def _year(self):
        year_cell = text(self._cell("tahun"))
        if year_cell and year_cell != str(self.year):
            message = _("The row is for %(given)s, but year %(year)s is being imported.")
            self._problem("tahun", message % {"given": year_cell, "year": self.year})

    def _codes(self):
        """(account, kegiatan, source of funds), each checked against the chart and the line rules."""
        account = normalise_account_code(self._cell("kode_rekening"))
        activity = normalise_activity_code(self._cell("kode_kegiatan"))
        source_raw = text(self._cell("sumber_dana")).upper()
        account_info = self.chart.accounts.get(account)
        if not account:
            self._problem("kode_rekening", _("The account code is missing."))
        elif account_info is None:
            self._problem("kode_rekening", _("Unknown account code %(code)s.") % {"code": account})
        activity_level = None
        if activity:
            activity_level = self.chart.activities.get(activity)
            if activity_level is None:
                self._problem("kode_kegiatan", _("Unknown kegiatan code %(code)s.") % {"code": activity})
        source = ""
        if source_raw:
            source = self.chart.sources.get(source_raw, "")
            if not source:
                self._problem("sumber_dana", _("Unknown source of funds %(code)s.") % {"code": source_raw})
        known = account_info is not None and (not activity or activity_level is not None)
        if known and (source or not source_raw):
            source = self._line_rules(account, account_info, activity, activity_level, source)
        return account, activity, source

    def _line_rules(self, account, account_info, activity, activity_level, source):
        """The rules of `ogp.models.line_problems`; returns the source, defaulted from a revenue account."""
        level, account_source = account_info
        if account.startswith("4") and not source and account_source:
            source = account_source
        for field_name, message in line_problems(
            account_code=account,
            account_level=level,
            account_source=account_source,
            activity_code=activity,
            activity_level=activity_level,
            source_code=source,
        ):
            self._problem(FIELD_COLUMNS[field_name], message)
        return source

    def _texts(self):
        description = text(self._cell("uraian"))
        if not description:
            self._problem("uraian", _("The description is missing."))
        elif len(description) > 255:
            self._problem("uraian", _("The description is longer than 255 characters."))
        location = text(self._cell("lokasi"))
        if len(location) > 200:
            self._problem("lokasi", _("The location is longer than 200 characters."))
        executor = text(self._cell("pelaksana"))
        if len(executor) > 200:
            self._problem(
                "pelaksana", _("The name of who carries out the activity is longer than 200 characters.")
            )
        return description, location, executor

    def _amounts(self):
        amount, message = parse_rupiah(self._cell("anggaran"))
        if message:
            self._problem("anggaran", message)
        elif amount is None and self.purpose == "budget":
            self._problem("anggaran", _("The amount is missing (write 0 for none)."))
        realised = None
        if self.purpose == "realisation":
            realised, message = parse_rupiah(self._cell("realisasi"))
            if message:
                self._problem("realisasi", message)
            elif realised is None:
                self._problem("realisasi", _("The realised amount is missing (write 0 for none)."))
        return amount, realised

    def _perdes(self, code):
        """The Perdes, once per village: every row of a village names the same one (or none)."""
        perdes_number = text(self._cell("nomor_perdes"))
        raw_date = self._cell("tanggal_perdes")
        try:
            perdes_date, message = self.dates[raw_date]
        except (KeyError, TypeError):
            perdes_date, message = parse_date(raw_date)
            if isinstance(raw_date, str):
                self.dates[raw_date] = (perdes_date, message)
        if message:
            self._problem("tanggal_perdes", message)
        if (perdes_number or perdes_date) and code and self.purpose == "budget":
            known = self.result.perdes.setdefault(code, (perdes_number, perdes_date, self.number))
            if (known[0], known[1]) != (perdes_number, perdes_date):
                message = _(
                    "The Perdes differs from the one on row %(row)s; a file holds one version per village."
                )
                self._problem("nomor_perdes", message % {"row": known[2]})

    def _add(self, parsed):
        earlier = self.seen[parsed.village_code].get(parsed.key)
        if earlier is not None:
            message = _("Duplicate of row %(row)s: same account, kegiatan, source, description and location.")
            self._problem("uraian", message % {"row": earlier})
        else:
            self.seen[parsed.village_code][parsed.key] = self.number
            self.result.by_village.setdefault(parsed.village_code, []).append(parsed)
