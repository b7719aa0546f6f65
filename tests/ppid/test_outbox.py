"""The outbox's sending: a real mail server that is down or refusing, backoff, claims, attachments."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, transaction

from ppid import outbox
from ppid.models import MessageKind, OutboxMessage
from ppid.outbox import sending
from tests.concurrency import run_at_once

from .smtp_server import closed_port, use_smtp

T0 = datetime.datetime(2026, 3, 17, 8, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


def queue(to="sri@example.org", **fields):
    return outbox.queue_email(
        kind=fields.pop("kind", MessageKind.REGISTERED),
        to=to,
        subject=fields.pop("subject", "Permohonan Anda terdaftar"),
        body=fields.pop("body", "Nomor registrasi: PPID/2026/000001"),
        **fields,
    )


def queued_at(moment, **fields):
    message = queue(**fields)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=moment)
    return OutboxMessage.objects.get(pk=message.pk)


def reload(message):
    return OutboxMessage.objects.get(pk=message.pk)


# --- A real mail server ---------------------------------------------------------------


@pytest.mark.django_db
def test_a_message_survives_a_mail_server_that_is_down_and_goes_once_it_is_up(settings, smtp_server):
    mailbox, port = smtp_server
    message = queued_at(T0)
    use_smtp(settings, closed_port())
    run = outbox.send_due(now=T0)
    assert (run.sent, run.failed, run.given_up) == (0, 1, 0)
    message = reload(message)
    assert message.sent_at is None and message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    assert message.next_attempt_at == T0 + MINUTE
    # The server comes back; the message waits for its next attempt, then goes.
    use_smtp(settings, port)
    assert outbox.send_due(now=T0 + 30 * datetime.timedelta(seconds=1)).sent == 0
    assert outbox.send_due(now=T0 + MINUTE).sent == 1
    message = reload(message)
    assert message.sent_at == T0 + MINUTE and message.last_error == "" and message.next_attempt_at is None
    assert message.attempts == 2
    [(recipients, content)] = mailbox.received
    assert recipients == ["sri@example.org"] and "PPID/2026/000001" in content
    # Sent is sent: a later run sends nothing again.
    assert outbox.send_due(now=T0 + 60 * MINUTE).sent == 0 and len(mailbox.received) == 1


@pytest.mark.django_db
def test_a_refusing_mail_server_leaves_the_message_queued_with_its_reply(settings, smtp_server):
    mailbox, port = smtp_server
    use_smtp(settings, port)
    mailbox.refuse = "451 4.3.0 Mailbox busy, try again later"
    message = queued_at(T0)
    other = queued_at(T0, to="budi@example.org")
    assert outbox.send_due(now=T0).failed == 2
    message = reload(message)
    assert "SMTPRecipientsRefused" in message.last_error and "Mailbox busy" in message.last_error
    assert mailbox.received == []
    mailbox.refuse = ""
    assert outbox.send_due(now=T0 + MINUTE).sent == 2
    assert sorted(recipients[0] for recipients, _content in mailbox.received) == [
        "budi@example.org",
        "sri@example.org",
    ]
    assert reload(other).sent_at is not None


@pytest.mark.django_db
def test_an_attachment_is_made_when_the_message_is_sent(settings, smtp_server):
    mailbox, port = smtp_server
    use_smtp(settings, port)
    made = []

    @outbox.register_attachment("test-receipt")
    def receipt(ref):
        made.append(ref)
        return outbox.Attachment(f"tanda-bukti-{ref}.pdf", b"%PDF-1.7 test", "application/pdf")

    queued_at(T0, attachment_kind="test-receipt", attachment_ref=42)
    assert made == []  # nothing is made when the message is queued
    assert outbox.send_due(now=T0).sent == 1
    assert made == ["42"]
    [(_recipients, content)] = mailbox.received
    assert 'filename="tanda-bukti-42.pdf"' in content and "application/pdf" in content


@pytest.mark.django_db
def test_an_attachment_that_cannot_be_made_is_a_failed_attempt(settings):
    @outbox.register_attachment("test-broken")
    def broken(ref):
        raise RuntimeError("the notice has no letter number yet")

    message = queued_at(T0, attachment_kind="test-broken", attachment_ref=7)
    assert outbox.send_due(now=T0).failed == 1
    assert "the notice has no letter number yet" in reload(message).last_error
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_message_without_a_registered_attachment_kind_goes_without_one():
    queued_at(T0, attachment_kind="nobody-makes-this", attachment_ref=1)
    assert outbox.send_due(now=T0).sent == 1
    assert mail.outbox[0].attachments == []


# --- Retries and backoff ----------------------------------------------------------------


def test_backoff_doubles_from_one_minute_up_to_six_hours():
    waits = [outbox.backoff(attempt) for attempt in range(1, 13)]
    assert waits[:4] == [MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]
    assert waits[-1] == datetime.timedelta(hours=6)
    assert max(waits) == datetime.timedelta(seconds=outbox.BACKOFF_CAP_SECONDS)


@pytest.mark.django_db
def test_failed_attempts_wait_longer_each_time_then_stop_with_the_error_kept(settings):
    settings.EMAIL_BACKEND = "tests.ppid.test_outbox.DownBackend"
    message = queued_at(T0)
    now = T0
    for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
        assert outbox.send_due(now=now - datetime.timedelta(seconds=1)).failed == 0  # not yet due
        run = outbox.send_due(now=now)
        message = reload(message)
        assert message.attempts == attempt and message.last_attempt_at == now
        if attempt < outbox.MAX_ATTEMPTS:
            assert run.failed == 1 and message.next_attempt_at == now + outbox.backoff(attempt)
            now = message.next_attempt_at
    assert run.given_up == 1 and message.has_given_up
    assert message.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert outbox.send_due(now=now + datetime.timedelta(days=30)).failed == 0
    # An officer puts it back in line: it is tried at once.
    assert outbox.queue_again(OutboxMessage.objects.all(), now=now) == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.send_due(now=now).sent == 1


class DownBackend:
    """A mail backend whose server never answers."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")

    def close(self):
        pass


