"""Every CSV export writes cells that spreadsheets cannot run as formulas."""

import csv
import io
import re
from pathlib import Path

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


# Writers of CSV that are not exports of the portal's data: a fixed template, benchmark timings,
# generated test data. Everything else writes CSV through portal.csv_export.
NOT_EXPORTS = {
    "ogp/imports/template.py",
    "ogp/management/commands/bench_apbdes.py",
    "ogp/siskeudes/sample.py",
}


def test_every_csv_writer_of_the_code_is_the_shared_one():
    root = Path(__file__).resolve().parents[2]
    direct = sorted(
        str(path.relative_to(root))
        for package in ("portal", "visits", "kim", "ppid", "ogp")
        for path in (root / package).rglob("*.py")
        if re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    )
    assert direct == sorted({"portal/csv_export.py", *NOT_EXPORTS})


def test_the_kim_coverage_report_neutralises_formulas(portal):
    from django.core.management import call_command

    from portal.models import District

    District.objects.filter(pk=portal["kim"].village.district_id).update(name="=cmd|' /C calc'!A0")
    out = io.StringIO()
    call_command("report_kim_coverage", "--csv", stdout=out)
    cells = [cell for row in csv.reader(io.StringIO(out.getvalue())) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(csv_export.FORMULA_STARTS) for cell in cells)
