"""One convention across every dataset: each download of the catalogue is walked and checked.

Indonesian ``snake_case`` column names (each described in the Table Schema),
booleans ``true``/``false``, times in ISO 8601 with +07:00, amounts as
integers, CSV in UTF-8 with a byte-order mark, and every file sent as an
attachment with a meaningful name.
"""

import csv
import io
import json
import re

import pytest

from portal import datasets
from portal.opendata import catalogue, conventions

pytestmark = pytest.mark.django_db

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")
# English words the older files used; none may name a column any more.
ENGLISH = {old for _key, old, _new, _sunset in conventions.RENAMED} | {"year", "title", "date", "is_sample"}


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _downloads(client):
    found = [(entry, d) for entry in catalogue.entries() for d in entry.downloads]
    assert {entry.dataset.key for entry, _d in found} == {d.key for d in datasets.datasets()}
    return found


def test_every_column_is_indonesian_snake_case_and_described(published):
    for dataset in datasets.datasets():
        assert dataset.fields, dataset.key
        for field in dataset.fields:
            assert SNAKE.match(field["name"]), (dataset.key, field["name"])
            assert field["name"] not in ENGLISH, (dataset.key, field["name"])
            assert str(field["description"]), (dataset.key, field["name"])
            if field["type"] == "boolean":
                assert (field["trueValues"], field["falseValues"]) == (["true"], ["false"]), field["name"]


def test_every_download_is_an_attachment_with_a_meaningful_name(client, published):
    for _entry, download in _downloads(client):
        response = client.get(download.url)
        assert response.status_code == 200, download.url
        disposition = response["Content-Disposition"]
        name = disposition.partition('filename="')[2].rstrip('"')
        assert disposition.startswith("attachment; "), download.url
        assert name.endswith(f".{download.format}") and name.split(".")[0] not in ("data", "download"), name


def _csv_cells(schema_fields, body):
    assert body.startswith(conventions.BOM.encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == [f["name"] for f in schema_fields]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_every_csv_writes_booleans_times_and_amounts_the_same_way(client, published):
    checked = set()
    for entry, download in _downloads(client):
        if download.format != "csv":
            continue
        fields = entry.dataset.fields
        for row in _csv_cells(fields, _body(client.get(download.url))):
            for field in fields:
                value = row[field["name"]]
                if value == "":
                    continue
                if field["type"] == "boolean":
                    assert value in ("true", "false"), (entry.name, field["name"], value)
                if field["type"] == "datetime":
                    assert value.endswith("+07:00"), (entry.name, field["name"], value)
                if field["type"] == "integer":
                    assert re.fullmatch(r"-?\d+", value), (entry.name, field["name"], value)
        checked.add(entry.dataset.key)
    assert checked == {d.key for d in datasets.datasets()}


def _walk(value, path=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _walk(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner, path)
    else:
        yield path, value


def test_every_json_writes_times_with_the_portal_offset_and_booleans_as_json(client, published):
    for entry, download in _downloads(client):
        if download.format != "json":
            continue
        document = json.loads(_body(client.get(download.url)))
        booleans = {f["name"] for f in entry.dataset.fields if f["type"] == "boolean"}
        for path, value in _walk(document):
            if isinstance(value, str) and MOMENT.match(value):
                assert value.endswith("+07:00"), (entry.name, path, value)
            if path.rpartition(".")[2] in booleans:
                assert isinstance(value, bool), (entry.name, path, value)
