"""Opening a Siskeudes export: a zip of CSV tables, read with limits and checked header by header.

The zip must hold the tables at its root (`Ta_RAB.csv`, …). Each file is
decoded as UTF-8 (with or without a byte-order mark) or, failing that, as
Windows-1252, the code page Siskeudes' Access database exports in; the
separator (``;`` or ``,``) is taken from the header line, and quoted fields
may hold separators and newlines. Nothing here raises on bad input: every
problem becomes a `Problem` naming the file, the column and the row.
"""

import csv
import datetime
import functools
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from ..imports.cells import normalise_account_code, normalise_activity_code
from .tables import REALISATION_PAIRS, TABLES

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024  # one table, uncompressed
MAX_TOTAL_BYTES = 600 * 1024 * 1024
MAX_MEMBERS = 500
MAX_RATIO = 200  # uncompressed / compressed, beyond which a member is a zip bomb
MAX_ROWS = 2_000_000
DATE_PATTERNS = (
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
)


@dataclass(frozen=True)
class Problem:
    """One problem in an export: the file, the column ("" for the whole file), the row (0: none)."""

    file: str
    column: str
    row: int
    message: str
    blocking: bool = True

    def __str__(self):
        where = self.file
        if self.row:
            where = _("%(file)s row %(row)s") % {"file": self.file, "row": self.row}
        if self.column:
            where = _("%(where)s, column %(column)s") % {"where": where, "column": self.column}
        return f"{where}: {self.message}"


@dataclass
class Export:
    """The tables of an export as lists of {column: text} rows, and what was wrong with them."""

    tables: dict = field(default_factory=dict)  # table name → [(row number, {column: text})]
    problems: list = field(default_factory=list)

    @property
    def blocking(self):
        return [problem for problem in self.problems if problem.blocking]

    def rows(self, name):
        return self.tables.get(name, [])

    def has(self, name):
        return name in self.tables


def open_export(upload):
    """Read every known table of an uploaded zip; always returns an `Export`."""
    export = Export()
    archive = _open_zip(upload, export)
    if archive is None:
        return export
    with archive:
        members = _members(archive, export)
        if members is None:
            return export
        for table in TABLES.values():
            info = members.get(table.file_name)
            if info is None:
                if table.mandatory:
                    export.problems.append(
                        Problem(table.file_name, "", 0, _("The file is missing from the zip."))
                    )
                continue
            content = _read_member(archive, info, export)
            if content is not None:
                _read_table(table, content, export)
    for header, detail in REALISATION_PAIRS:
        if export.has(header) != export.has(detail):
            missing = detail if export.has(header) else header
            message = _("The file is missing; receipts and payments need both their tables.")
            export.problems.append(Problem(f"{missing}.csv", "", 0, message))
    return export


def _open_zip(upload, export):
    upload.seek(0)
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        message = _("The upload is larger than %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        export.problems.append(Problem("zip", "", 0, message))
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        export.problems.append(Problem("zip", "", 0, _("This is not a zip file of Siskeudes tables.")))
        return None


def _members(archive, export):
    """The CSV files at the zip root by name, once the archive's sizes are checked."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        message = _("The zip holds more than %(count)s files.") % {"count": MAX_MEMBERS}
        export.problems.append(Problem("zip", "", 0, message))
        return None
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        message = _("The zip unpacks to more than %(size)s MB.") % {"size": MAX_TOTAL_BYTES // (1024 * 1024)}
        export.problems.append(Problem("zip", "", 0, message))
        return None
    return {info.filename: info for info in infos if "/" not in info.filename and not info.is_dir()}


def _read_member(archive, info, export):
    too_big = info.file_size > MAX_FILE_BYTES or (
        info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    )
    if not too_big:
        try:
            with archive.open(info) as member:
                data = member.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
            export.problems.append(Problem(info.filename, "", 0, _("The file cannot be unpacked.")))
            return None
        too_big = len(data) > MAX_FILE_BYTES
    if too_big:
        message = _("The file is too large or too highly compressed to be read safely.")
        export.problems.append(Problem(info.filename, "", 0, message))
        return None
    return decode(data)


def decode(data):
    """UTF-8 text (a byte-order mark dropped), else Windows-1252, which decodes any byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_table(table, content, export):
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = [cell.strip().lstrip("\ufeff") for cell in next(reader, [])]
    by_lower = {name.lower(): name for name in table.known}
    columns = [by_lower.get(name.lower(), name) for name in header]
    for name in columns:
        if name not in table.known:
            message = _("Unknown column; it is not read.")
            export.problems.append(Problem(table.file_name, name, 1, message, blocking=False))
    missing = sorted(table.required - set(columns))
    for name in missing:
        export.problems.append(Problem(table.file_name, name, 1, _("The column is missing.")))
    if missing:
        return
    rows = []
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(columns):
                message = _("The row has %(found)s fields; the header has %(expected)s.") % {
                    "found": len(cells),
                    "expected": len(columns),
                }
                export.problems.append(Problem(table.file_name, "", number, message))
                continue
            if len(rows) >= MAX_ROWS:
                export.problems.append(Problem(table.file_name, "", number, _("The file has too many rows.")))
                break
            rows.append((number, {name: cell.strip() for name, cell in zip(columns, cells, strict=True)}))
    except csv.Error as error:
        message = _("The CSV cannot be read (%(error)s).") % {"error": error}
        export.problems.append(Problem(table.file_name, "", reader.line_num, message))
    export.tables[table.name] = rows


def parse_amount(value):
    """Whole Rupiah from a Siskeudes amount ("1500000", "1500000.00", "1500000,5"); None when unreadable."""
    raw = (value or "").strip().replace(" ", "")
    if not raw:
        return 0
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        return int(Decimal(raw).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return None


_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}:\d{2})?$")


@functools.lru_cache(maxsize=4096)
def parse_date(value):
    """A date from the export's ``MM/DD/YYYY hh:mm:ss`` text (or ISO); None when empty or unreadable."""
    raw = re.sub(r"\s+", " ", (value or "").strip())
    quick = _US_DATE.match(raw)
    if quick:
        try:
            return datetime.date(int(quick[3]), int(quick[1]), int(quick[2]))
        except ValueError:
            return None
    for pattern in DATE_PATTERNS:
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


@functools.lru_cache(maxsize=4096)
def activity_code(kd_keg, kd_desa):
    """ "01.2001.02.03.07." of village "01.2001." → "02.03.07"."""
    code = kd_keg[len(kd_desa) :] if kd_keg.startswith(kd_desa) else kd_keg
    return normalise_activity_code(code)


@functools.lru_cache(maxsize=4096)
def account_code(kd_rincian):
    """ "5.3.4.02." → "5.3.4.02"."""
    return normalise_account_code(kd_rincian)


def one_line(value):
    """Text of a cell on one line: quoted newlines and runs of spaces become one space."""
    return re.sub(r"\s+", " ", value or "").strip()
