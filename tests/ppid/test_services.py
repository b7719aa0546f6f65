"""The write side: the three state machines walked in full, e-mails, surveys, reminders and retention."""

import datetime
import itertools

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ppid import services
from ppid.models import (
    DipCategory,
    DipItem,
    Dispute,
    InfoRequest,
    Objection,
    ReminderSent,
    RequestEvent,
    SurveyResponse,
    WrittenNotice,
)

from .conftest import VALID_NIK, answer, make_requester, reload

D = datetime.date
S = InfoRequest.Status


def move(info_request, to_status):
    """Make one move through the services, with what each move needs."""
    if to_status in InfoRequest.ANSWERED_STATUSES:
        return answer(info_request, decision=to_status)
    if to_status == S.EXTENDED:
        return services.change_request_status(
            info_request=info_request,
            to_status=to_status,
            extension_days=3,
            extension_reason="Arsip masih dicari.",
        )
    if to_status == S.WITHDRAWN:
        return services.change_request_status(
            info_request=info_request, to_status=to_status, note="Dicabut pemohon."
        )
    return services.change_request_status(info_request=info_request, to_status=to_status)


# How to reach each status from a fresh registration.
PATHS = {
    S.REGISTERED: [],
    S.IN_PROCESS: [S.IN_PROCESS],
    S.EXTENDED: [S.IN_PROCESS, S.EXTENDED],
    S.GRANTED: [S.IN_PROCESS, S.GRANTED],
    S.PARTLY_GRANTED: [S.IN_PROCESS, S.PARTLY_GRANTED],
    S.REFUSED: [S.IN_PROCESS, S.REFUSED],
    S.WITHDRAWN: [S.WITHDRAWN],
}


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S, S)))
def test_request_transition_table(register, source, target):
    info_request = register(received_on=D(2025, 6, 2)).request
    for step in PATHS[source]:
        move(info_request, step)
    assert reload(info_request).status == source
    events_before = RequestEvent.objects.filter(request=info_request).count()
    if target in InfoRequest.TRANSITIONS[source]:
        move(info_request, target)
        assert reload(info_request).status == target
        event = RequestEvent.objects.filter(request=info_request).latest("pk")
        assert (event.from_status, event.to_status) == (source, target)
    else:
        with pytest.raises(ValidationError):
            move(info_request, target)
        assert reload(info_request).status == source
        assert RequestEvent.objects.filter(request=info_request).count() == events_before


def test_registration_writes_the_first_history_row_and_stores_the_requester(register):
    info_request = reload(register(received_on=D(2025, 6, 2)).request)
    assert info_request.status == S.REGISTERED
    assert info_request.requester_initials == "S. W."
    assert info_request.requester_nik == VALID_NIK
    event = info_request.events.get()
    assert (event.from_status, event.to_status) == ("", S.REGISTERED)


def test_a_request_cannot_be_received_in_the_future(register):
    with pytest.raises(ValidationError):
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
    with pytest.raises(ValidationError) as error:
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
    with pytest.raises(ValidationError):
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
    with pytest.raises(services.InvalidTransition):
        services.reassign_request(info_request=reload(info_request), unit=utama, actor=ppid_utama)


def test_exclusion_from_the_register_needs_a_reason_and_is_recorded_privately(register, ppid_utama):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError):
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


