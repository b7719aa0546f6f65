"""One test per definition of docs/ppid.md "Statistics", on cases counted by hand.

Calendar of June–July 2025 used below (Indonesian holidays, cuti bersama skipped):
Fri 6 Jun Idul Adha, Mon 9 Jun cuti bersama, Fri 27 Jun 1 Muharram. A request
received Mon 2 Jun has day 10 on Wed 18 Jun; day 11 is Thu 19 Jun; with the full
extension of 7 days the deadline is day 17, Mon 30 Jun, and day 18 is Tue 1 Jul.
"""

import csv
import datetime
import io
from collections import Counter

import pytest

from ppid import services, statistics
from ppid.models import InfoRequest

from .conftest import answer, reload

D = datetime.date
RECEIVED = D(2025, 6, 2)


def extended(register, days):
    info_request = register(received_on=RECEIVED).request
    services.change_request_status(info_request=info_request, to_status="in_process")
    services.change_request_status(
        info_request=reload(info_request),
        to_status="extended",
        extension_days=days,
        extension_reason="Dokumen di arsip kecamatan.",
    )
    return reload(info_request)


YEAR_END = D(2025, 12, 31)


def year_figures(today=YEAR_END):
    return statistics.figures_for_year(2025, today=today)


def test_on_time_is_a_notice_within_10_working_days_or_17_with_a_recorded_extension(register):
    on_day_10 = register(received_on=RECEIVED).request
    answer(on_day_10, issued_on=D(2025, 6, 18))
    on_day_11 = register(received_on=RECEIVED).request
    answer(on_day_11, issued_on=D(2025, 6, 19))
    full = extended(register, 7)
    assert full.due_on == D(2025, 6, 30)
    answer(full, issued_on=D(2025, 6, 30))  # day 17, extended: on time
    full_late = extended(register, 7)
    answer(full_late, issued_on=D(2025, 7, 1))  # day 18: late
    short = extended(register, 3)
    assert short.due_on == D(2025, 6, 23)
    answer(short, issued_on=D(2025, 6, 24))  # day 14, past the 3 days the unit gave itself: late
    days = {r.number: reload(r).working_days_taken for r in (on_day_10, on_day_11, full, full_late, short)}
    assert sorted(days.values()) == [10, 11, 14, 17, 18]
    figures = year_figures()
    assert (figures.answered, figures.on_time, figures.answered_late) == (5, 2, 3)
    assert figures.on_time_share == 40.0  # 2 of 5


def test_late_is_answered_after_the_deadline_or_open_past_it_at_the_end_of_the_period(register):
    answer(register(received_on=RECEIVED).request, issued_on=D(2025, 6, 19))  # answered late
    register(received_on=RECEIVED)  # open, due 18 Jun
    register(received_on=D(2025, 12, 22))  # open, due in January 2026
    withdrawn = register(received_on=RECEIVED).request
    services.change_request_status(info_request=withdrawn, to_status="withdrawn", note="Dicabut.")
    # On the deadline day the open request is not late yet; the day after it is.
    assert (year_figures(D(2025, 6, 18)).late, year_figures(D(2025, 6, 19)).late) == (1, 2)
    # The year's period ends on 31 December: the December request was not late then.
    end = year_figures(D(2026, 2, 1))
    assert (end.answered_late, end.open_late, end.late, end.open) == (1, 1, 2, 2)
    assert statistics.period_end(2025, D(2026, 2, 1)) == D(2025, 12, 31)
    assert statistics.period_end(2026, D(2026, 2, 1)) == D(2026, 2, 1)


@pytest.mark.parametrize(
    ("days", "median"),
    [({}, None), ({5: 1}, 5), ({2: 1, 5: 1, 9: 1}, 5), ({2: 1, 5: 1, 9: 1, 11: 1}, 7.0), ({3: 2, 10: 1}, 3)],
)
def test_median_counts(days, median):
    assert statistics.median_of(Counter(days)) == median


def test_median_is_of_answered_requests_only(register):
    for issued in (D(2025, 6, 4), D(2025, 6, 11), D(2025, 6, 17)):  # 2, 5 and 9 working days
        answer(register(received_on=RECEIVED).request, issued_on=issued)
    register(received_on=RECEIVED)  # open: not counted
    withdrawn = register(received_on=RECEIVED).request
    services.change_request_status(info_request=withdrawn, to_status="withdrawn", note="Dicabut.")
    assert year_figures().median_days == 5
    answer(register(received_on=RECEIVED).request, issued_on=D(2025, 6, 19))  # 11
    assert year_figures().median_days == 7.0  # (5 + 9) / 2


