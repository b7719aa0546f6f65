"""Daily reminders to officers about requests and obligations that fall due soon or are overdue.

Obligations from upheld objections are reminded like requests: within 2
working days of their due date and every day once they are overdue.

The reminders of a day are claimed and their digests queued in the outbox in
one transaction: a run that fails leaves neither claims nor messages, and a
claimed reminder always has its message (`send_outbox` sends it).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import deadlines, notifications
from ..deadlines import WorkingCalendar
from ..models import InfoRequest, Obligation, ReminderSent


@dataclass(frozen=True)
class ReminderRun:
    due_soon: int
    overdue: int
    already_sent: int
    emails: int  # digests queued in the outbox
    obligations: int = 0


@transaction.atomic
def send_due_reminders(*, today=None, calendar=None):
    """Queue e-mails to officers about open requests due within 2 working days and overdue ones.

    Safe to run on several hosts at once: each request is claimed by inserting
    its ReminderSent row for the day (unique per request and day) in the same
    transaction as the digest that reports it, and a host that loses the race
    skips the request.
    """
    today = today or timezone.localdate()
    calendar = calendar or WorkingCalendar.from_db()
    horizon = calendar.add_working_days(today, deadlines.REMINDER_HORIZON_DAYS).due
    candidates = list(
        InfoRequest.objects.open()
        .filter(due_on__lte=horizon)
        .exclude(reminders__sent_on=today)
        .select_related("unit__village")
        .order_by("due_on", "pk")
    )
    claimed, already = [], 0
    for info_request in candidates:
        kind = ReminderSent.Kind.OVERDUE if info_request.due_on < today else ReminderSent.Kind.DUE_SOON
        try:
            with transaction.atomic():
                ReminderSent.objects.create(request=info_request, sent_on=today, kind=kind)
        except IntegrityError:
            already += 1
            continue
        claimed.append((info_request, kind))
    emails = notifications.reminder_digests(claimed, today=today) if claimed else 0
    obligations = _claim_obligations(today, horizon)
    if obligations:
        emails += notifications.obligation_digests(obligations, today=today)
    overdue = sum(1 for _request, kind in claimed if kind == ReminderSent.Kind.OVERDUE)
    return ReminderRun(
        due_soon=len(claimed) - overdue,
        overdue=overdue,
        already_sent=already,
        emails=emails,
        obligations=len(obligations),
    )


def _claim_obligations(today, horizon):
    """Open obligations due by `horizon` not yet reminded today, each claimed by one UPDATE.

    The UPDATE only succeeds on the host that moves ``reminded_on`` to today, so
    hosts running at once remind each obligation once.
    """
    candidates = list(
        Obligation.objects.open()
        .filter(due_on__lte=horizon)
        .exclude(reminded_on=today)
        .select_related("unit", "objection__request")
        .order_by("due_on", "pk")
    )
    claimed = []
    for obligation in candidates:
        if Obligation.objects.filter(pk=obligation.pk).exclude(reminded_on=today).update(reminded_on=today):
            claimed.append((obligation, obligation.due_on < today))
    return claimed
