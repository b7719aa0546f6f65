"""The officer's inbox on the admin start page: scoped per role and village, with a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ppid import services
from ppid.deadlines import WorkingCalendar
from ppid.models import Objection

from .conftest import answer, reload


def _received_for_due(target):
    """The latest receipt date whose 10-working-day deadline falls on or before `target`."""
    calendar = WorkingCalendar.from_db()
    day = target
    while calendar.add_working_days(day, 10).due > target:
        day -= datetime.timedelta(days=1)
    return day


@pytest.fixture
def workload(register, unit_sedahkidul, unit_sumberrejo, utama):
    """In Sedahkidul: one new, one due tomorrow-ish, one overdue; in Sumberrejo and the regency: one new each."""
    today = timezone.localdate()
    calendar = WorkingCalendar.from_db()
    soon = calendar.add_working_days(today, 1).due
    made = {
        "new": register(received_on=today).request,
        "due_soon": register(received_on=_received_for_due(soon)).request,
        "overdue": register(received_on=_received_for_due(today - datetime.timedelta(days=3))).request,
        "other_village": register(unit=unit_sumberrejo, received_on=today).request,
        "regency": register(unit=utama, received_on=today).request,
    }
    for key in ("due_soon", "overdue"):
        services.change_request_status(info_request=made[key], to_status="in_process")
    return made


def _page(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def _numbers(response, key):
    section = next(s for s in response.context["inbox_sections"] if s.key == key)
    return section.count, {item.label.split(" · ")[0] for item in section.items}


def test_a_village_officer_sees_only_their_village(client, workload, officer_sedahkidul):
    response = _page(client, officer_sedahkidul)
    assert _numbers(response, "ppid-new") == (1, {workload["new"].number})
    assert _numbers(response, "ppid-due-soon") == (1, {workload["due_soon"].number})
    assert _numbers(response, "ppid-overdue") == (1, {workload["overdue"].number})
    page = response.content.decode()
    assert workload["other_village"].number not in page and workload["regency"].number not in page
    assert reverse("admin:ppid_inforequest_change", args=[workload["overdue"].pk]) in page


def test_the_other_village_sees_its_own_request_only(client, workload, officer_sumberrejo):
    response = _page(client, officer_sumberrejo)
    assert _numbers(response, "ppid-new") == (1, {workload["other_village"].number})
    assert _numbers(response, "ppid-overdue") == (0, set())


def test_ppid_utama_sees_every_unit(client, workload, ppid_utama):
    response = _page(client, ppid_utama)
    assert _numbers(response, "ppid-new")[0] == 3
    assert {s.key for s in response.context["inbox_sections"]} >= {"ppid-objections", "ppid-obligations"}


def test_a_role_without_ppid_work_gets_no_ppid_inbox(client, workload, editor):
    response = _page(client, editor)
    assert not any(s.key.startswith("ppid-") for s in response.context["inbox_sections"])


def test_counts_show_in_the_admin_navigation(client, workload, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    page = client.get(reverse("admin:ppid_dipitem_changelist")).content.decode()
    # New, due soon and overdue: three requests wait in Sedahkidul.
    assert "(3 " in page


def test_objections_and_obligations_appear_with_their_deadlines(
    client, register, officer_sedahkidul, ppid_utama
):
    today = timezone.localdate()
    info_request = register(received_on=today - datetime.timedelta(days=7)).request
    answer(info_request, decision="refused", issued_on=today - datetime.timedelta(days=5))
    first = services.file_objection(
        info_request=reload(info_request), grounds={"a"}, statement="x", filed_on=today
    )
    services.change_objection_status(
        objection=first,
        to_status=Objection.Status.UPHELD,
        actor=ppid_utama,
        decision="Berikan.",
        decided_on=today,
        obligation_due_on=today + datetime.timedelta(days=7),
    )
    second = services.file_objection(
        info_request=reload(info_request), grounds={"d"}, statement="y", filed_on=today
    )
    response = _page(client, officer_sedahkidul)
    assert _numbers(response, "ppid-objections") == (1, {second.number})
    count, labels = _numbers(response, "ppid-obligations")
    assert (count, labels) == (1, {first.number})
    item = next(s for s in response.context["inbox_sections"] if s.key == "ppid-obligations").items[0]
    assert item.deadline == today + datetime.timedelta(days=7) and not item.overdue


def _queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("admin:index")).status_code == 200
    return len(captured)


def test_the_start_page_takes_the_same_queries_for_more_work(client, register, officer_sedahkidul):
    today = timezone.localdate()
    register(received_on=today)
    few = _queries(client, officer_sedahkidul)
    for days in range(1, 25):
        register(received_on=today - datetime.timedelta(days=days))
    assert _queries(client, officer_sedahkidul) == few
    assert few <= 30
