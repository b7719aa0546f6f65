"""The outbox of the information service: queue a message in the change's transaction, send it later.

- `queue`: `queue_email(...)`, called inside the transaction of the change it reports;
- `sending`: `send_due(...)`, run every minute by `manage.py send_outbox`, with
  retries and exponential backoff, safe on several hosts at once;
- `attachments`: `register_attachment(kind, make)`, for files made when the
  message is sent (the receipt PDF);
- `channels`: what the admin says happened on each channel, and the phone links
  offered for a requester without an e-mail address.
"""

from .attachments import Attachment, register_attachment, resolve_attachment
from .queue import queue_email
from .sending import (
    BACKOFF_BASE_SECONDS,
    BACKOFF_CAP_SECONDS,
    MAX_ATTEMPTS,
    SendRun,
    backoff,
    claim,
    queue_again,
    send_due,
)

__all__ = [
    "BACKOFF_BASE_SECONDS",
    "BACKOFF_CAP_SECONDS",
    "MAX_ATTEMPTS",
    "Attachment",
    "SendRun",
    "backoff",
    "claim",
    "queue_again",
    "queue_email",
    "register_attachment",
    "resolve_attachment",
    "send_due",
]
