"""The conventions every data file follows, and the check that a table keeps them.

* CSV is UTF-8 with a byte-order mark (so Excel reads it as UTF-8) and is sent
  as ``Content-Disposition: attachment`` with a meaningful file name;
* each CSV has an XLSX copy with typed cells (`portal.opendata.spreadsheets`);
* every column is described by the dataset's Table Schema, and
  `table_errors` checks a file against it (the tests run it on every download).

A renamed column stays readable under its old name for one release:
``RENAMED`` lists ``(dataset key, old name, new name, sunset date)``, and
`deprecate` adds the ``Deprecation``/``Sunset`` headers to an answer that
still carries an old name. CHANGELOG.md records every such change.
"""

import datetime
import re

from django.utils.http import http_date

BOM = "\ufeff"
INTEGER = re.compile(r"^-?[0-9]+$")
RENAMED: list[tuple[str, str, str, datetime.date]] = []


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


def deprecate(response, key, *, present):
    """Mark an answer that still carries old column names of dataset ``key``."""
    sunsets = [sunset for dataset, old, _new, sunset in RENAMED if dataset == key and old in present]
    if sunsets:
        response.headers["Deprecation"] = "true"
        sunset = min(sunsets)
        response.headers["Sunset"] = http_date(
            datetime.datetime.combine(sunset, datetime.time(), tzinfo=datetime.UTC).timestamp()
        )
        response.headers["Link"] = '</data/>; rel="deprecation"; type="text/html"'
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
