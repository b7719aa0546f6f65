"""An upheld objection's obligation: created with the decision, walked through its table, counted when late."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ppid import services
from ppid.models import OBLIGATION_WORKFLOW, InfoRequest, MessageKind, Objection, Obligation, OutboxMessage
from tests.sample_files import pdf_bytes
from tests.workflow import walk_table

from .conftest import page_url

D = datetime.date


def _pdf():
    return SimpleUploadedFile("tanda-terima.pdf", pdf_bytes("Tanda terima"), content_type="application/pdf")


@pytest.fixture
def uphold(refused, ppid_utama, register):
    """uphold(**decision) -> the obligation of a newly upheld objection to a refused request."""

    def make(**decision):
        info_request = (
            refused if not Objection.objects.filter(request=refused).exists() else _another(register)
        )
        objection = services.file_objection(
            info_request=info_request, grounds={"a"}, statement="Saya keberatan.", filed_on=D(2025, 6, 16)
        )
        services.change_objection_status(
            objection=objection,
            to_status=Objection.Status.UPHELD,
            actor=ppid_utama,
            decision="Informasi wajib diberikan.",
            decided_on=D(2025, 7, 1),
            **decision,
        )
        return Obligation.objects.get(objection=objection)

    return make


def _another(register):
    from .conftest import answer, reload

    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
    return reload(info_request)


def test_upholding_creates_the_obligation_with_the_date_the_decision_sets(uphold):
    obligation = uphold(
        obligation_kind="hand_over", obligation_due_on=D(2025, 7, 8), obligation_order="Salinan"
    )
    assert (obligation.kind, obligation.due_on, obligation.order) == ("hand_over", D(2025, 7, 8), "Salinan")
    assert obligation.status == Obligation.Status.OPEN
    assert obligation.unit == obligation.objection.request.unit
    assert list(obligation.events.values_list("to_status", flat=True)) == ["open"]


def test_without_a_date_the_obligation_falls_due_ten_working_days_after_the_decision(uphold):
    # Decided Tue 1 Jul 2025; ten working days (no holidays in July 2025) end on Tue 15 Jul.
    assert uphold().due_on == D(2025, 7, 15)


def test_a_due_date_before_the_decision_is_refused_and_nothing_is_written(uphold):
    with pytest.raises(ValidationError, match="cannot fall due before") as refused:
        uphold(obligation_due_on=D(2025, 6, 30))
    assert "obligation_due_on" in refused.value.error_dict
    assert not Obligation.objects.exists()
    assert not Objection.objects.filter(status=Objection.Status.UPHELD).exists()


def test_rejecting_creates_no_obligation(refused, ppid_utama):
    objection = services.file_objection(
        info_request=refused, grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
    )
    services.change_objection_status(
        objection=objection,
        to_status="rejected",
        actor=ppid_utama,
        decision="Ditolak.",
        decided_on=D(2025, 7, 1),
    )
    assert not Obligation.objects.exists()


def test_obligation_table(uphold, ppid_utama):
    def move(obligation, to_status):
        return services.change_obligation_status(
            obligation=obligation,
            to_status=to_status,
            actor=ppid_utama,
            fulfilled_on=D(2025, 7, 7),
            document=_pdf(),
            note="Putusan Komisi Informasi Nomor 1/2025.",
        )

    tried = walk_table(OBLIGATION_WORKFLOW, create=uphold, move=move)
    assert tried == len(Obligation.Status) ** 2


def test_fulfilment_needs_its_date_and_document(uphold):
    obligation = uphold()
    with pytest.raises(ValidationError, match="Attach the document") as refused:
        services.change_obligation_status(
            obligation=obligation, to_status="fulfilled", fulfilled_on=D(2025, 7, 7), document=None
        )
    assert set(refused.value.error_dict) == {"document"}
    obligation.refresh_from_db()
    assert obligation.status == Obligation.Status.OPEN


def test_fulfilment_is_recorded_with_date_and_document(uphold):
    obligation = services.change_obligation_status(
        obligation=uphold(),
        to_status="fulfilled",
        fulfilled_on=D(2025, 7, 7),
        document=_pdf(),
        note="Diserahkan.",
    )
    assert obligation.fulfilled_on == D(2025, 7, 7) and obligation.fulfilment_document
    assert not obligation.fulfilled_late()


def test_late_obligations_are_counted_by_one_definition(uphold):
    # Due Tue 15 Jul 2025 each.
    on_time, late, open_past_due, cancelled = uphold(), uphold(), uphold(), uphold()
    services.change_obligation_status(
        obligation=on_time, to_status="fulfilled", fulfilled_on=D(2025, 7, 15), document=_pdf()
    )
    services.change_obligation_status(
        obligation=late, to_status="fulfilled", fulfilled_on=D(2025, 7, 16), document=_pdf()
    )
    services.change_obligation_status(obligation=cancelled, to_status="cancelled", note="Putusan KI.")
    year = {"first": D(2025, 1, 1), "last": D(2025, 12, 31)}
    assert set(services.late_obligations(**year)) == {late, open_past_due}
    assert services.count_late_obligations(**year) == 2
    # On its due date an open obligation is not late yet.
    assert services.count_late_obligations(first=D(2025, 7, 1), last=D(2025, 7, 15)) == 1
    assert services.count_late_obligations(first=D(2026, 1, 1), last=D(2026, 12, 31)) == 0
    # The statistics count the same obligations, from tallies kept in each move's transaction.
    from ppid import tallies
    from ppid.statistics.figures import figures_for_year

    assert tallies.stored_counts() == tallies.fresh_counts()
    assert figures_for_year(2025, today=D(2025, 12, 31)).late_obligations == 2
    assert figures_for_year(2025, today=D(2025, 7, 15)).late_obligations == 1  # open one not late yet
    assert figures_for_year(2025, today=D(2025, 12, 31)).as_dict()["late_obligations"] == 2


def test_officer_records_the_fulfilment_in_the_admin(client, uphold, officer_sedahkidul, officer_sumberrejo):
    obligation = uphold()
    url = reverse("admin:ppid_obligation_fulfil", args=[obligation.pk])
    client.force_login(officer_sumberrejo)
    assert client.get(reverse("admin:ppid_obligation_change", args=[obligation.pk])).status_code == 404
    client.force_login(officer_sedahkidul)
    page = client.get(reverse("admin:ppid_obligation_change", args=[obligation.pk])).content.decode()
    assert url in page
    response = client.post(url, {"fulfilled_on": "2025-07-07", "document": _pdf(), "note": "Diserahkan."})
    assert response.status_code == 302
    obligation.refresh_from_db()
    assert obligation.status == Obligation.Status.FULFILLED
    download = client.get(reverse("admin:ppid_obligation_document", args=[obligation.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_the_requester_is_told_when_the_obligation_is_carried_out(client, uphold, officer_sedahkidul):
    obligation = uphold()
    info_request = obligation.objection.request
    client.force_login(officer_sedahkidul)
    response = client.post(
        reverse("admin:ppid_obligation_fulfil", args=[obligation.pk]),
        {"fulfilled_on": "2025-07-07", "document": _pdf(), "note": "Salinan diserahkan di kantor desa."},
        follow=True,
    )
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["Pelaksanaan sudah dicatat. Pesan kepada pemohon: e-mail dalam antrean ke s…@e…."], shown
    [message] = OutboxMessage.objects.filter(kind=MessageKind.OBLIGATION_FULFILLED)
    assert message.to == info_request.requester_email and message.request == info_request
    assert obligation.objection.number in message.subject
    assert "7 Juli 2025" in message.body or "7 July 2025" in message.body
    assert "Salinan diserahkan di kantor desa." in message.body and "/ppid/permohonan/lacak/" in message.body
    cancelled = uphold()
    services.change_obligation_status(obligation=cancelled, to_status="cancelled", note="Putusan KI.")
    assert OutboxMessage.objects.filter(kind=MessageKind.OBLIGATION_FULFILLED).count() == 1


def test_a_phone_only_requester_is_reached_by_phone_after_the_fulfilment(client, uphold, officer_sedahkidul):
    obligation = uphold()
    InfoRequest.objects.filter(pk=obligation.objection.request_id).update(requester_email="")
    client.force_login(officer_sedahkidul)
    response = client.post(
        reverse("admin:ppid_obligation_fulfil", args=[obligation.pk]),
        {"fulfilled_on": "2025-07-07", "document": _pdf()},
        follow=True,
    )
    shown = " ".join(str(message) for message in response.context["messages"])
    assert shown == "Pelaksanaan sudah dicatat. Tidak ada alamat e-mail: hubungi pemohon lewat telepon."
    assert not OutboxMessage.objects.filter(kind=MessageKind.OBLIGATION_FULFILLED).exists()


def test_a_future_fulfilment_date_is_refused_next_to_the_field(client, uphold, officer_sedahkidul):
    obligation = uphold()
    client.force_login(officer_sedahkidul)
    response = client.post(
        reverse("admin:ppid_obligation_fulfil", args=[obligation.pk]),
        {"fulfilled_on": "2999-01-01", "document": _pdf()},
    )
    assert response.status_code == 200
    assert "fulfilled_on" in response.context["form"].errors


def test_obligations_are_reminded_like_requests_once_a_day(uphold, ppid_utama):
    from django.core import mail

    from .conftest import deliver

    ppid_utama.email = "ppid_utama@example.org"
    ppid_utama.save()
    obligation = uphold()  # due Tue 15 Jul 2025
    deliver()  # the decision's e-mail to the requester
    mail.outbox.clear()
    assert services.send_due_reminders(today=D(2025, 7, 10)).obligations == 0  # 3 working days ahead
    run = services.send_due_reminders(today=D(2025, 7, 14))
    assert run.obligations == 1 and run.emails == 2
    sent = deliver()
    assert {tuple(m.to) for m in sent} == {
        ("ppid_utama@example.org",),
        ("ppid@desa-sedahkidul.example.org",),
    }
    assert obligation.objection.number in sent[0].body
    assert reverse("admin:ppid_obligation_change", args=[obligation.pk]) in sent[0].body
    assert services.send_due_reminders(today=D(2025, 7, 14)).obligations == 0
    assert services.send_due_reminders(today=D(2025, 7, 16)).obligations == 1  # overdue: every day


def test_the_decision_form_asks_what_an_upheld_objection_orders(client, refused, ppid_utama):
    objection = services.file_objection(
        info_request=refused, grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
    )
    client.force_login(ppid_utama)
    url = reverse("admin:ppid_objection_decide", args=[objection.pk])
    decision = {
        "status": "upheld",
        "decision": "Berikan.",
        "decided_on": "2025-07-01",
        "decided_by_position": "Sekda",
    }
    response = client.post(url, {**decision, "obligation_kind": "hand_over"})
    assert response.status_code == 200 and "obligation_due_on" in response.context["form"].errors
    response = client.post(
        url, {**decision, "obligation_kind": "hand_over", "obligation_due_on": "2025-06-30"}
    )
    assert "obligation_due_on" in response.context["form"].errors
    objection.refresh_from_db()
    assert objection.is_open and not Obligation.objects.exists()
    # A rejection needs no order.
    response = client.post(url, {**decision, "status": "rejected"})
    assert response.status_code == 302 and not Obligation.objects.exists()


def test_the_requester_sees_the_obligation_on_the_tracking_page(client, uphold):
    obligation = uphold(obligation_due_on=D(2025, 7, 8), obligation_order="Serahkan salinan APB Desa.")
    info_request = obligation.objection.request
    code = services.reset_access_code(info_request=info_request, actor=None)
    response = client.post(page_url("ppid:track"), {"number": info_request.number, "code": code}, follow=True)
    page = response.content.decode()
    assert "Serahkan salinan APB Desa." in page and "8 Juli 2025" in page
    # Past its date and not recorded as done: the page says so.
    assert "belum mencatatnya" in page