def test_requester_is_emailed_on_registration_extension_and_answer(
    register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(received_on=D(2025, 6, 2))
    info_request = registration.request
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sri@example.org"]
    assert info_request.number in mail.outbox[0].subject
    assert registration.access_code in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.change_request_status(info_request=info_request, to_status="in_process")
        services.change_request_status(
            info_request=info_request,
            to_status="extended",
            extension_days=4,
            extension_reason="Arsip di gudang.",
        )
    assert len(mail.outbox) == 2
    assert "Arsip di gudang." in mail.outbox[1].body
    with django_capture_on_commit_callbacks(execute=True):
        answer(info_request, issued_on=D(2025, 6, 20))
    assert len(mail.outbox) == 3
    assert info_request.number in mail.outbox[2].subject


def test_no_email_without_an_address(register, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(requester=make_requester(email=""), received_on=D(2025, 6, 2))
    assert mail.outbox == []


def test_nothing_is_sent_when_the_transaction_rolls_back(register, django_capture_on_commit_callbacks):
    info_request = register(received_on=D(2025, 6, 2)).request
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        answer(info_request, decision="granted", materials="")
    assert callbacks == [] and mail.outbox == []


# --- Objections -----------------------------------------------------------------------


@pytest.fixture
def refused(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
    return reload(info_request)


FILED_ON = D(2025, 6, 20)


def _file(info_request, grounds=("a",), filed_on=FILED_ON):
    return services.file_objection(
        info_request=info_request, grounds=set(grounds), statement="Saya keberatan.", filed_on=filed_on
    )


def test_objection_gets_a_number_and_an_answer_due_date(refused):
    objection = _file(refused)
    assert objection.number == "KEB/2025/000001"
    assert objection.ground_arose_on == D(2025, 6, 11)
    assert objection.grounds == ["a"]
    assert objection.events.get().to_status == Objection.Status.FILED


def test_objection_before_any_ground_arose_is_refused(register):
    info_request = register(received_on=timezone.localdate()).request
    with pytest.raises(ValidationError, match="deadline"):
        _file(info_request, grounds=("c",), filed_on=timezone.localdate())


def test_unanswered_overdue_request_can_be_objected_on_ground_c(register):
    # Received Mon 2 Jun 2025: Tue 3 (1), Wed 4 (2), Thu 5 (3), [Fri 6 Idul Adha,
    # weekend, Mon 9 cuti], Tue 10 (4) … Tue 17 (9), Wed 18 Jun (10).
    info_request = register(received_on=D(2025, 6, 2)).request
    assert info_request.due_on == D(2025, 6, 18)
    with pytest.raises(ValidationError):
        _file(info_request, grounds=("a",), filed_on=D(2025, 6, 20))
    objection = _file(info_request, grounds=("c",), filed_on=D(2025, 6, 20))
    assert objection.ground_arose_on == D(2025, 6, 18)


def test_ground_g_only_when_the_answer_was_late(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, issued_on=D(2025, 6, 11))
    with pytest.raises(ValidationError, match="g"):
        _file(reload(info_request), grounds=("g",))
    late = register(received_on=D(2025, 6, 2)).request
    answer(late, issued_on=D(2025, 6, 19))  # due Wed 18 Jun
    assert _file(reload(late), grounds=("g",)).grounds == ["g"]


def test_only_one_objection_awaits_an_answer_at_a_time(refused):
    _file(refused)
    with pytest.raises(ValidationError, match="already"):
        _file(refused, grounds=("d",))
    assert refused.objections.count() == 1


@pytest.mark.parametrize(("source", "target"), list(itertools.product(Objection.Status, Objection.Status)))
def test_objection_transition_table(refused, ppid_utama, source, target):
    settling = Objection.Status.SETTLED in (source, target)
    objection = _file(refused, grounds=("d",) if settling else ("a", "d"))
    if source != Objection.Status.FILED:
        services.change_objection_status(
            objection=objection, to_status=source, actor=ppid_utama, decision="Jawaban.", note="Dicabut."
        )
    if target in Objection.TRANSITIONS[source]:
        services.change_objection_status(
            objection=objection,
            to_status=target,
            actor=ppid_utama,
            decision="Jawaban atasan.",
            note="Dicabut.",
        )
        assert Objection.objects.get(pk=objection.pk).status == target
    else:
        with pytest.raises(ValidationError):
            services.change_objection_status(
                objection=objection,
                to_status=target,
                actor=ppid_utama,
                decision="Jawaban atasan.",
                note="Dicabut.",
            )
        assert Objection.objects.get(pk=objection.pk).status == source


def test_decision_records_the_atasan_and_emails_the_requester(
    refused, ppid_utama, django_capture_on_commit_callbacks
):
    objection = _file(refused)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_objection_status(
            objection=objection, to_status="upheld", actor=ppid_utama, decision="Informasi **wajib** diberikan.",
            decided_on=D(2025, 7, 1),
        )  # fmt: skip
    objection.refresh_from_db()
    assert objection.decided_by_position == "Kepala Desa Sedahkidul"
    assert "<strong>wajib</strong>" in objection.decision_html
    assert len(mail.outbox) == 1 and objection.number in mail.outbox[0].subject


def test_ground_a_cannot_be_settled_by_deliberation(refused, ppid_utama):
    objection = _file(refused, grounds=("a", "d"))
    with pytest.raises(ValidationError, match="musyawarah"):
        services.change_objection_status(
            objection=objection, to_status="settled", actor=ppid_utama, decision="Damai."
        )


def test_a_decision_needs_the_written_answer(refused, ppid_utama):
    objection = _file(refused)
    with pytest.raises(ValidationError):
        services.change_objection_status(
            objection=objection, to_status="rejected", actor=ppid_utama, decision=""
        )
    assert Objection.objects.get(pk=objection.pk).status == Objection.Status.FILED


def test_dispute_is_recorded_with_dates_and_outcome(refused, ppid_utama):
    objection = _file(refused)
    services.change_objection_status(
        objection=objection,
        to_status="rejected",
        actor=ppid_utama,
        decision="Ditolak.",
        decided_on=D(2025, 7, 1),
    )
    dispute = Dispute(
        objection=objection, commission="Komisi Informasi Provinsi Jawa Timur", filed_on=D(2025, 7, 10)
    )
    services.save_dispute(dispute=dispute)
    dispute.decided_on = D(2025, 12, 1)
    with pytest.raises(ValidationError):
        services.save_dispute(dispute=dispute)  # an outcome is needed with the date
    dispute.outcome = Dispute.Outcome.GRANTED
    services.save_dispute(dispute=dispute)
    assert Dispute.objects.get().stage == "decided"


# --- Survey ----------------------------------------------------------------------------

SCORES = {f"q{i}": 4 for i in range(1, 10)}


def test_survey_is_taken_once_after_an_answer(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError):
        services.submit_survey(info_request=info_request, scores=SCORES)
    answer(info_request)
    services.submit_survey(info_request=reload(info_request), scores=SCORES)
    with pytest.raises(ValidationError):
        services.submit_survey(info_request=reload(info_request), scores=SCORES)
    assert SurveyResponse.objects.count() == 1


def test_survey_scores_outside_one_to_four_are_refused(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request)
    with pytest.raises(ValidationError):
        services.submit_survey(info_request=reload(info_request), scores={**SCORES, "q3": 5})
    assert not SurveyResponse.objects.exists()


# --- DIP --------------------------------------------------------------------------------


def _item(unit, **fields):
    values = {
        "unit": unit,
        "category": DipCategory.BERKALA,
        "title": "APB Desa 2025",
        "holding_official": "Kaur Keuangan",
        "responsible_person": "Kepala Desa",
        "year": 2025,
        "retention_period": "5 tahun",
    }
    values.update(fields)
    return DipItem.objects.create(**values)


@pytest.mark.parametrize(("source", "target"), list(itertools.product(DipItem.Status, DipItem.Status)))
def test_dip_transition_table(unit_sedahkidul, source, target):
    item = _item(unit_sedahkidul)
    path = {"draft": [], "published": ["published"], "withdrawn": ["published", "withdrawn"]}[source]
    for step in path:
        services.change_dip_status(item=item, to_status=step, note="Alasan.")
    if target in DipItem.TRANSITIONS[source]:
        services.change_dip_status(item=item, to_status=target, note="Alasan.")
        assert DipItem.objects.get(pk=item.pk).status == target
        assert item.events.latest("pk").to_status == target
    else:
        with pytest.raises(ValidationError):
            services.change_dip_status(item=item, to_status=target, note="Alasan.")
        assert DipItem.objects.get(pk=item.pk).status == source


def test_withdrawing_a_dip_item_needs_a_reason(unit_sedahkidul):
    item = _item(unit_sedahkidul)
    services.change_dip_status(item=item, to_status="published")
    with pytest.raises(ValidationError):
        services.change_dip_status(item=item, to_status="withdrawn", note="")


def test_a_new_document_version_keeps_the_old_one(unit_sedahkidul):
    item = _item(unit_sedahkidul)
    first = services.add_dip_version(item=item, link="https://desa.example/apbdes-v1.pdf", note="Awal")
    second = services.add_dip_version(item=item, link="https://desa.example/apbdes-v2.pdf", note="Koreksi")
    assert (first.number, second.number) == (1, 2)
    assert list(item.versions.order_by("number").values_list("link", flat=True)) == [
        "https://desa.example/apbdes-v1.pdf",
        "https://desa.example/apbdes-v2.pdf",
    ]
    assert item.current_version == second


def test_exempt_items_have_no_document(unit_sedahkidul):
    item = _item(
        unit_sedahkidul, category=DipCategory.DIKECUALIKAN, exemption_ground="h", consequence_test="Rahasia pribadi.",
        exempt_until=D(2030, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.add_dip_version(item=item, link="https://desa.example/data.pdf")


def test_exempt_items_are_flagged_for_review_when_the_period_ends(unit_sedahkidul):
    ended = _item(
        unit_sedahkidul,
        category="dikecualikan",
        exemption_ground="i",
        consequence_test="Memo.",
        exempt_until=D(2025, 1, 1),
    )
    running = _item(
        unit_sedahkidul,
        category="dikecualikan",
        exemption_ground="h",
        consequence_test="Data.",
        exempt_until=D(2030, 1, 1),
    )
    assert list(DipItem.objects.exemption_ended(today=D(2025, 6, 1))) == [ended]
    assert ended.exemption_ended(today=D(2025, 1, 1)) and not running.exemption_ended(today=D(2025, 6, 1))


# --- Reminders ---------------------------------------------------------------------------


def test_reminders_go_once_a_day_to_the_village_officer_and_the_ppid_utama(
    register, officer_sedahkidul, ppid_utama, django_capture_on_commit_callbacks
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
    run = services.send_due_reminders(today=D(2025, 6, 16))
    assert (run.due_soon, run.overdue, run.already_sent) == (1, 1, 0)
    by_address = {message.to[0]: message.body for message in mail.outbox}
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
    assert (again.due_soon, again.overdue, again.emails) == (0, 0, 0) and mail.outbox == []
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
