"""The rest of the write side: the satisfaction survey, officers' reminders and retention."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ppid import services
from ppid.models import InfoRequest, ReminderSent, SurveyResponse

from .conftest import answer, deliver, reload

D = datetime.date
S = InfoRequest.Status


# --- Survey ----------------------------------------------------------------------------

SCORES = {f"q{i}": 4 for i in range(1, 10)}


def test_survey_is_taken_once_after_an_answer(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError, match="opens once the request has been answered"):
        services.submit_survey(info_request=info_request, scores=SCORES)
    answer(info_request)
    services.submit_survey(info_request=reload(info_request), scores=SCORES)
    with pytest.raises(ValidationError, match="already been filled in"):
        services.submit_survey(info_request=reload(info_request), scores=SCORES)
    assert SurveyResponse.objects.count() == 1


def test_survey_scores_outside_one_to_four_are_refused(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request)
    with pytest.raises(ValidationError, match="5 is not a valid choice"):
        services.submit_survey(info_request=reload(info_request), scores={**SCORES, "q3": 5})
    assert not SurveyResponse.objects.exists()


# --- Reminders ---------------------------------------------------------------------------


def test_reminders_go_once_a_day_to_the_village_officer_and_the_ppid_utama(
    register, officer_sedahkidul, ppid_utama
):
    officer_sedahkidul.email = "sekdes@example.org"
    officer_sedahkidul.save()
    ppid_utama.email = "utama@example.org"
    ppid_utama.save()
    # Received Mon 2 Jun 2025, due Wed 18 Jun: on Mon 16 Jun that is 2 working days away.
    due_soon = register(received_on=D(2025, 6, 2)).request
    # Received Fri 2 May 2025: Mon 5 (1) … Fri 9 (5), [Mon 12 Waisak, Tue 13 cuti],
    # Wed 14 (6) … Tue 20 May (10): overdue on 16 Jun.
    overdue = register(received_on=D(2025, 5, 2)).request
    answered = register(received_on=D(2025, 5, 2)).request
    answer(answered, issued_on=D(2025, 5, 5))
    deliver()
    mail.outbox.clear()  # registrations and new-request messages
    run = services.send_due_reminders(today=D(2025, 6, 16))
    assert (run.due_soon, run.overdue, run.already_sent) == (1, 1, 0)
    by_address = {message.to[0]: message.body for message in deliver()}
    assert set(by_address) == {"sekdes@example.org", "utama@example.org", "ppid@desa-sedahkidul.example.org"}
    assert (
        due_soon.number in by_address["sekdes@example.org"]
        and overdue.number in by_address["sekdes@example.org"]
    )
    # The PPID Utama hears about overdue village requests only.
    assert (
        overdue.number in by_address["utama@example.org"]
        and due_soon.number not in by_address["utama@example.org"]
    )
    assert answered.number not in "".join(by_address.values())
    mail.outbox.clear()
    again = services.send_due_reminders(today=D(2025, 6, 16))
    assert (again.due_soon, again.overdue, again.emails) == (0, 0, 0) and deliver() == []
    assert ReminderSent.objects.filter(sent_on=D(2025, 6, 16)).count() == 2


def test_a_reminder_already_claimed_by_another_host_is_skipped(register):
    info_request = register(received_on=D(2025, 5, 2)).request
    ReminderSent.objects.create(request=info_request, sent_on=D(2025, 6, 16), kind="overdue")
    run = services.send_due_reminders(today=D(2025, 6, 16))
    assert (run.overdue, run.emails) == (0, 0)


# --- Retention ------------------------------------------------------------------------------


def test_anonymisation_clears_personal_data_and_keeps_the_record(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request)
    cleared = services.anonymise_request(info_request=info_request)
    info_request = reload(info_request)
    assert set(cleared) >= {
        "requester_name",
        "requester_nik",
        "requester_address",
        "requester_phone",
        "requester_email",
    }
    assert (info_request.requester_name, info_request.requester_nik, info_request.requester_email) == (
        "—",
        "",
        "",
    )
    assert info_request.requester_initials == "S. W."
    assert info_request.status == S.GRANTED and info_request.anonymised_at is not None


def test_only_requests_closed_past_the_retention_period_are_due(register, refused, ppid_utama):
    old = register(received_on=D(2019, 3, 4)).request
    answer(old, issued_on=D(2019, 3, 8))
    InfoRequest.objects.filter(pk=old.pk).update(closed_at=timezone.now() - datetime.timedelta(days=6 * 366))
    open_old = register(received_on=D(2019, 3, 4)).request
    objected = register(received_on=D(2019, 3, 4)).request
    answer(objected, decision="refused", issued_on=D(2019, 3, 8))
    InfoRequest.objects.filter(pk=objected.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=6 * 366)
    )
    services.file_objection(
        info_request=reload(objected), grounds={"a"}, statement="x", filed_on=D(2019, 3, 11)
    )
    due = list(services.due_for_anonymisation())
    assert due == [reload(old)]
    assert open_old not in due and refused not in due
