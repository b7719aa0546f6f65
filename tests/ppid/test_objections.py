"""Objections to the atasan PPID and disputes at the Komisi Informasi, through the services."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ppid import services
from ppid.models import Dispute, InfoRequest, Objection

from .conftest import answer, deliver, reload

D = datetime.date
S = InfoRequest.Status


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
    with pytest.raises(ValidationError, match="do not apply to this request: a"):
        _file(info_request, grounds=("a",), filed_on=D(2025, 6, 20))
    objection = _file(info_request, grounds=("c",), filed_on=D(2025, 6, 20))
    assert objection.ground_arose_on == D(2025, 6, 18)


def test_ground_g_only_when_the_answer_was_late(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, issued_on=D(2025, 6, 11))
    with pytest.raises(ValidationError, match="do not apply to this request: g"):
        _file(reload(info_request), grounds=("g",))
    late = register(received_on=D(2025, 6, 2)).request
    answer(late, issued_on=D(2025, 6, 19))  # due Wed 18 Jun
    assert _file(reload(late), grounds=("g",)).grounds == ["g"]


def test_only_one_objection_awaits_an_answer_at_a_time(refused):
    _file(refused)
    with pytest.raises(ValidationError, match="already"):
        _file(refused, grounds=("d",))
    assert refused.objections.count() == 1


def test_decision_records_the_atasan_and_emails_the_requester(refused, ppid_utama):
    objection = _file(refused)
    deliver()
    mail.outbox.clear()
    services.change_objection_status(
        objection=objection, to_status="upheld", actor=ppid_utama, decision="Informasi **wajib** diberikan.",
        decided_on=D(2025, 7, 1),
    )  # fmt: skip
    objection.refresh_from_db()
    assert objection.decided_by_position == "Kepala Desa Sedahkidul"
    assert "<strong>wajib</strong>" in objection.decision_html
    sent = deliver()
    assert len(sent) == 1 and objection.number in sent[0].subject and sent[0].to == ["sri@example.org"]


def test_ground_a_cannot_be_settled_by_deliberation(refused, ppid_utama):
    objection = _file(refused, grounds=("a", "d"))
    with pytest.raises(ValidationError, match="musyawarah"):
        services.change_objection_status(
            objection=objection, to_status="settled", actor=ppid_utama, decision="Damai."
        )


def test_a_decision_needs_the_written_answer(refused, ppid_utama):
    objection = _file(refused)
    with pytest.raises(ValidationError, match="Write the atasan's answer"):
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
    with pytest.raises(ValidationError, match="Give the outcome together with the date"):
        services.save_dispute(dispute=dispute)  # an outcome is needed with the date
    dispute.outcome = Dispute.Outcome.GRANTED
    services.save_dispute(dispute=dispute)
    assert Dispute.objects.get().stage == "decided"
