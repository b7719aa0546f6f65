"""The window for a dispute at the Komisi Informasi (UU 14/2008 Pasal 37), counted by hand on the calendar.

2025 holidays used below (with cuti bersama skipped, the default): Fri 6 Jun
Idul Adha, Mon 9 Jun its cuti bersama, Sun 17 Aug Independence Day and Mon 18
Aug its cuti bersama. July 2025 has none.
"""

import datetime

import pytest
from django.urls import reverse

from ppid import services
from ppid.deadlines import WorkingCalendar
from ppid.models import Dispute, Objection

D = datetime.date


def _decided(on):
    return Objection(status=Objection.Status.REJECTED, decided_on=on, filed_on=on, due_on=on)


@pytest.mark.parametrize(
    ("decided_on", "skip_cuti_bersama", "ends_on"),
    [
        # Tue 1 Jul: 2,3,4 | 7–11 | 14–18 | 21 → Mon 21 Jul (14 working days, no holidays).
        (D(2025, 7, 1), True, D(2025, 7, 21)),
        # Wed 4 Jun: 5 | (6 Idul Adha, 9 cuti bersama) 10–13 | 16–20 | 23–26 → Thu 26 Jun.
        (D(2025, 6, 4), True, D(2025, 6, 26)),
        # The same with cuti bersama counted as working: 9 Jun counts → Wed 25 Jun.
        (D(2025, 6, 4), False, D(2025, 6, 25)),
    ],
)
def test_fourteen_working_days_after_the_written_answer(db, decided_on, skip_cuti_bersama, ends_on):
    calendar = WorkingCalendar(skip_cuti_bersama=skip_cuti_bersama)
    window = services.dispute_window(_decided(decided_on), calendar, today=decided_on)
    assert (window.opens_on, window.ends_on, window.unanswered) == (decided_on, ends_on, False)


def test_an_unanswered_objection_opens_the_window_when_its_thirty_days_run_out(db):
    # Due Fri 8 Aug: 11–15 | (17 Aug Sunday, 18 Aug cuti bersama) 19–22 | 25–29 → Fri 29 Aug.
    objection = Objection(status=Objection.Status.FILED, filed_on=D(2025, 6, 26), due_on=D(2025, 8, 8))
    calendar = WorkingCalendar()
    assert services.dispute_window(objection, calendar, today=D(2025, 8, 8)) is None
    window = services.dispute_window(objection, calendar, today=D(2025, 8, 11))
    assert (window.opens_on, window.ends_on, window.unanswered) == (D(2025, 8, 8), D(2025, 8, 29), True)


def test_a_withdrawn_objection_has_no_window(db):
    objection = Objection(status=Objection.Status.WITHDRAWN, filed_on=D(2025, 7, 1), due_on=D(2025, 8, 12))
    assert services.dispute_window(objection, WorkingCalendar(), today=D(2025, 9, 1)) is None


@pytest.fixture
def rejected(refused, ppid_utama):
    """An objection to the refused request, rejected in writing on Tue 1 Jul 2025."""
    objection = services.file_objection(
        info_request=refused, grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
    )
    return services.change_objection_status(
        objection=objection,
        to_status="rejected",
        actor=ppid_utama,
        decision="Ditolak.",
        decided_on=D(2025, 7, 1),
    )


@pytest.mark.parametrize(("filed_on", "late"), [(D(2025, 7, 21), False), (D(2025, 7, 22), True)])
def test_a_dispute_is_recorded_on_time_or_late_never_refused(rejected, filed_on, late):
    dispute = services.save_dispute(
        dispute=Dispute(
            objection=rejected, commission="Komisi Informasi Provinsi Jawa Timur", filed_on=filed_on
        )
    )
    dispute.refresh_from_db()
    assert (dispute.window_ends_on, dispute.filed_late) == (D(2025, 7, 21), late)


def test_the_admin_records_a_late_dispute_and_says_so(client, rejected, ppid_utama):
    client.force_login(ppid_utama)
    response = client.post(
        reverse("admin:ppid_dispute_add"),
        {
            "objection": rejected.pk,
            "commission": "Komisi Informasi Provinsi Jawa Timur",
            "filed_on": "2025-08-01",
        },
        follow=True,
    )
    assert response.status_code == 200
    dispute = Dispute.objects.get()
    assert dispute.filed_late and dispute.window_ends_on == D(2025, 7, 21)
    assert "21-07-2025" in response.content.decode()


def test_the_tracking_page_shows_the_window(client, rejected):
    info_request = rejected.request
    code = services.reset_access_code(info_request=info_request, actor=None)
    response = client.post(
        "/ppid/permohonan/lacak/", {"number": info_request.number, "code": code}, follow=True
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Komisi Informasi" in page and "21 Juli 2025" in page
