"""The counted figures (`Tally`) equal a fresh count of the records after every kind of move."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ppid import services, statistics, tallies
from ppid.models import Dispute, InfoRequest, NonWorkingDay, Objection, Tally

from .conftest import answer, reload

D = datetime.date
S = InfoRequest.Status
RECEIVED = D(2025, 6, 2)  # a Monday; due Wed 18 Jun 2025, or Fri 27 Jun with a 7-day extension


def assert_counted():
    stored, fresh = tallies.stored_counts(), tallies.fresh_counts()
    assert stored == fresh, sorted(
        str(key) for key in stored.keys() | fresh.keys() if stored[key] != fresh[key]
    )


def request_paths():
    """Every path through the request's move table, from its start to each final status."""
    table = InfoRequest.TRANSITIONS
    paths, stack = [], [[S.REGISTERED]]
    while stack:
        path = stack.pop()
        nexts = sorted(table[path[-1]])
        if not nexts:
            paths.append(path[1:])
        stack.extend([*path, status] for status in nexts)
    return paths


def move(info_request, status):
    if status in InfoRequest.ANSWERED_STATUSES:
        fields = {"refusal_reason": "not_held", "exemption_ground": "", "consequence_test": ""}
        extra = fields if info_request.pk % 2 and status == S.REFUSED else {}
        answer(reload(info_request), decision=status, issued_on=D(2025, 6, 20), **extra)
    else:
        services.change_request_status(
            info_request=reload(info_request),
            to_status=status,
            note="Dicabut oleh pemohon.",
            extension_days=7,
            extension_reason="Dokumen di arsip kecamatan.",
        )


def test_the_walk_covers_every_move_of_the_table():
    walked = {(a, b) for path in request_paths() for a, b in zip([S.REGISTERED, *path], path, strict=False)}
    table = {(a, b) for a, targets in InfoRequest.TRANSITIONS.items() for b in targets}
    assert walked == table and len(request_paths()) == 12


@pytest.mark.parametrize("path", request_paths(), ids=lambda path: "-".join(path))
def test_every_request_move_keeps_the_tallies_exact(register, path):
    info_request = register(received_on=RECEIVED).request
    assert_counted()
    for status in path:
        move(info_request, status)
        assert_counted()


@pytest.mark.parametrize("outcome", sorted(Objection.TRANSITIONS[Objection.Status.FILED]))
def test_every_objection_move_and_dispute_keeps_the_tallies_exact(register, ppid_utama, outcome):
    info_request = register(received_on=RECEIVED).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
    objection = services.file_objection(
        info_request=reload(info_request),
        grounds={"a", "d"} - ({"a"} if outcome == "settled" else set()),
        statement="Alasan.",
        filed_on=D(2025, 6, 16),
    )
    assert_counted()
    services.change_objection_status(
        objection=objection,
        to_status=outcome,
        actor=ppid_utama,
        decision="Jawaban atasan.",
        decided_on=D(2025, 9, 1),
        note="Dicabut.",
    )
    assert_counted()
    if outcome == Objection.Status.WITHDRAWN:
        return
    dispute = Dispute(objection=objection, commission="KI Jatim", filed_on=D(2025, 9, 10))
    services.save_dispute(dispute=dispute)
    assert_counted()
    dispute.decided_on, dispute.outcome, dispute.court_filed_on = D(2026, 1, 5), "granted", D(2026, 1, 20)
    services.save_dispute(dispute=dispute)
    assert_counted()


def test_a_reassignment_moves_the_request_and_its_objection_to_the_new_unit(register, utama):
    info_request = register(received_on=RECEIVED).request
    services.file_objection(
        info_request=reload(info_request), grounds={"c"}, statement="Tidak dijawab.", filed_on=D(2025, 6, 20)
    )
    services.reassign_request(info_request=reload(info_request), unit=utama, actor=None)
    assert_counted()
    rows = statistics.figures_by_unit_and_year(2025)
    assert [(row.unit.slug, row.figures.requests, row.figures.objections) for row in rows] == [
        ("ppid-utama", 1, 1)
    ]


