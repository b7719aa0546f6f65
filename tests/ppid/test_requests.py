"""Requests through the services: registration, answers, acts on the record and e-mails."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ppid import services
from ppid.models import InfoRequest, OutboxMessage, RequestEvent, WrittenNotice

from .conftest import VALID_NIK, answer, deliver, make_requester, reload

D = datetime.date
S = InfoRequest.Status


def test_registration_writes_the_first_history_row_and_stores_the_requester(register):
    info_request = reload(register(received_on=D(2025, 6, 2)).request)
    assert info_request.status == S.REGISTERED
    assert info_request.requester_initials == "S. W."
    assert info_request.requester_nik == VALID_NIK
    event = info_request.events.get()
    assert (event.from_status, event.to_status) == ("", S.REGISTERED)


def test_a_request_cannot_be_received_in_the_future(register):
    with pytest.raises(ValidationError, match="cannot be in the future"):
        register(received_on=timezone.localdate() + datetime.timedelta(days=1))
    assert not InfoRequest.objects.exists()


def test_answer_records_the_notice_the_date_and_the_working_days_taken(register):
    # Received Mon 2 Jun 2025, answered Wed 11 Jun: Tue 3 (1), Wed 4 (2), Thu 5 (3),
    # [Fri 6 Idul Adha, weekend, Mon 9 cuti], Tue 10 (4), Wed 11 (5).
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, decision="partly_granted", issued_on=D(2025, 6, 11))
    info_request = reload(info_request)
    assert info_request.status == S.PARTLY_GRANTED
    assert info_request.answered_on == D(2025, 6, 11)
    assert info_request.working_days_taken == 5
    assert info_request.closed_at is not None
    assert info_request.notice.outcome_label == "Partly granted: Pasal 17 letter h"


@pytest.mark.parametrize(
    ("fields", "message_part"),
    [
        ({"decision": "refused", "refusal_reason": ""}, "refusal"),
        ({"decision": "refused", "refusal_reason": "exempt", "exemption_ground": ""}, "Pasal 17"),
        ({"decision": "partly_granted", "redacted_parts": ""}, "blacked out"),
        ({"decision": "granted", "materials": ""}, "material"),
    ],
)
def test_incomplete_written_notice_is_refused_and_changes_nothing(register, fields, message_part):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError, match=f"(?i){message_part}") as error:
        answer(info_request, **fields)
    assert message_part.lower() in " ".join(error.value.messages).lower()
    assert reload(info_request).status == S.REGISTERED
    assert not WrittenNotice.objects.exists()


def test_refusal_because_not_held_names_the_body_that_holds_it(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(
        info_request, decision="refused", refusal_reason="not_held", exemption_ground="", consequence_test="",
        other_body="Badan Pusat Statistik",
    )  # fmt: skip
    notice = reload(info_request).notice
    assert notice.information_held is False
    assert notice.other_body == "Badan Pusat Statistik"
    assert notice.outcome_label == "Refused: not held or not documented"


def test_withdrawal_needs_a_note(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError, match="Say who withdrew the request"):
        services.change_request_status(info_request=info_request, to_status="withdrawn", note=" ")
    assert reload(info_request).status == S.REGISTERED


def test_reassignment_moves_an_open_request_and_keeps_its_deadline(register, utama, ppid_utama):
    info_request = register(received_on=D(2025, 6, 2)).request
    due = info_request.due_on
    services.reassign_request(
        info_request=info_request, unit=utama, actor=ppid_utama, note="Bukan wewenang desa."
    )
    info_request = reload(info_request)
    assert info_request.unit == utama and info_request.due_on == due
    event = info_request.events.get(kind=RequestEvent.Kind.REASSIGNED)
    assert "PPID Utama" in event.note and event.actor == ppid_utama
    answer(info_request)
    with pytest.raises(services.InvalidTransition, match="Only open requests") as refused:
        services.reassign_request(info_request=reload(info_request), unit=utama, actor=ppid_utama)
    assert refused.value.code == "closed"


def test_exclusion_from_the_register_needs_a_reason_and_is_recorded_privately(register, ppid_utama):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError, match="Say why the request is withdrawn"):
        services.exclude_from_register(info_request=info_request, reason="", actor=ppid_utama)
    services.exclude_from_register(
        info_request=info_request, reason="Urusan pribadi pemohon.", actor=ppid_utama
    )
    info_request = reload(info_request)
    assert not info_request.in_public_register
    assert not InfoRequest.objects.public_register().filter(pk=info_request.pk).exists()
    assert info_request.events.get(kind=RequestEvent.Kind.REGISTER_HIDDEN).is_public is False


def test_a_new_access_code_replaces_the_old_one(register, ppid_utama):
    registration = register(received_on=D(2025, 6, 2))
    new_code = services.reset_access_code(info_request=registration.request, actor=ppid_utama)
    number = registration.request.number
    assert services.find_request(number, registration.access_code) is None
    assert services.find_request(number, new_code) == registration.request


# --- E-mails ------------------------------------------------------------------------


def test_requester_is_emailed_on_registration_extension_and_answer(register):
    registration = register(received_on=D(2025, 6, 2))
    info_request = registration.request
    sent = deliver("sri@example.org")
    assert len(sent) == 1
    assert info_request.number in sent[0].subject
    assert registration.access_code in sent[0].body
    services.change_request_status(info_request=info_request, to_status="in_process")
    services.change_request_status(
        info_request=info_request,
        to_status="extended",
        extension_days=4,
        extension_reason="Arsip di gudang.",
    )
    sent = deliver("sri@example.org")
    assert len(sent) == 2
    assert "Arsip di gudang." in sent[1].body
    answer(info_request, issued_on=D(2025, 6, 20))
    sent = deliver("sri@example.org")
    assert len(sent) == 3
    assert info_request.number in sent[2].subject


def test_no_email_without_an_address(register):
    info_request = register(requester=make_requester(email=""), received_on=D(2025, 6, 2)).request
    assert not info_request.messages.to_requester().exists()
    assert [m.to for m in deliver()] == [["ppid@desa-sedahkidul.example.org"]]  # the unit's own mailbox


def test_nothing_is_queued_when_the_transaction_rolls_back(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    before = OutboxMessage.objects.count()
    with pytest.raises(ValidationError, match="Say which material"):
        answer(info_request, decision="granted", materials="")
    assert OutboxMessage.objects.count() == before


def test_an_answered_request_shows_its_notice_even_when_looked_for_before(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    assert not hasattr(info_request, "notice")  # caches “no notice” on the instance
    answer(info_request, decision="granted")
    assert info_request.status == S.GRANTED and info_request.notice.decision == "granted"
