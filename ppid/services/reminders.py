"""Daily reminders to officers about requests that fall due soon or are overdue.

The reminders of a day are claimed and their digests queued in the outbox in
one transaction: a run that fails leaves neither claims nor messages, and a
claimed reminder always has its message (`send_outbox` sends it).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import deadlines, notifications
from ..deadlines import WorkingCalendar
from ..models import InfoRequest, ReminderSent


@dataclass(frozen=True)
class ReminderRun:
    due_soon: int
    overdue: int
    already_sent: int
    emails: int  # digests queued in the outbox


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
    overdue = sum(1 for _request, kind in claimed if kind == ReminderSent.Kind.OVERDUE)
    return ReminderRun(due_soon=len(claimed) - overdue, overdue=overdue, already_sent=already, emails=emails)