def test_refused_by_ground(register):
    for letter in ("a", "a", "h"):
        answer(register(received_on=RECEIVED).request, decision="refused", exemption_ground=letter)
    answer(
        register(received_on=RECEIVED).request,
        decision="refused",
        refusal_reason="not_held",
        exemption_ground="",
        consequence_test="",
    )
    answer(register(received_on=RECEIVED).request, decision="partly_granted", exemption_ground="h")
    figures = year_figures()
    assert (figures.refused, figures.refused_exempt, figures.refused_not_held, figures.partly) == (4, 3, 1, 1)
    report = statistics.annual_report(2025, today=D(2025, 12, 31))
    assert [(str(label), n) for label, n in report.refusals] == [
        ("a. would obstruct law enforcement", 2),
        ("h. personal secrets", 1),
        ("Not held or not yet documented (Pasal 6(3))", 1),
    ]
    assert [(str(label), n) for label, n in report.partial] == [("h. personal secrets", 1)]


def _objection(register, outcome, ppid_utama):
    info_request = register(received_on=RECEIVED).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
    objection = services.file_objection(
        info_request=reload(info_request), grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
    )
    if outcome:
        services.change_objection_status(
            objection=objection,
            to_status=outcome,
            actor=ppid_utama,
            decision="Jawaban.",
            decided_on=D(2025, 7, 1),
        )


def test_objections_received_and_upheld(client, register, ppid_utama):
    for outcome in ("upheld", "rejected", None):
        _objection(register, outcome, ppid_utama)
    figures = year_figures()
    # The upheld one ordered a copy by 15 July 2025 that was never handed over: late at year end.
    assert (figures.objections, figures.objections_upheld, figures.late_obligations) == (3, 1, 1)
    html = client.get("/ppid/statistik/?tahun=2025").content.decode()
    assert "Keberatan masuk" in html and "Keberatan dikabulkan" in html
    table = html[html.index("<thead>") : html.index("</thead>")]
    assert "iterima" not in table  # never the ambiguous “diterima”
    report = client.get("/ppid/laporan/2025/").content.decode()
    assert "keberatan masuk" in report and "keberatan dikabulkan" in report
    assert "Dikabulkan (pemohon benar)" in report


def _csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_report_matches_the_statistics_page_and_the_csv(client, register, utama, ppid_utama):
    answer(register(received_on=RECEIVED).request, issued_on=D(2025, 6, 19))
    answer(register(unit=utama, received_on=RECEIVED).request, decision="refused")
    register(received_on=RECEIVED)
    _objection(register, "upheld", ppid_utama)
    from ppid.views.figures import FIGURES  # figure (the report's names) → statistics column

    statistics_rows = [
        {figure: row[column] for figure, column in FIGURES.items()} | {"unit_slug": row["slug_unit"]}
        for row in _csv(client.get("/ppid/statistik.csv"))
        if row["tahun"] == "2025"
    ]
    report_rows = client.get("/ppid/laporan/2025.csv?kolom=lama").content.decode("utf-8-sig").splitlines()[1:]
    report = {}
    for line in csv.reader(report_rows):
        report.setdefault(line[0], {})[line[1]] = line[2]
    for row in statistics_rows:
        unit = report[f"unit:{row['unit_slug']}"]
        assert {key: row[key] for key in unit} == unit
    for key, value in report["total"].items():
        if key in ("answered_on_time_percent", "median_working_days"):
            continue
        assert int(value) == sum(int(row[key]) for row in statistics_rows), key
    page = dict(statistics.figures_by_year())[2025].as_dict()
    assert {key: str("" if v is None else v) for key, v in page.items()} == report["total"]
    assert report["objections"] == {"received": "1", "upheld": "1", "answered_on_time": "1"}
    html = client.get("/ppid/laporan/2025/").content.decode()
    assert InfoRequest.objects.filter(year=2025).count() == page["requests"] == 4
    assert f">{page['late']}<" in html
