"""Reading an uploaded CSV (UTF-8 or the Windows code page, any separator) or XLSX into rows."""

import csv
import io
import zipfile

from django.utils.translation import gettext_lazy as _

from .cells import text
from .columns import HEADER_ALIASES, ImportFileError, RowError


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
