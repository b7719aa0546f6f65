"""The import templates linked from the README are the ones the admin hands out."""

import io
from pathlib import Path

from django.conf import settings
from openpyxl import load_workbook

from ogp import imports

DOCS = Path(settings.BASE_DIR) / "docs" / "templates"


def test_csv_template_in_the_repository_is_current(db):
    generated = imports.template_csv()
    generated = generated.encode() if isinstance(generated, str) else generated
    assert (DOCS / "templat-apbdes.csv").read_bytes() == generated


def _cells(data):
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def test_xlsx_template_in_the_repository_is_current(db):
    assert _cells((DOCS / "templat-apbdes.xlsx").read_bytes()) == _cells(imports.template_xlsx())