# --- Claims -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_claim_takes_a_lease_so_a_host_that_dies_mid_send_leaves_the_message_to_another():
    message = queued_at(T0)
    assert sending.claim(now=T0, limit=10) == [message.pk]
    # The claiming host dies before recording anything: nobody else takes it during the lease ...
    assert sending.claim(now=T0 + MINUTE, limit=10) == []
    # ... and once the lease has run out it is claimed (and counted) again.
    later = T0 + datetime.timedelta(seconds=sending.LEASE_SECONDS)
    assert sending.claim(now=later, limit=10) == [message.pk]
    assert reload(message).attempts == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="several hosts share a PostgreSQL database, never SQLite"
)
@pytest.mark.django_db(transaction=True)
def test_hosts_sending_at_once_send_every_message_exactly_once():
    for index in range(12):
        queued_at(T0, to=f"pemohon{index}@example.org")

    def host(_index):
        """One host's timer runs until it finds nothing to send (a claim that lost a race takes none)."""
        sent = 0
        for _round in range(10):
            run = outbox.send_due(now=T0, limit=5)
            sent += run.sent
            if not run.sent and not OutboxMessage.objects.unsent().exists():
                break
        return sent

    results, errors = run_at_once(host, threads=3)
    assert errors == []
    assert sum(results) == 12
    assert outbox.send_due(now=T0, limit=50).sent == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"pemohon{i}@example.org" for i in range(12))
    assert not OutboxMessage.objects.unsent().exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_claim_skips_messages_another_host_holds_locked():
    held = queued_at(T0)
    free = queued_at(T0, to="budi@example.org")
    locked, release = [], threading.Event()

    def hold(_index):
        with transaction.atomic():
            locked.append(OutboxMessage.objects.select_for_update().get(pk=held.pk).pk)
            release.wait(10)

    holder = threading.Thread(target=run_at_once, args=(hold,), kwargs={"threads": 1})
    holder.start()
    try:
        while not locked:
            release.wait(0.01)
        assert sending.claim(now=T0, limit=10) == [free.pk]
    finally:
        release.set()
        holder.join()
    assert sending.claim(now=T0, limit=10) == [held.pk]


# --- The command -------------------------------------------------------------------------


@pytest.mark.django_db
def test_send_outbox_sends_and_says_what_it_did(settings):
    from io import StringIO

    from django.core.management import call_command

    queued_at(T0)
    out = StringIO()
    call_command("send_outbox", "--now", "2026-03-17T15:00", stdout=out)
    assert out.getvalue().strip() == "Outbox: 1 sent, 0 failed (tried again later), 0 failed for good."
    settings.EMAIL_BACKEND = "tests.ppid.test_outbox.DownBackend"
    queued_at(T0)
    quiet = StringIO()
    call_command("send_outbox", "-v0", stdout=quiet)  # quiet, except when something failed
    assert "1 failed (tried again later)" in quiet.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["--now", "17-03-2026"], "--now must look like"), (["--limit", "0"], "--limit must be at least 1")],
)
def test_send_outbox_refuses_bad_arguments(arguments, message):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=message):
        call_command("send_outbox", *arguments)
