"""The conventions every data file follows, and the check that a table keeps them.

* CSV is UTF-8 with a byte-order mark (so Excel reads it as UTF-8) and is sent
  as ``Content-Disposition: attachment`` with a meaningful file name;
* each CSV has an XLSX copy with typed cells (`portal.opendata.spreadsheets`);
* every column is described by the dataset's Table Schema, and
  `table_errors` checks a file against it (the tests run it on every download).

Every dataset names its columns in Indonesian ``snake_case`` (each described
in English in its Table Schema), writes booleans ``true``/``false``
(`boolean`), times in ISO 8601 with the portal's offset, +07:00 (`iso_time`),
and amounts as integer Rupiah.

A renamed column stays readable under its old name for one release:
``RENAMED`` lists ``(dataset key, old name, new name, sunset date)`` (from
`portal.opendata.renamed`); `with_old_names` adds the old keys to a JSON row,
`csv_header` gives the old header for ``?kolom=lama``, and the URLconf's
``open_data(dataset=key)`` adds the ``Deprecation``, ``Sunset`` and ``Link``
headers until the sunset. CHANGELOG.md records every such change.
"""

import datetime
import re

from django.utils import timezone
from django.utils.http import http_date

from . import renamed

BOM = "\ufeff"
INTEGER = re.compile(r"^-?[0-9]+$")
RENAMED: list[tuple[str, str, str, datetime.date]] = [
    (key, old, new, renamed.SUNSET) for key, names in renamed.RENAMES.items() for old, new in names.items()
]
OLD_HEADER = ("kolom", "lama")


def boolean(value):
    """A boolean cell as every CSV writes it: ``true`` or ``false``."""
    return "true" if value else "false"


def iso_time(value):
    """A moment in ISO 8601 with the portal's offset (``2017-09-19T16:00:00+07:00``); "" for none."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


def csv_header(columns, key, request=None):
    """The CSV header: the new names, or with ``?kolom=lama`` the old ones during their release of grace."""
    name, value = OLD_HEADER
    if request is None or request.GET.get(name) != value:
        return list(columns)
    old = {new: old for old, new in renames(key).items()}
    return [old.get(column, column) for column in columns]


def apply(response):
    """Give a CSV answer its byte-order mark and an attachment disposition."""
    if not response.get("Content-Type", "").startswith("text/csv"):
        return response
    disposition = response.get("Content-Disposition", "")
    if not disposition.startswith("attachment"):
        name = disposition.partition("filename=")[2] or '"data.csv"'
        response.headers["Content-Disposition"] = f"attachment; filename={name}"
    if response.streaming:
        response.streaming_content = _with_bom(response.streaming_content)
    elif not response.content.startswith(BOM.encode()):
        response.content = BOM.encode() + response.content
    return response


def _with_bom(chunks):
    first = True
    for chunk in chunks:
        if first:
            first = False
            text = chunk.decode() if isinstance(chunk, bytes) else chunk
            if not text.startswith(BOM):
                chunk = BOM.encode() + (chunk if isinstance(chunk, bytes) else chunk.encode())
        yield chunk


def renames(key, *, today=None):
    """The renames of dataset ``key`` still in their release of grace: ``{old: new}``."""
    today = today or datetime.date.today()
    return {old: new for dataset, old, new, sunset in RENAMED if dataset == key and sunset >= today}


def live_renames(*, today=None):
    """Every rename still in its release of grace, as ``(dataset, old, new, sunset)``."""
    today = today or datetime.date.today()
    return [rename for rename in RENAMED if rename[3] >= today]


def with_old_names(row, key):
    """A JSON row that also carries each renamed column under its old name, for one release."""
    return {**row, **{old: row[new] for old, new in renames(key).items() if new in row}}


def deprecate(response, key):
    """Add ``Deprecation``, ``Sunset`` and a ``Link`` to the changelog while dataset ``key`` has old names."""
    live = [
        sunset
        for dataset, _old, _new, sunset in RENAMED
        if dataset == key and sunset >= datetime.date.today()
    ]
    if live:
        response.headers["Deprecation"] = "true"
        moment = datetime.datetime.combine(min(live), datetime.time(), tzinfo=datetime.UTC)
        response.headers["Sunset"] = http_date(moment.timestamp())
        response.headers["Link"] = '</data/#perubahan>; rel="deprecation"'
    return response


def _valid(field, value):
    kind = field["type"]
    if kind == "integer":
        return bool(INTEGER.match(value))
    if kind == "number":
        try:
            float(value)
        except ValueError:
            return False
        return True
    if kind == "boolean":
        return value in field.get("trueValues", ["true"]) + field.get("falseValues", ["false"])
    if kind in ("date", "datetime"):
        parse = datetime.date.fromisoformat if kind == "date" else datetime.datetime.fromisoformat
        try:
            parse(value)
        except ValueError:
            return False
        return True
    if field.get("format") == "uri":
        return value.startswith(("http://", "https://", "/"))
    return True


def _field_errors(field, value, line):
    constraints = field.get("constraints", {})
    if value == "":
        return [f"line {line}: {field['name']} is required"] if constraints.get("required") else []
    errors = []
    if not _valid(field, value):
        errors.append(f"line {line}: {field['name']} = {value!r} is not a {field['type']}")
    if "enum" in constraints and value not in constraints["enum"]:
        errors.append(f"line {line}: {field['name']} = {value!r} is not one of {constraints['enum']}")
    return errors


def table_errors(schema, header, rows):
    """Every way a table (header and rows of strings) breaks its Table Schema; empty when it keeps it."""
    names = [field["name"] for field in schema["fields"]]
    if list(header) != names:
        return [f"header {list(header)} is not {names}"]
    errors = []
    for line, row in enumerate(rows, start=2):
        if len(row) != len(names):
            errors.append(f"line {line}: {len(row)} cells, expected {len(names)}")
            continue
        for field, value in zip(schema["fields"], row, strict=True):
            errors.extend(_field_errors(field, value, line))
    return errors
