"""Figures of the statistics page, the annual report and the IKM, against data with known answers."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ppid import services, statistics
from ppid.models import Dispute

from .conftest import answer, reload

D = datetime.date


@pytest.fixture
def year_2025(register, utama, ppid_utama):
    """Six requests to Sedahkidul in 2025 and one to the PPID Utama in 2024.

    All received Mon 2 Jun 2025 (due Wed 18 Jun): granted Wed 11 Jun (5 working
    days), partly granted Tue 17 Jun (9), refused as not held Thu 19 Jun (11,
    late), refused under Pasal 17 letter a Wed 4 Jun (2), one withdrawn, one open.
    """
    made = [register(received_on=D(2025, 6, 2)).request for _ in range(6)]
    answer(made[0], issued_on=D(2025, 6, 11))
    answer(made[1], decision="partly_granted", issued_on=D(2025, 6, 17))
    answer(
        made[2],
        decision="refused",
        refusal_reason="not_held",
        exemption_ground="",
        consequence_test="",
        issued_on=D(2025, 6, 19),
    )
    answer(made[3], decision="refused", exemption_ground="a", issued_on=D(2025, 6, 4))
    services.change_request_status(info_request=made[4], to_status="withdrawn", note="Dicabut.")
    objection = services.file_objection(
        info_request=reload(made[3]), grounds={"a"}, statement="x", filed_on=D(2025, 6, 9)
    )
    services.change_objection_status(
        objection=objection,
        to_status="rejected",
        actor=ppid_utama,
        decision="Ditolak.",
        decided_on=D(2025, 7, 1),
    )
    services.save_dispute(
        dispute=Dispute(
            objection=objection, commission="KI Jatim", filed_on=D(2025, 7, 10), decided_on=D(2025, 11, 3),
            outcome=Dispute.Outcome.GRANTED, court_filed_on=D(2025, 11, 20), court_outcome="Masih diperiksa",
        )
    )  # fmt: skip
    old = register(unit=utama, received_on=D(2024, 3, 4)).request
    answer(old, issued_on=D(2024, 3, 7))
    return made


def test_figures_per_unit_and_year(year_2025, unit_sedahkidul, utama):
    rows = {(row.unit.slug, row.year): row.figures for row in statistics.figures_by_unit_and_year()}
    assert set(rows) == {("desa-sedahkidul", 2025), ("ppid-utama", 2024)}
    f = rows[("desa-sedahkidul", 2025)]
    assert (
        f.requests,
        f.granted,
        f.partly,
        f.refused,
        f.refused_exempt,
        f.refused_not_held,
        f.withdrawn,
        f.open,
    ) == (6, 1, 1, 2, 1, 1, 1, 1)
    assert sorted(f.days) == [2, 5, 9, 11]
    assert f.median_days == 7  # (5 + 9) / 2
    assert f.on_time_share == 75.0  # 3 of 4 answered by 18 Jun
    assert (f.objections, f.disputes) == (1, 1)
    assert rows[("ppid-utama", 2024)].median_days == 3  # Mon 4 → Thu 7 Mar 2024


def test_figures_read_the_counted_figures_not_the_requests(year_2025):
    with CaptureQueriesContext(connection) as queries:
        figures = dict(statistics.figures_by_year())
    assert sorted(figures[2025].days) == [2, 5, 9, 11] and figures[2025].on_time == 3
    assert len(queries) == 1 and "ppid_tally" in queries[0]["sql"]
    assert "ppid_inforequest" not in queries[0]["sql"]


def test_years_with_requests_asks_for_the_distinct_years_only(year_2025):
    with CaptureQueriesContext(connection) as queries:
        assert statistics.years_with_requests() == [2025, 2024]
    assert len(queries) == 1 and "ppid_inforequest" not in queries[0]["sql"]


def test_annual_report_figures(year_2025):
    report = statistics.annual_report(2025)
    assert report.totals.requests == 6 and report.totals.answered == 4
    assert [(str(label), n) for label, n in report.time_bands] == [
        ("0–5 working days", 2),
        ("6–10 working days", 1),
        ("11–17 working days", 1),
        ("more than 17 working days", 0),
    ]
    assert [(str(label), n) for label, n in report.refusals] == [
        ("a. would obstruct law enforcement", 1),
        ("Not held or not yet documented (Pasal 6(3))", 1),
    ]
    assert [(str(label), n) for label, n in report.partial] == [("h. personal secrets", 1)]
    assert report.objections_received == 1 and report.objections_answered_on_time == 1
    assert {str(k): v for k, v in report.objections_by_outcome}["Rejected"] == 1
    assert (report.disputes_filed, report.disputes_pending, report.court_cases) == (1, 0, 1)
    assert report.court_outcomes == ["Masih diperiksa"]
    assert {str(k): v for k, v in report.channels}["Online form"] == 6


@pytest.mark.parametrize(
    ("converted", "letter"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_grade_bands(converted, letter):
    assert statistics.grade(Decimal(converted))[0] == letter


def test_ikm_per_unit_and_year(year_2025):
    # Two responses: all 4s, and 3s with a 2 for facilities. Element sums: 7 × 8 and 6.
    # IKM = 62 / (9 × 2) = 3.444…; converted = 86.11 → grade B. NRR: 3.50 (×8), 3.00.
    when = timezone.make_aware(datetime.datetime(2025, 7, 1, 10))
    services.submit_survey(
        info_request=reload(year_2025[0]), scores={f"q{i}": 4 for i in range(1, 10)}, now=when
    )
    services.submit_survey(
        info_request=reload(year_2025[1]), scores={**{f"q{i}": 3 for i in range(1, 9)}, "q9": 2}, now=when
    )
    (row,) = statistics.ikm_by_unit_and_year(2025)
    assert row.unit.slug == "desa-sedahkidul" and row.ikm.respondents == 2
    assert row.ikm.ikm == Decimal("3.44") and row.ikm.converted == Decimal("86.11")
    assert (row.ikm.grade, str(row.ikm.grade_label)) == ("B", "Good (Baik)")
    assert [mean for _label, mean in row.ikm.element_means] == [Decimal("3.50")] * 8 + [Decimal("3.00")]
    assert statistics.ikm_by_year()[0][0] == 2025


def test_statistics_page_and_open_data(client, year_2025):
    html = client.get("/ppid/statistik/?tahun=2025").content.decode()
    assert "PPID Desa Sedahkidul" in html and "75,0%" in html
    csv_body = client.get("/ppid/statistik.csv").content.decode("utf-8-sig").splitlines()
    assert csv_body[0].startswith("tahun,unit,slug_unit,jenis_unit,kode_desa,permohonan")
    assert any(
        line.startswith(
            "2025,PPID Desa Sedahkidul,desa-sedahkidul,desa,35.22.18.2007,6,1,1,2,1,1,1,1,4,3,75.0,7.0,1,1,1,1,2,0,0"
        )
        for line in csv_body
    )
    data = client.get("/ppid/statistik.json").json()
    sedahkidul = next(row for row in data["rows"] if row["slug_unit"] == "desa-sedahkidul")
    assert sedahkidul["median_hari_kerja"] == 7.0 and sedahkidul["persen_tepat_waktu"] == 75.0


def test_report_page_and_csv(client, year_2025):
    html = client.get("/ppid/laporan/2025/").content.decode()
    assert ("Pasal 6(3)" in html or "Pasal 6 ayat (3)" in html) and "Masih diperiksa" in html
    response = client.get("/ppid/laporan/2025.csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[0] == "bagian,butir,nilai"
    assert (
        "jumlah,permohonan,6" in rows
        and "keberatan,masuk,1" in rows
        and "gugatan_pengadilan,diajukan,1" in rows
    )
    assert "keberatan,dikabulkan,0" in rows and "jumlah,keberatan_dikabulkan,0" in rows
    assert response["Deprecation"] == "true"
    old = client.get("/ppid/laporan/2025.csv?kolom=lama").content.decode("utf-8-sig").splitlines()
    assert old[0] == "section,item,value"
    assert "total,requests,6" in old and "objections,received,1" in old and "court_cases,filed,1" in old
    assert len(old) == len(rows)


def test_ikm_page_shows_the_grade(client, year_2025):
    when = timezone.make_aware(datetime.datetime(2025, 7, 1, 10))
    services.submit_survey(
        info_request=reload(year_2025[0]), scores={f"q{i}": 4 for i in range(1, 10)}, now=when
    )
    html = client.get("/ppid/ikm/").content.decode()
    assert "100,00" in html and "A ·" in html


def _many(register, count):
    for index in range(count):
        info_request = register(received_on=D(2025, 6, 2)).request
        if index % 2:
            answer(info_request, issued_on=D(2025, 6, 11))


@pytest.mark.parametrize("count", [2, 12])
@pytest.mark.parametrize(
    ("url", "bound"), [("/ppid/statistik/", 10), ("/ppid/laporan/2025/", 16), ("/ppid/ikm/", 7)]
)
def test_figure_pages_run_a_fixed_number_of_queries(
    client, register, django_assert_max_num_queries, count, url, bound
):
    _many(register, count)
    with django_assert_max_num_queries(bound):
        assert client.get(url).status_code == 200


def test_home_figures_are_this_year_or_else_the_last_with_requests(year_2025):
    # 2025 has six requests: 4 answered, 3 by the deadline (see the fixture).
    year, figures = statistics.recent_year_figures(today=D(2025, 12, 1))
    assert (year, figures.requests, figures.answered, figures.on_time_share) == (2025, 6, 4, 75.0)
    # In 2026 nothing has come in yet: the home page shows 2025.
    year, figures = statistics.recent_year_figures(today=D(2026, 1, 5))
    assert (year, figures.requests, figures.on_time_share) == (2025, 6, 75.0)
    # 2024's single request, answered in three working days.
    year, figures = statistics.recent_year_figures(today=D(2024, 8, 1))
    assert (year, figures.requests, figures.on_time_share) == (2024, 1, 100.0)
    # Two years with no requests at all: this year, with nothing to show.
    year, figures = statistics.recent_year_figures(today=D(2030, 1, 1))
    assert (year, figures.requests, figures.on_time_share) == (2030, 0, None)


def test_home_figures_agree_with_the_statistics_page(year_2025):
    by_year = dict(statistics.figures_by_year())
    for year in (2025, 2024):
        _year, home = statistics.recent_year_figures(today=D(year, 12, 31))
        page = by_year[year]
        assert (home.requests, home.answered, home.on_time, home.on_time_share) == (
            page.requests,
            page.answered,
            page.on_time,
            page.on_time_share,
        )


def test_home_figures_take_one_query(year_2025):
    with CaptureQueriesContext(connection) as queries:
        statistics.recent_year_figures(today=D(2025, 12, 1))
    assert len(queries) == 1
