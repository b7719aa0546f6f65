"""Typed XLSX copies of the CSV files (`/data/<name>.xlsx`).

The workbook is written from the dataset's own CSV answer, cell by cell in
the types its Table Schema gives: numbers as numbers, booleans as booleans,
dates and times as Excel dates (in the portal's time zone, since Excel has
none), so that a spreadsheet with Indonesian regional settings shows
``1.250.000`` and ``19/09/2017`` without guessing from text.
"""

import copy
import csv
import datetime
import io

from django.urls import resolve
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .conventions import BOM

FORMATS = {"integer": "#,##0", "number": "#,##0.00", "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss"}


def typed(field, value):
    """A CSV cell as the Python value its field's type says; text stays text."""
    if value == "":
        return None
    kind = field["type"]
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
        if kind == "boolean":
            return value in field.get("trueValues", ["true"])
        if kind == "date":
            return datetime.date.fromisoformat(value)
        if kind == "datetime":
            moment = datetime.datetime.fromisoformat(value)
            if timezone.is_aware(moment):
                moment = timezone.make_naive(moment, timezone.get_default_timezone())
            return moment
    except ValueError:
        return value
    return value


def csv_text(request, url):
    """The body of the portal's own CSV answer at ``url``, as text without its byte-order mark."""
    match = resolve(url)
    inner = copy.copy(request)
    inner.META = {k: v for k, v in request.META.items() if not k.startswith("HTTP_IF_")}
    inner.method = "GET"
    response = match.func(inner, *match.args, **match.kwargs)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8").removeprefix(BOM)


def workbook(fields, text, title):
    """XLSX bytes of a CSV text typed by ``fields``; the header row in bold and frozen."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    bold = Font(bold=True)
    sheet.append([_cell(sheet, name, font=bold) for name in header])
    by_name = {field["name"]: field for field in fields}
    columns = [by_name.get(name, {"name": name, "type": "string"}) for name in header]
    for row in reader:
        sheet.append([_typed_cell(sheet, field, value) for field, value in zip(columns, row, strict=False)])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _cell(sheet, value, *, font=None, number_format=None):
    cell = WriteOnlyCell(sheet, value=value)
    if font is not None:
        cell.font = font
    if number_format is not None:
        cell.number_format = number_format
    return cell


def _typed_cell(sheet, field, value):
    converted = typed(field, value)
    if isinstance(converted, str) and converted[:1] in ("=", "+", "-", "@"):
        return _cell(sheet, "'" + converted)  # never a formula
    number_format = FORMATS.get(field["type"]) if converted is not None else None
    return _cell(sheet, converted, number_format=number_format)
