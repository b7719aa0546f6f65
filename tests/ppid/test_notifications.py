"""Every message is queued in the transaction of the change it reports, to the right people."""

import datetime

import pytest
from django.db import connection, transaction

from ppid import services
from ppid.models import MessageKind, NotificationPreference, OutboxMessage

from .conftest import answer, deliver, make_requester, reload

D = datetime.date
K = MessageKind
FILED_ON = D(2025, 6, 20)


class Undo(Exception):
    pass


def _file(info_request):
    return services.file_objection(
        info_request=info_request, grounds={"a"}, statement="Saya keberatan.", filed_on=FILED_ON
    )


def _obligation_due(refused):
    """An upheld objection's obligation falls due: the daily run reminds its officers."""
    services.change_objection_status(
        objection=_file(refused),
        to_status="upheld",
        decision="Berikan salinannya.",
        decided_on=D(2025, 7, 1),
        obligation_due_on=D(2025, 7, 3),
    )
    return lambda: services.send_due_reminders(today=D(2025, 7, 2))


def _prepare(act, register, refused):
    """The state each act starts from, and the act itself."""
    if act == "registered":
        return lambda: register(received_on=D(2025, 6, 2))
    if act == "code_reissued":
        info_request = register(received_on=D(2025, 6, 2)).request
        return lambda: services.reset_access_code(info_request=info_request, actor=None)
    if act == "extended":
        info_request = register(received_on=D(2025, 6, 2)).request
        services.change_request_status(info_request=info_request, to_status="in_process")
        return lambda: services.change_request_status(
            info_request=info_request,
            to_status="extended",
            extension_days=3,
            extension_reason="Arsip di gudang.",
        )
    if act == "answered":
        info_request = register(received_on=D(2025, 6, 2)).request
        return lambda: answer(info_request, issued_on=D(2025, 6, 4))
    if act == "objection_filed":
        return lambda: _file(refused)
    if act == "objection_decided":
        objection = _file(refused)
        return lambda: services.change_objection_status(
            objection=objection, to_status="upheld", decision="Berikan salinannya.", decided_on=D(2025, 7, 1)
        )
    if act == "reminder":
        register(received_on=D(2025, 5, 2))
        return lambda: services.send_due_reminders(today=D(2025, 6, 16))
    if act == "obligation_due":
        return _obligation_due(refused)
    if act == "obligation_fulfilled":
        return _obligation_fulfilled(refused)
    raise AssertionError(act)


def _obligation_fulfilled(refused):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.sample_files import pdf_bytes

    objection = _file(refused)
    services.change_objection_status(
        objection=objection, to_status="upheld", decision="Berikan salinannya.", decided_on=D(2025, 7, 1)
    )
    document = SimpleUploadedFile(
        "serah-terima.pdf", pdf_bytes("Serah terima"), content_type="application/pdf"
    )
    return lambda: services.change_obligation_status(
        obligation=objection.obligation, to_status="fulfilled", fulfilled_on=D(2025, 7, 7), document=document
    )


ACTS = {
    "registered": {K.REGISTERED, K.NEW_REQUEST},
    "code_reissued": {K.CODE_REISSUED},
    "extended": {K.EXTENDED},
    "answered": {K.ANSWERED},
    "objection_filed": {K.OBJECTION_FILED, K.NEW_OBJECTION},
    "objection_decided": {K.OBJECTION_DECIDED},
    "reminder": {K.REMINDER},
    "obligation_due": {K.OBLIGATION_DUE},
    "obligation_fulfilled": {K.OBLIGATION_FULFILLED},
}


def _new_kinds(before):
    return set(OutboxMessage.objects.exclude(pk__in=before).values_list("kind", flat=True))


@pytest.mark.parametrize("act", sorted(ACTS))
def test_every_message_is_queued_in_the_transaction_of_its_change(act, register, refused):
    run = _prepare(act, register, refused)
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    with pytest.raises(Undo, match="rolled back"), transaction.atomic():
        run()
        assert _new_kinds(before) == ACTS[act]  # written inside the transaction ...
        raise Undo("rolled back")
    assert _new_kinds(before) == set()  # ... and gone with it
    run()
    assert _new_kinds(before) == ACTS[act]


def test_every_message_kind_is_covered():
    assert set().union(*ACTS.values()) == set(MessageKind)


def test_a_new_request_reaches_the_officers_of_its_unit_at_once(
    register, officer_sedahkidul, officer_sumberrejo, ppid_utama
):
    for user, address in [
        (officer_sedahkidul, "sekdes@sedahkidul.example.org"),
        (officer_sumberrejo, "sekdes@sumberrejo.example.org"),
        (ppid_utama, "utama@example.org"),
    ]:
        user.email = address
        user.save()
    info_request = register(received_on=D(2025, 6, 2)).request
    addresses = set(OutboxMessage.objects.filter(kind=K.NEW_REQUEST).values_list("to", flat=True))
    assert addresses == {"ppid@desa-sedahkidul.example.org", "sekdes@sedahkidul.example.org"}
    [sent] = deliver("sekdes@sedahkidul.example.org")
    assert info_request.number in sent.subject
    body = sent.body
    assert f"/admin/ppid/inforequest/{info_request.pk}/change/" in body
    message = OutboxMessage.objects.get(kind=K.NEW_REQUEST, to="sekdes@sedahkidul.example.org")
    assert message.recipient_user == officer_sedahkidul and message.unit == info_request.unit


