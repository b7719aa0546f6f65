"""Writing a message to the outbox, inside the caller's transaction."""

from django.utils import timezone

from ..models import OutboxMessage


def queue_email(
    *,
    kind,
    to,
    subject,
    body,
    language="id",
    unit=None,
    request=None,
    objection=None,
    recipient_user=None,
    attachment_kind="",
    attachment_ref="",
):
    """Queue one e-mail; it is sent by `send_outbox` once the transaction has committed.

    Call it inside the transaction of the change the message reports: a
    rollback removes the message with the change. Returns the OutboxMessage.
    """
    return OutboxMessage.objects.create(
        kind=kind,
        to=to,
        subject=subject[:250],
        body=body,
        language=language,
        unit=unit,
        request=request,
        objection=objection,
        recipient_user=recipient_user,
        attachment_kind=attachment_kind,
        attachment_ref=str(attachment_ref) if attachment_ref else "",
        next_attempt_at=timezone.now(),
    )
