"""What Permendagri 20/2018 Pasal 39 and 72 ask a village to publish, on its budget page."""

import datetime

import pytest

from ogp import services
from ogp.models import Budget, BudgetLine, RealisationReport

from .conftest import ORIGINAL, SEDAHKIDUL, csv_upload, village

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
URL = f"/apbdes/2024/{SEDAHKIDUL}/"


def test_who_carries_out_an_activity_is_imported_and_shown(client):
    upload = csv_upload(ORIGINAL, executors={5: "TPK Desa Sedahkidul"})
    services.import_budget(
        upload=upload,
        year=2024,
        village=village(),
        publish=True,
        perdes_number="2 Tahun 2024",
        perdes_date=datetime.date(2024, 1, 10),
    )
    line = BudgetLine.objects.get(description="Rabat beton jalan desa")
    assert line.executor == "TPK Desa Sedahkidul"
    html = client.get("/en" + URL).content.decode()
    assert "Carried out by TPK Desa Sedahkidul" in html


def test_the_complaint_address_is_on_the_page(client, publish_budget):
    publish_budget()
    html = client.get("/en" + URL).content.decode()
    assert "Send questions and complaints about this budget to the office of Desa Sedahkidul" in html
    Budget.objects.filter(village_id=SEDAHKIDUL).update(
        complaint_address="Kantor Desa, Jl. Raya 1; 0812 3456"
    )
    html = client.get("/en" + URL).content.decode()
    assert "Kantor Desa, Jl. Raya 1; 0812 3456" in html


def test_the_report_lists_activities_not_finished_with_the_budget_left(
    client, publish_budget, publish_report
):
    publish_budget()
    realised = [
        800_000_000,
        400_000_000,
        50_000_000,
        36_000_000,
        4_000_000,
        600_000_000,
        0,
        30_000_000,
        20_000_000,
    ]
    publish_report(ORIGINAL, realised, period=RealisationReport.Period.YEAR_END)
    html = client.get("/en" + URL).content.decode()
    table = html[html.index('id="tabel-belum-selesai"') :]
    table = table[: table.index("</table>")]
    assert "02.03.10" in table and "Rp300.000.000" in table  # road: 900.000.000 budget, 600.000.000 done
    assert "02.06.02" in table and "not carried out" in table  # the billboard, nothing spent
    assert "01.01.04" not in table  # fully realised
