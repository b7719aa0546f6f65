"""Reading APBDes files in the documented template and checking every row.

A file is CSV (UTF-8, comma or semicolon separated) or XLSX (the first sheet,
or the sheet named ``APBDes``) whose first row names the columns of
`COLUMNS`. `parse()` reads the whole file and collects every problem with its
row number (as a spreadsheet shows it: the header is row 1) and column; it
never touches the database beyond the reference data it is given, and it saves
nothing. `ogp.services.import_budget` and `import_realisation` then check what
needs the database (scope, published years, matching lines) and save all or
nothing.
"""

import csv
import datetime
import hashlib
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal import wilayah

from .models import Account, Activity, FundSource, line_problems

MAX_ERRORS = 300
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    example: str = ""


COLUMNS = [
    Column(
        "kode_desa",
        _(
            "Kemendagri code of the village, e.g. 35.22.18.2007. Required when the file holds several villages."
        ),
        "35.22.18.2007",
    ),
    Column(
        "tahun", _("Fiscal year, e.g. 2024. Optional; when given it must be the year being imported."), "2024"
    ),
    Column(
        "kode_rekening",
        _("Account code at obyek level, e.g. 5.2.1.02 (as in Siskeudes). Required."),
        "5.2.1.02",
    ),
    Column(
        "kode_kegiatan",
        _("Kegiatan code, e.g. 01.01.04. Required for spending (5.x), empty for revenue and financing."),
        "01.01.04",
    ),
    Column("uraian", _("Description of the line. Required."), "Belanja alat listrik kantor desa"),
    Column("lokasi", _("Location of the activity (dusun, RT/RW). Optional."), "Dusun Krajan"),
    Column(
        "sumber_dana",
        _("Source of funds code (DDS, ADD, PBH, PAD, PBK/BKK, PBP/BKP, DLL, SILPA). Required for spending."),
        "DDS",
    ),
    Column(
        "anggaran", _("Budget in whole Rupiah, e.g. 1250000 or 1.250.000. Required for a budget."), "1250000"
    ),
    Column("realisasi", _("Realised amount in whole Rupiah. Required for a realisation report."), ""),
    Column(
        "nomor_perdes",
        _("Number of the Perdes setting this budget, e.g. 3 Tahun 2024. Optional."),
        "3 Tahun 2024",
    ),
    Column(
        "tanggal_perdes", _("Date of that Perdes, e.g. 2024-01-15 or 15/01/2024. Optional."), "2024-01-15"
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]

# Header spellings seen in exports, mapped to the template's names.
HEADER_ALIASES = {
    "kd_desa": "kode_desa",
    "kode_rek": "kode_rekening",
    "kd_rek": "kode_rekening",
    "rekening": "kode_rekening",
    "kd_keg": "kode_kegiatan",
    "kegiatan": "kode_kegiatan",
    "sumber": "sumber_dana",
    "sumberdana": "sumber_dana",
    "nilai": "anggaran",
    "jumlah": "anggaran",
    "pagu": "anggaran",
}


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row (1 is the header), the column and a message."""

    row: int
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportFileError(Exception):
    """The file was refused; nothing was saved. `errors` lists every problem found."""

    def __init__(self, errors, *, truncated=False):
        self.errors = sorted(errors, key=lambda e: (e.row, COLUMN_ORDER.get(e.column, 99)))
        self.truncated = truncated
        super().__init__(f"{len(self.errors)} problem(s) in the file")


COLUMN_ORDER = {name: index for index, name in enumerate(COLUMN_NAMES)}


@dataclass
class ParsedRow:
    row: int
    village_code: str
    account: str
    activity: str
    source: str
    description: str
    location: str
    amount: int | None
    realised: int | None

    @property
    def key(self):
        """What makes a line unique within a version."""
        return (self.account, self.activity, self.source, self.description, self.location)


@dataclass
class ParsedFile:
    by_village: dict = field(default_factory=dict)
    perdes: dict = field(default_factory=dict)  # village code → (number, date)
    errors: list = field(default_factory=list)

    @property
    def row_count(self):
        return sum(len(rows) for rows in self.by_village.values())


class Chart:
    """The reference data in memory (three queries), shared by all rows of an import."""

    def __init__(self, accounts, activities, sources):
        self.accounts = accounts  # code → (level, fund source code)
        self.activities = activities  # code → level
        self.sources = sources  # any accepted code, upper-case → code

    @classmethod
    def load(cls):
        accounts = {
            code: (level, source)
            for code, level, source in Account.objects.values_list("code", "level", "fund_source_id")
        }
        activities = dict(Activity.objects.values_list("code", "level"))
        sources = {}
        for source in FundSource.objects.all():
            for code in source.all_codes():
                sources[code] = source.code
        return cls(accounts, activities, sources)


# --- Cell values --------------------------------------------------------------

_DIGITS = re.compile(r"^\d+$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")
_ID_DECIMAL = re.compile(r"^(\d+|\d{1,3}(?:\.\d{3})+),(\d+)$")
_EN_DECIMAL = re.compile(r"^(\d+|\d{1,3}(?:,\d{3})+)\.(\d{1,2})$")


def text(value):
    """A cell as trimmed text with single spaces ("" for empty).

    The apostrophe the portal's downloads put before a leading =, +, - or @
    (so spreadsheets do not run it as a formula) is removed again.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    cleaned = " ".join(str(value).split())
    if cleaned[:1] == "'" and cleaned[1:2] in ("=", "+", "-", "@"):
        cleaned = cleaned[1:]
    return cleaned


def parse_rupiah(value):
    """(amount, error) for a cell holding whole Rupiah; amount is None when the cell is empty.

    Dots are thousands separators (1.250.000), as written in Indonesia; a
    decimal part is accepted only when it is zero (1.250.000,00).
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, _("“%(value)s” is not an amount in Rupiah.") % {"value": value}
    if isinstance(value, int):
        return (value, None) if value >= 0 else (None, _("The amount cannot be negative."))
    if isinstance(value, float):
        if value < 0:
            return None, _("The amount cannot be negative.")
        if not value.is_integer():
            return None, _("Use whole Rupiah without cents (%(value)s).") % {"value": value}
        return int(value), None
    raw = text(value)
    if not raw:
        return None, None
    cleaned = raw.replace(" ", "").replace("\u00a0", "")
    if cleaned[:2].lower() == "rp":
        cleaned = cleaned[2:]
    if cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")")):
        return None, _("The amount cannot be negative.")
    if _DIGITS.match(cleaned):
        return int(cleaned), None
    if _DOT_THOUSANDS.match(cleaned):
        return int(cleaned.replace(".", "")), None
    if _COMMA_THOUSANDS.match(cleaned):
        return int(cleaned.replace(",", "")), None
    for pattern, separator in ((_ID_DECIMAL, "."), (_EN_DECIMAL, ",")):
        match = pattern.match(cleaned)
        if match:
            if set(match.group(2)) != {"0"}:
                return None, _("Use whole Rupiah without cents (%(value)s).") % {"value": raw}
            return int(match.group(1).replace(separator, "")), None
    return None, _("“%(value)s” is not an amount in Rupiah.") % {"value": raw[:40]}


def parse_date(value):
    """(date, error) for a cell holding a date; date is None when the cell is empty."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date(), None
        except ValueError:
            continue
    return None, _("“%(value)s” is not a date; write 2024-01-15 or 15/01/2024.") % {"value": raw[:40]}


def normalise_village_code(value):
    raw = text(value).rstrip(".")
    if re.fullmatch(r"\d{10}", raw):
        raw = f"{raw[:2]}.{raw[2:4]}.{raw[4:6]}.{raw[6:]}"
    return raw


def normalise_account_code(value):
    """ "5.2.1.2" and "5.2.1.02." both become "5.2.1.02"."""
    raw = text(value).rstrip(".")
    parts = raw.split(".")
    if len(parts) == 4 and parts[3].isdigit() and len(parts[3]) == 1:
        parts[3] = "0" + parts[3]
    return ".".join(parts)


def normalise_activity_code(value):
    """ "1.1.4" and "01.01.04." both become "01.01.04"."""
    raw = text(value).rstrip(".")
    if not raw:
        return ""
    parts = raw.split(".")
    if all(part.isdigit() and 1 <= len(part) <= 2 for part in parts):
        parts = [part.zfill(2) for part in parts]
    return ".".join(parts)


# --- Reading files -----------------------------------------------------------


def _header_name(value):
    name = text(value).lower().replace(" ", "_").replace("-", "_")
    return HEADER_ALIASES.get(name, name)


def read_table(upload):
    """(header, rows) of an uploaded CSV or XLSX; rows yield (row number, cells)."""
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if head == b"PK\x03\x04":
        return _read_xlsx(upload)
    return _read_csv(upload)


def _read_xlsx(upload):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(
            [RowError(1, "-", _("The spreadsheet cannot be read (%(error)s).") % {"error": error})]
        ) from None
    sheet = workbook["APBDes"] if "APBDes" in workbook.sheetnames else workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()

    def generate():
        for number, cells in enumerate(rows, start=2):
            yield number, list(cells)
        workbook.close()

    return [_header_name(cell) for cell in header], generate()


def _read_csv(upload):
    raw = upload.read()
    if isinstance(raw, str):
        content = raw
    else:
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Spreadsheet programs on Windows save CSV in the local code page.
            content = raw.decode("cp1252", errors="replace")
    first_line = content.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = next(reader, [])

    def generate():
        yield from enumerate(reader, start=2)

    return [_header_name(cell) for cell in header], generate()


# --- Checking rows -----------------------------------------------------------

FIELD_COLUMNS = {"account": "kode_rekening", "activity": "kode_kegiatan", "fund_source": "sumber_dana"}


def parse(upload, *, chart, year, village_code=None, village_codes=None, purpose="budget"):
    """Read and check a whole file; raise ImportFileError listing every problem.

    `village_code` is the village the file is for; without it every row needs
    a ``kode_desa`` among `village_codes` (the deployment's villages).
    `purpose` is "budget" (``anggaran`` required) or "realisation"
    (``realisasi`` required, ``anggaran`` optional and checked later).
    """
    header, rows = read_table(upload)
    errors = []
    columns = {}
    for index, name in enumerate(header):
        if not name:
            continue
        if name in columns:
            errors.append(RowError(1, name, _("The column appears twice.")))
        columns[name] = index
    required = ["kode_rekening", "uraian", "anggaran" if purpose == "budget" else "realisasi"]
    if village_code is None:
        required.insert(0, "kode_desa")
    for name in required:
        if name not in columns:
            errors.append(RowError(1, name, _("The column is missing. Use the template's header row.")))
    if errors:
        raise ImportFileError(errors)

    def cell(cells, name):
        index = columns.get(name)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    result = ParsedFile()
    seen = defaultdict(dict)  # village → key → row
    dates = {}  # the same Perdes date repeats on every row
    truncated = False
    for number, cells in rows:
        if number > MAX_ROWS + 1:
            errors.append(RowError(number, "-", _("The file has too many rows; split it.")))
            break
        if all(text(value) == "" for value in cells):
            continue
        row_errors = []

        def problem(column, message, _errors=row_errors, _number=number):
            _errors.append(RowError(_number, column, message))

        # Village and year.
        code = normalise_village_code(cell(cells, "kode_desa"))
        if village_code is not None:
            if code and code != village_code:
                problem(
                    "kode_desa",
                    _("This file is for village %(expected)s, but the row names %(given)s.")
                    % {"expected": village_code, "given": code},
                )
            code = village_code
        elif not code:
            problem("kode_desa", _("The village code is missing."))
        elif not wilayah.VILLAGE_RE.match(code):
            problem(
                "kode_desa", _("“%(code)s” is not a village code such as 35.22.18.2007.") % {"code": code}
            )
        elif village_codes is not None and code not in village_codes:
            problem(
                "kode_desa", _("There is no village with code %(code)s in this regency.") % {"code": code}
            )
        year_cell = text(cell(cells, "tahun"))
        if year_cell and year_cell != str(year):
            problem(
                "tahun",
                _("The row is for %(given)s, but year %(year)s is being imported.")
                % {"given": year_cell, "year": year},
            )

        # Codes.
        account = normalise_account_code(cell(cells, "kode_rekening"))
        activity = normalise_activity_code(cell(cells, "kode_kegiatan"))
        source_raw = text(cell(cells, "sumber_dana")).upper()
        account_info = chart.accounts.get(account)
        if not account:
            problem("kode_rekening", _("The account code is missing."))
        elif account_info is None:
            problem("kode_rekening", _("Unknown account code %(code)s.") % {"code": account})
        activity_level = None
        if activity:
            activity_level = chart.activities.get(activity)
            if activity_level is None:
                problem("kode_kegiatan", _("Unknown kegiatan code %(code)s.") % {"code": activity})
        source = ""
        if source_raw:
            source = chart.sources.get(source_raw, "")
            if not source:
                problem("sumber_dana", _("Unknown source of funds %(code)s.") % {"code": source_raw})
        if (
            account_info is not None
            and (not activity or activity_level is not None)
            and (source or not source_raw)
        ):
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
                problem(FIELD_COLUMNS[field_name], message)

        # Text.
        description = text(cell(cells, "uraian"))
        if not description:
            problem("uraian", _("The description is missing."))
        elif len(description) > 255:
            problem("uraian", _("The description is longer than 255 characters."))
        location = text(cell(cells, "lokasi"))
        if len(location) > 200:
            problem("lokasi", _("The location is longer than 200 characters."))

        # Amounts.
        amount, message = parse_rupiah(cell(cells, "anggaran"))
        if message:
            problem("anggaran", message)
        elif amount is None and purpose == "budget":
            problem("anggaran", _("The amount is missing (write 0 for none)."))
        realised = None
        if purpose == "realisation":
            realised, message = parse_rupiah(cell(cells, "realisasi"))
            if message:
                problem("realisasi", message)
            elif realised is None:
                problem("realisasi", _("The realised amount is missing (write 0 for none)."))

        # The Perdes, once per village.
        perdes_number = text(cell(cells, "nomor_perdes"))
        raw_date = cell(cells, "tanggal_perdes")
        try:
            perdes_date, message = dates[raw_date]
        except (KeyError, TypeError):
            perdes_date, message = parse_date(raw_date)
            if isinstance(raw_date, str):
                dates[raw_date] = (perdes_date, message)
        if message:
            problem("tanggal_perdes", message)
        if (perdes_number or perdes_date) and code and purpose == "budget":
            known = result.perdes.setdefault(code, (perdes_number, perdes_date, number))
            if (known[0], known[1]) != (perdes_number, perdes_date):
                problem(
                    "nomor_perdes",
                    _("The Perdes differs from the one on row %(row)s; a file holds one version per village.")
                    % {"row": known[2]},
                )

        if not row_errors:
            parsed = ParsedRow(
                number, code, account, activity, source, description, location, amount, realised
            )
            earlier = seen[code].get(parsed.key)
            if earlier is not None:
                problem(
                    "uraian",
                    _("Duplicate of row %(row)s: same account, kegiatan, source, description and location.")
                    % {"row": earlier},
                )
            else:
                seen[code][parsed.key] = number
                result.by_village.setdefault(code, []).append(parsed)
        errors.extend(row_errors)
        if len(errors) >= MAX_ERRORS:
            truncated = True
            break
    if not errors and not result.by_village:
        errors.append(RowError(2, "-", _("The file has no lines.")))
    if errors:
        raise ImportFileError(errors, truncated=truncated)
    result.perdes = {code: (value[0], value[1]) for code, value in result.perdes.items()}
    return result


def fingerprint(items):
    """A stable hash of a set of lines, to recognise the same content imported twice."""
    digest = hashlib.sha256()
    for item in sorted(items):
        digest.update("\x1f".join(str(part) for part in item).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def budget_fingerprint(rows):
    return fingerprint((*row.key, row.amount) for row in rows)


# --- The template ------------------------------------------------------------

TEMPLATE_EXAMPLES = [
    [
        "35.22.18.2007",
        "2024",
        "4.2.1.01",
        "",
        "Dana Desa",
        "",
        "DDS",
        "950000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
    ],
    [
        "35.22.18.2007",
        "2024",
        "4.2.3.01",
        "",
        "Alokasi Dana Desa",
        "",
        "ADD",
        "520000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
    ],
    [
        "35.22.18.2007",
        "2024",
        "5.2.1.02",
        "01.01.04",
        "Belanja alat listrik kantor desa",
        "Kantor Desa",
        "ADD",
        "4500000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
    ],
    [
        "35.22.18.2007",
        "2024",
        "5.3.5.01",
        "02.03.07",
        "Pengerasan jalan desa 300 m",
        "Dusun Krajan RT 02",
        "DDS",
        "185000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
    ],
    [
        "35.22.18.2007",
        "2024",
        "6.1.1.01",
        "",
        "SiLPA tahun 2023",
        "",
        "",
        "35000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
    ],
]


def template_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerows(TEMPLATE_EXAMPLES)
    return "\ufeff" + buffer.getvalue()


def template_xlsx():
    """The template as a workbook: the APBDes sheet, the column guide and the code lists."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "APBDes"
    sheet.append(COLUMN_NAMES)
    for example in TEMPLATE_EXAMPLES:
        sheet.append([int(v) if v.isdigit() and len(v) > 4 else v for v in example])
    guide = workbook.create_sheet("Petunjuk")
    guide.append([str(_("Column")), str(_("What to write"))])
    for column in COLUMNS:
        guide.append([column.name, str(column.help)])
    accounts = workbook.create_sheet("Kode Rekening")
    accounts.append(["kode_rekening", "nama", "sumber_dana"])
    for code, name, source in Account.objects.filter(level=Account.Level.OBYEK).values_list(
        "code", "name", "fund_source_id"
    ):
        accounts.append([code, name, source or ""])
    activities = workbook.create_sheet("Kode Kegiatan")
    activities.append(["kode_kegiatan", "nama"])
    for code, name in Activity.objects.filter(level=Activity.Level.KEGIATAN).values_list("code", "name"):
        activities.append([code, name])
    sources = workbook.create_sheet("Sumber Dana")
    sources.append(["sumber_dana", "kode_lain", "nama"])
    for source in FundSource.objects.all():
        sources.append([source.code, source.alternative_codes, source.name])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