def test_a_local_day_off_moves_the_open_deadlines_in_the_tallies(register):
    info_request = register(received_on=RECEIVED).request
    services.save_non_working_day(day=NonWorkingDay(date=D(2025, 6, 10), description="Hari jadi"))
    assert reload(info_request).due_on == D(2025, 6, 19)
    assert_counted()
    assert statistics.figures_for_year(2025, today=D(2025, 6, 19)).open_late == 0
    assert statistics.figures_for_year(2025, today=D(2025, 6, 20)).open_late == 1


def test_a_refused_move_changes_no_tally(register):
    info_request = register(received_on=RECEIVED).request
    before = tallies.stored_counts()
    with pytest.raises(services.InvalidTransition, match="cannot become"):
        services.change_request_status(info_request=info_request, to_status=S.EXTENDED, extension_days=3)
    assert tallies.stored_counts() == before


def test_open_requests_are_counted_by_deadline_not_scanned(register):
    """“Still open past its deadline” on any day comes from the open requests' due-date tallies."""
    first = register(received_on=RECEIVED).request  # due Wed 18 Jun
    register(received_on=D(2025, 12, 22))  # due in January 2026
    on = {
        day: statistics.figures_for_year(2025, today=day).open_late
        for day in (D(2025, 6, 18), D(2025, 6, 19))
    }
    assert on == {D(2025, 6, 18): 0, D(2025, 6, 19): 1}
    # At the end of 2025 the December request was not yet late; read in 2026, the period has ended.
    assert statistics.figures_for_year(2025, today=D(2026, 3, 1)).open_late == 1
    answer(reload(first), issued_on=D(2025, 6, 25))
    later = statistics.figures_for_year(2025, today=D(2026, 3, 1))
    assert (later.open_late, later.answered_late, later.late) == (0, 1, 1)
    with CaptureQueriesContext(connection) as queries:
        statistics.figures_for_year(2025, today=D(2025, 7, 1))
    assert len(queries) == 1 and "ppid_inforequest" not in queries[0]["sql"]


def test_rebuild_command_restores_lost_or_wrong_tallies(register):
    register(received_on=RECEIVED)
    answer(reload(register(received_on=RECEIVED).request), issued_on=D(2025, 6, 5))
    right = tallies.stored_counts()
    Tally.objects.filter(measure="status").update(count=99)
    Tally.objects.filter(measure="days").delete()
    with pytest.raises(CommandError, match="differ from the records"):
        call_command("rebuild_ppid_tallies", "--check", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("rebuild_ppid_tallies", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert tallies.stored_counts() == right
    call_command("rebuild_ppid_tallies", "--check", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _many(register, count):
    for index in range(count):
        info_request = register(received_on=RECEIVED).request
        if index % 3 == 1:
            answer(info_request, issued_on=D(2025, 6, 11))
        elif index % 3 == 2:
            answer(info_request, decision="refused", issued_on=D(2025, 6, 25))


@pytest.mark.parametrize("url", ["/", "/ppid/", "/ppid/statistik/", "/ppid/laporan/2025/"])
def test_figure_pages_run_the_same_queries_at_two_sizes(client, register, url):
    counts = []
    for added in (3, 27):
        _many(register, added)
        client.get(url)  # warm the per-process caches (regions, settings)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
        assert not any("ppid_inforequest" in q["sql"] and "GROUP BY" in q["sql"] for q in queries)
    assert counts[0] == counts[1]


def test_a_survey_response_adds_its_scores_to_the_tallies(register):
    info_request = register(received_on=RECEIVED).request
    answer(info_request, issued_on=D(2025, 6, 11))
    services.submit_survey(
        info_request=reload(info_request), scores={f"q{i}": 1 + i % 4 for i in range(1, 10)}
    )
    assert_counted()
    ((_year, ikm),) = statistics.ikm_by_year()
    assert (
        ikm.respondents == 1
        and sum(mean for _label, mean in ikm.element_means) == 2 + 3 + 4 + 1 + 2 + 3 + 4 + 1 + 2
    )
