"""Answers of a dataset's download addresses, written by the common convention.

A dataset gives its column names and its rows as dicts of Python values;
``csv_response`` writes them with ``true``/``false`` for booleans, ISO 8601
for dates and times (with +07:00), lists joined with ``; `` and text made
safe for spreadsheets, and ``json_response`` the same rows with their own
JSON types. Both are attachments named after the dataset::

    return tables.csv_response("ppid-dip", COLUMNS, rows)
"""

import datetime
import json

from django.http import HttpResponse

from portal import csv_export

from . import conventions


def cell(value):
    """A Python value as a CSV cell of the convention."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return conventions.boolean(value)
    if isinstance(value, datetime.datetime):
        return conventions.iso_time(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(cell(item)) for item in value)
    return value


def json_value(value):
    if isinstance(value, datetime.datetime):
        return conventions.iso_time(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def csv_response(filename, columns, rows):
    """``<filename>.csv``: the header and one line per row, in ``columns`` order."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write(conventions.BOM)
    writer = csv_export.writer(response)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row[name]) for name in columns])
    return response


def json_response(filename, payload):
    """``<filename>.json``: the payload, dates and times in ISO 8601 with +07:00."""
    body = json.dumps(payload, ensure_ascii=False, indent=1, default=json_value)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response
