"""Local non-working days and the open deadlines they move."""

from django.db import transaction

from .. import deadlines, tallies
from ..deadlines import WorkingCalendar
from ..models import InfoRequest, Objection


@transaction.atomic
def recompute_open_deadlines(*, calendar=None):
    """Recompute the due dates of open requests and objections after the calendar changed.

    Returns how many requests changed.
    """
    calendar = calendar or WorkingCalendar.from_db()
    with tallies.open_requests_moving():
        changed = _move_open_deadlines(calendar)
    return changed


def _move_open_deadlines(calendar):
    changed = 0
    for info_request in InfoRequest.objects.open().select_for_update():
        first = calendar.add_working_days(info_request.received_on, deadlines.ANSWER_DAYS).due
        due = (
            calendar.add_working_days(first, info_request.extension_days).due
            if info_request.extension_days
            else first
        )
        if (first, due) != (info_request.original_due_on, info_request.due_on):
            info_request.original_due_on, info_request.due_on = first, due
            info_request.save(update_fields=["original_due_on", "due_on", "updated_at"])
            changed += 1
    for objection in Objection.objects.open().select_for_update():
        due = calendar.add_working_days(objection.filed_on, deadlines.OBJECTION_ANSWER_DAYS).due
        if due != objection.due_on:
            objection.due_on = due
            objection.save(update_fields=["due_on"])
    return changed


@transaction.atomic
def save_non_working_day(*, day):
    """Add or change a local non-working day and move the open deadlines it affects."""
    day.full_clean()
    day.save()
    return recompute_open_deadlines()


@transaction.atomic
def delete_non_working_day(*, day):
    """Remove a local non-working day and move the open deadlines it affected."""
    day.delete()
    return recompute_open_deadlines()