def test_a_regency_unit_request_reaches_the_ppid_utama(register, utama, ppid_utama):
    ppid_utama.email = "utama-officer@example.org"
    ppid_utama.save()
    register(unit=utama, received_on=D(2025, 6, 2))
    addresses = set(OutboxMessage.objects.filter(kind=K.NEW_REQUEST).values_list("to", flat=True))
    assert addresses == {"ppid-utama@example.org", "utama-officer@example.org"}


def test_a_new_objection_reaches_the_officers_of_the_request_unit(refused, officer_sedahkidul):
    officer_sedahkidul.email = "sekdes@sedahkidul.example.org"
    officer_sedahkidul.save()
    objection = _file(refused)
    message = OutboxMessage.objects.get(kind=K.NEW_OBJECTION, to="sekdes@sedahkidul.example.org")
    assert message.objection == objection and objection.number in message.subject
    assert f"/admin/ppid/objection/{objection.pk}/change/" in message.body


def test_an_officer_who_switched_a_kind_off_gets_none_of_it(register, refused, officer_sedahkidul):
    officer_sedahkidul.email = "sekdes@sedahkidul.example.org"
    officer_sedahkidul.save()
    NotificationPreference.objects.create(user=officer_sedahkidul, new_request=False, due_soon=False)
    register(received_on=D(2025, 6, 2))  # due Wed 18 Jun: due soon on Mon 16 Jun
    overdue = register(received_on=D(2025, 5, 2)).request
    _file(refused)  # new objections stay on
    to_officer = OutboxMessage.objects.filter(to="sekdes@sedahkidul.example.org")
    assert set(to_officer.values_list("kind", flat=True)) == {K.NEW_OBJECTION}
    # The unit's own mailbox has no switches.
    assert (
        OutboxMessage.objects.filter(kind=K.NEW_REQUEST, to="ppid@desa-sedahkidul.example.org").count() == 3
    )
    services.send_due_reminders(today=D(2025, 6, 16))
    digest = to_officer.get(kind=K.REMINDER)
    assert overdue.number in digest.body and digest.subject.startswith("PPID: 1 ")
    unit_digest = OutboxMessage.objects.get(kind=K.REMINDER, to="ppid@desa-sedahkidul.example.org")
    assert unit_digest.subject.startswith("PPID: 2 ")


def test_an_officer_with_every_reminder_off_gets_no_digest(register, officer_sedahkidul):
    officer_sedahkidul.email = "sekdes@sedahkidul.example.org"
    officer_sedahkidul.save()
    NotificationPreference.objects.create(user=officer_sedahkidul, due_soon=False, overdue=False)
    register(received_on=D(2025, 5, 2))
    services.send_due_reminders(today=D(2025, 6, 16))
    assert not OutboxMessage.objects.filter(kind=K.REMINDER, to="sekdes@sedahkidul.example.org").exists()


def test_obligation_reminders_respect_the_switch(refused, officer_sedahkidul):
    officer_sedahkidul.email = "sekdes@sedahkidul.example.org"
    officer_sedahkidul.save()
    _obligation_due(refused)()

    def reminded():
        return set(OutboxMessage.objects.filter(kind=K.OBLIGATION_DUE).values_list("to", flat=True))

    assert reminded() == {"ppid@desa-sedahkidul.example.org", "sekdes@sedahkidul.example.org"}
    OutboxMessage.objects.all().delete()
    NotificationPreference.objects.create(user=officer_sedahkidul, obligation_due=False)
    services.send_due_reminders(today=D(2025, 7, 3))
    assert reminded() == {"ppid@desa-sedahkidul.example.org"}


def test_links_in_messages_are_absolute(register, settings):
    settings.SITE_URL = "https://portal.example.go.id"
    registration = register(received_on=D(2025, 6, 2))
    message = registration.request.messages.get(kind=K.REGISTERED)
    assert "https://portal.example.go.id/ppid/permohonan/lacak/" in message.body
    officer = registration.request.messages.get(kind=K.NEW_REQUEST)
    assert (
        f"https://portal.example.go.id/admin/ppid/inforequest/{registration.request.pk}/change/"
        in officer.body
    )


def test_the_access_code_is_stored_encrypted(register):
    registration = register(received_on=D(2025, 6, 2))
    message = registration.request.messages.get(kind=K.REGISTERED)
    assert registration.access_code in message.body
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM ppid_outboxmessage WHERE id = %s", [message.pk])
        [(stored,)] = cursor.fetchall()
    assert stored and registration.access_code not in stored


def test_the_registration_message_asks_for_the_receipt_attachment(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    message = info_request.messages.get(kind=K.REGISTERED)
    assert (message.attachment_kind, message.attachment_ref) == ("receipt", str(info_request.pk))


def test_a_phone_only_requester_gets_no_e_mail(register):
    info_request = register(requester=make_requester(email=""), received_on=D(2025, 6, 2)).request
    assert not info_request.messages.to_requester().exists()


def test_anonymising_a_request_deletes_its_requester_messages(register):
    info_request = register(received_on=D(2025, 5, 2)).request
    answer(info_request, issued_on=D(2025, 5, 5))
    assert info_request.messages.to_requester().count() == 2
    services.anonymise_request(info_request=reload(info_request))
    assert not info_request.messages.to_requester().exists()
    assert info_request.messages.filter(kind=K.NEW_REQUEST).exists()


def test_the_audit_trail_keeps_no_message_text(register):
    from auditlog.models import LogEntry

    registration = register(received_on=D(2025, 6, 2))
    logged = " ".join(str(entry.changes) for entry in LogEntry.objects.all())
    assert registration.access_code not in logged
