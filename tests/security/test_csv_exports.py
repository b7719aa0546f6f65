"""Every CSV export writes cells that spreadsheets cannot run as formulas."""

import csv
import io

import pytest

from kim.models import Kim
from portal import csv_export
from visits.models import Visit

HOSTILE = ['=HYPERLINK("http://x.example","klik")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("value", HOSTILE)
def test_text_that_a_spreadsheet_would_evaluate_gets_an_apostrophe(value):
    assert csv_export.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Sedahkidul", "", "3522", -1500, 0, None, "a=b"])
def test_other_cells_and_numbers_stay_as_they_are(value):
    assert csv_export.neutralise(value) == value


def test_both_writers_neutralise_every_row():
    buffer = io.StringIO()
    csv_export.writer(buffer).writerows([["=1+1", 5], ["ok", "@x"]])
    dict_writer = csv_export.DictWriter(buffer, fieldnames=["a"])
    dict_writer.writeheader()
    dict_writer.writerow({"a": "-cmd"})
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ["'=1+1", "5"],
        ["ok", "'@x"],
        ["a"],
        ["'-cmd"],
    ]


def cells(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_kim_and_visit_open_data_neutralise_formulas(client, portal):
    Kim.objects.filter(pk=portal["kim"].pk).update(name='=HYPERLINK("http://x.example")')
    Visit.objects.filter(pk=portal["visit"].pk).update(title="@SUM(1+1)")
    kim_cells = cells(client.get("/kim/data.csv"))
    visit_cells = cells(client.get("/kunjungan/data.csv"))
    assert '\'=HYPERLINK("http://x.example")' in kim_cells
    assert "'@SUM(1+1)" in visit_cells
    assert not any(cell.startswith(csv_export.FORMULA_STARTS) for cell in kim_cells + visit_cells)
