"""Sending what the outbox holds: claim, send, record; retried with exponential backoff.

A run claims up to `limit` due messages in one short transaction
(``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so hosts running at the
same time never claim the same message; SQLite takes its write lock for the
transaction and so runs one claim at a time). A claim counts one attempt and
moves the message's next attempt a lease ahead (`LEASE_SECONDS`), so a host
that dies while sending leaves the message to be tried again when the lease
ends rather than lost. Each message is then sent outside any transaction and
its outcome recorded: the time it was sent, or the error and the time of the
next attempt, ``BACKOFF_BASE_SECONDS × 2^(attempts − 1)`` later, at most
`BACKOFF_CAP_SECONDS`. After `MAX_ATTEMPTS` the message is kept with its last
error and no next attempt; an officer can queue it again from the admin.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import OutboxMessage
from .attachments import resolve_attachment

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 60
BACKOFF_CAP_SECONDS = 6 * 60 * 60
# 12 attempts with the delays above span about two days.
MAX_ATTEMPTS = 12
LEASE_SECONDS = 10 * 60
ERROR_LENGTH = 1000


@dataclass(frozen=True)
class SendRun:
    sent: int
    failed: int
    given_up: int


def backoff(attempts):
    """The wait after the `attempts`-th failed attempt."""
    seconds = BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, BACKOFF_CAP_SECONDS))


def claim(*, now, limit):
    """Claim up to `limit` due messages for this host; returns their primary keys.

    PostgreSQL skips rows another host has locked. Each claim is also a
    compare-and-set on the attempt count, so where rows cannot be locked
    (SQLite) two hosts reading the same messages never both claim one.
    """
    with transaction.atomic():
        seen = list(
            OutboxMessage.objects.due(now)
            .select_for_update(skip_locked=True)
            .values_list("pk", "attempts")[:limit]
        )
        ids = [
            pk
            for pk, attempts in seen
            if OutboxMessage.objects.filter(pk=pk, attempts=attempts, sent_at__isnull=True).update(
                attempts=F("attempts") + 1,
                last_attempt_at=now,
                next_attempt_at=now + datetime.timedelta(seconds=LEASE_SECONDS),
            )
        ]
    return ids


def _email(message, connection):
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        connection=connection,
    )
    attachment = resolve_attachment(message.attachment_kind, message.attachment_ref)
    if attachment is not None:
        email.attach(attachment.filename, attachment.content, attachment.mimetype)
    return email


def _deliver(message, connection):
    """None when the message was handed to the mail server, else the error as one line."""
    try:
        if _email(message, connection).send() != 1:
            return "The mail server did not accept the message."
    except Exception as error:
        _reset(connection)
        return f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
    return None


def _reset(connection):
    """Drop a connection left half-open by an error, so the next message starts afresh."""
    try:
        connection.close()
    except Exception:
        logger.debug("outbox: closing a failed mail connection raised", exc_info=True)


def _record(pk, error, *, now):
    messages = OutboxMessage.objects.filter(pk=pk)
    if error is None:
        messages.update(sent_at=now, next_attempt_at=None, last_error="")
        return "sent"
    attempts = messages.values_list("attempts", flat=True).get()
    retry_at = now + backoff(attempts) if attempts < MAX_ATTEMPTS else None
    messages.update(last_error=error, next_attempt_at=retry_at)
    logger.warning("outbox: message %s failed (attempt %s): %s", pk, attempts, error)
    return "failed" if retry_at else "given_up"


def send_due(*, now=None, limit=200, connection=None):
    """Send the messages that are due; returns how many were sent, failed and given up.

    `now` fixes the clock (tests, `--now`); otherwise each step reads it afresh.
    """
    clock = (lambda: now) if now is not None else timezone.now
    ids = claim(now=clock(), limit=limit)
    counts = {"sent": 0, "failed": 0, "given_up": 0}
    if not ids:
        return SendRun(**counts)
    connection = connection or get_connection(fail_silently=False)
    try:
        for message in OutboxMessage.objects.filter(pk__in=ids).order_by("pk"):
            counts[_record(message.pk, _deliver(message, connection), now=clock())] += 1
    finally:
        _reset(connection)
    return SendRun(**counts)


def queue_again(messages, *, now=None):
    """Put unsent messages back in line to be tried at once; returns how many.

    The attempts already made stay counted: one that has used them all is
    tried once more and kept again with its error if that fails too.
    """
    return messages.filter(sent_at__isnull=True).update(next_attempt_at=now or timezone.now())
