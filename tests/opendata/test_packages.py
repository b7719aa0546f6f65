"""Data packages: every CSV and XLSX download keeps its Table Schema and the file conventions."""

import csv
import datetime
import io

import openpyxl
import pytest

from portal.opendata import conventions

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _packages(client):
    names = client.get("/api/3/action/package_list").json()["result"]
    return [client.get(f"/data/{name}/datapackage.json").json() for name in names]


def _resources(client, fmt):
    return [(r, r["schema"]) for p in _packages(client) for r in p["resources"] if r["format"] == fmt]


def test_every_dataset_has_a_package_with_a_schema(client, published):
    packages = _packages(client)
    assert len(packages) >= 7
    for package in packages:
        tabular = [r for r in package["resources"] if r["format"] == "csv"]
        assert tabular, package["name"]
        assert all(r["schema"]["fields"] for r in tabular)
        assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_every_csv_download_keeps_its_schema(client, published):
    checked = 0
    for resource, schema in _resources(client, "csv"):
        response = client.get(resource["path"].removeprefix(BASE))
        assert response.status_code == 200, resource["path"]
        body = _body(response)
        assert body.startswith(conventions.BOM.encode()), resource["path"]
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert conventions.table_errors(schema, rows[0], rows[1:]) == [], resource["path"]
        checked += len(rows) - 1
    assert checked > 20


def test_every_csv_is_an_attachment_with_a_meaningful_name(client, published):
    for resource, _schema in _resources(client, "csv"):
        disposition = client.get(resource["path"].removeprefix(BASE))["Content-Disposition"]
        assert disposition.startswith("attachment; filename=")
        assert disposition.endswith('.csv"') and 'filename="data.csv"' not in disposition


def test_every_xlsx_copy_has_typed_cells(client, published):
    resources = _resources(client, "xlsx")
    assert len(resources) >= 7
    for resource, schema in resources:
        response = client.get(resource["path"].removeprefix(BASE))
        assert response["Content-Disposition"].endswith('.xlsx"')
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == [f["name"] for f in schema["fields"]]
        for field, *values in zip(schema["fields"], *rows[1:], strict=True):
            present = [v for v in values if v is not None]
            expected = {"integer": int, "number": (int, float), "boolean": bool, "date": datetime.date}
            if field["type"] in expected:
                assert all(isinstance(v, expected[field["type"]]) for v in present), field["name"]


def test_xlsx_amounts_are_numbers_and_times_are_dates(client, published):
    response = client.get("/data/apbdes-ringkasan-2025.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    row = sheet[2]
    assert row[header.index("pendapatan")].value == 1_250_000_000
    assert isinstance(row[header.index("diterbitkan")].value, datetime.datetime)
    assert row[header.index("data_contoh")].value is False


def test_a_table_that_breaks_its_schema_is_reported():
    schema = {
        "fields": [
            {"name": "tahun", "type": "integer"},
            {
                "name": "jenis",
                "type": "string",
                "constraints": {"enum": ["murni", "perubahan"], "required": True},
            },
            {"name": "contoh", "type": "boolean", "trueValues": ["ya"], "falseValues": ["tidak"]},
        ]
    }
    rows = [["2025", "murni", "ya"], ["dua", "lain", "mungkin"], ["2024", "", "tidak"], ["2024"]]
    assert conventions.table_errors(schema, ["tahun", "jenis", "contoh"], rows) == [
        "line 3: tahun = 'dua' is not a integer",
        "line 3: jenis = 'lain' is not one of ['murni', 'perubahan']",
        "line 3: contoh = 'mungkin' is not a boolean",
        "line 4: jenis is required",
        "line 5: 1 cells, expected 3",
    ]
    assert conventions.table_errors(schema, ["year"], []) == [
        "header ['year'] is not ['tahun', 'jenis', 'contoh']"
    ]
