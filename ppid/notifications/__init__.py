"""The messages of the public-information service, written to the outbox.

Every function here queues its e-mail in the outbox (`ppid.outbox`) and must
be called inside the transaction of the change it reports: the message
commits or rolls back with the change, and `manage.py send_outbox` sends it.
Nothing here talks to a mail server.

- `requester`: registered (with the access code), new access code, extended,
  answered, objection filed, objection decided, obligation carried out;
- `officers`: a new request or objection (at once, to the officers of its
  unit), the daily digests of requests and of obligations from upheld
  objections due soon or overdue, and `notify_unit_officers` for any other
  officer message.

Bodies are plain text rendered from ``templates/ppid/email/`` in the
recipient's language, with absolute links (`ppid.links.absolute_url`).
Officers can switch each kind of officer message off for themselves
(`NotificationPreference`); the unit's own mailbox always receives them.
"""

from .officers import (
    new_objection,
    new_request,
    notify_unit_officers,
    obligation_digests,
    reminder_digests,
    unit_officers,
)
from .requester import (
    objection_decided,
    objection_filed,
    obligation_fulfilled,
    request_answered,
    request_extended,
    request_registered,
)

__all__ = [
    "new_objection",
    "new_request",
    "notify_unit_officers",
    "objection_decided",
    "objection_filed",
    "obligation_digests",
    "obligation_fulfilled",
    "reminder_digests",
    "request_answered",
    "request_extended",
    "request_registered",
    "unit_officers",
]
