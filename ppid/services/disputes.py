"""The window for taking an objection to the Komisi Informasi (UU 14/2008 Pasal 37).

A requester unsatisfied with the atasan PPID's written answer may file a
dispute within 14 working days of that answer; when the atasan lets the 30
working days for answering run out, the 14 working days count from the last
of them. The days are counted on the working-day calendar of `ppid.deadlines`
(the day of the answer is day zero). A dispute filed after the window is still
recorded, marked as filed late: the Komisi Informasi decides whether to hear it.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .. import deadlines
from ..deadlines import Deadline, WorkingCalendar
from ..models import Objection


@dataclass(frozen=True)
class DisputeWindow:
    """From which day the 14 working days count, why, and the last day to file."""

    opens_on: datetime.date
    deadline: Deadline
    # True when the window opened because the atasan did not answer in time.
    unanswered: bool

    @property
    def ends_on(self):
        return self.deadline.due

    def is_open(self, today=None):
        return (today or timezone.localdate()) <= self.ends_on

    def is_late(self, filed_on):
        return filed_on > self.ends_on


def dispute_window(objection, calendar=None, today=None):
    """The objection's dispute window, or None while none has opened (or it was withdrawn).

    Decided objections count from the date of the written answer; an objection
    still unanswered after its 30 working days counts from its due date.
    """
    today = today or timezone.localdate()
    if objection.status in Objection.DECIDED_STATUSES:
        start, unanswered = objection.decided_on, False
    elif objection.status == Objection.Status.FILED and objection.due_on < today:
        start, unanswered = objection.due_on, True
    else:
        return None
    calendar = calendar or WorkingCalendar.from_db()
    return DisputeWindow(
        opens_on=start,
        deadline=calendar.add_working_days(start, deadlines.DISPUTE_FILING_DAYS),
        unanswered=unanswered,
    )


def mark_filing(dispute, calendar=None):
    """Set the dispute's last day to file and whether it was filed after it (on the unsaved row)."""
    window = dispute_window(dispute.objection, calendar, today=dispute.filed_on)
    dispute.window_ends_on = window.ends_on if window else None
    dispute.filed_late = bool(window and window.is_late(dispute.filed_on))
    return window
