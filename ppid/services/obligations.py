"""Obligations from upheld objections: created with the decision, fulfilled with a date and document.

An obligation's status changes only through `OBLIGATION_WORKFLOW`. It is
created inside the transaction that upholds the objection, so an upheld
objection never lacks its obligation. `count_late_obligations` is the one
definition of a late obligation that reports and statistics use.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import deadlines, notifications, tallies
from ..deadlines import WorkingCalendar
from ..models import OBLIGATION_WORKFLOW, Obligation


def default_kind(objection):
    """Re-decide when the request was never answered (ground c), otherwise hand the information over."""
    return Obligation.Kind.REDECIDE if objection.request.is_open else Obligation.Kind.HAND_OVER


def default_due_on(decided_on, calendar=None):
    """The due date used when the decision names none: `OBLIGATION_DEFAULT_DAYS` working days on."""
    calendar = calendar or WorkingCalendar.from_db()
    return calendar.add_working_days(decided_on, deadlines.OBLIGATION_DEFAULT_DAYS).due


def check_order(*, decided_on, due_on):
    """Refuse a due date before the decision that sets it."""
    if due_on is not None and due_on < decided_on:
        raise ValidationError(
            {"obligation_due_on": _("The obligation cannot fall due before the decision that orders it.")}
        )


def create_obligation(*, objection, kind=None, due_on=None, order="", actor=None):
    """The obligation an upheld objection puts on the request's unit, with its first history row.

    Called by `change_objection_status` inside its transaction.
    """
    obligation = Obligation.objects.create(
        objection=objection,
        unit_id=objection.request.unit_id,
        kind=kind or default_kind(objection),
        order=(order or "").strip(),
        due_on=due_on or default_due_on(objection.decided_on),
        created_by=actor,
        is_sample=objection.is_sample,
    )
    OBLIGATION_WORKFLOW.begin(obligation, actor=actor)
    return obligation


def _fulfil(fulfilled_on, document, note):
    def apply(current):
        errors = {}
        if fulfilled_on is None:
            errors["fulfilled_on"] = _("Give the date the obligation was carried out.")
        elif fulfilled_on > timezone.localdate():
            errors["fulfilled_on"] = _("The date cannot be in the future.")
        elif fulfilled_on < current.objection.decided_on:
            errors["fulfilled_on"] = _("The obligation cannot be carried out before the decision.")
        if not document:
            errors["document"] = _("Attach the document that shows it was carried out.")
        if errors:
            raise ValidationError(errors)
        current.fulfilled_on = fulfilled_on
        current.fulfilment_document = document
        current.fulfilment_note = (note or "").strip()
        return ["fulfilled_on", "fulfilment_document", "fulfilment_note"]

    return apply


def _cancel(note):
    def apply(current):
        if not (note or "").strip():
            raise ValidationError({"note": _("Say which decision overturned the objection's decision.")})
        return ()

    return apply


@transaction.atomic
def change_obligation_status(*, obligation, to_status, actor=None, fulfilled_on=None, document=None, note=""):
    """Record that an obligation was carried out (date and document) or cancelled (with the reason).

    A fulfilment is told to the requester in the same transaction (outbox).
    Returns `obligation`, refreshed. Nothing is written when a check fails.
    """
    to_status = Obligation.Status(to_status)
    apply = (
        _fulfil(fulfilled_on, document, note) if to_status == Obligation.Status.FULFILLED else _cancel(note)
    )
    with tallies.moving(obligation.objection.request_id):
        OBLIGATION_WORKFLOW.transition(
            obligation,
            to_status,
            actor=actor,
            note=note,
            apply=apply,
            select_related=("objection",),
        )
    obligation.refresh_from_db()
    if to_status == Obligation.Status.FULFILLED:
        notifications.obligation_fulfilled(obligation)
    return obligation


def late_obligations(*, first, last, queryset=None):
    """Obligations due between `first` and `last` that were carried out late or are still open past
    their due date at `last`; cancelled ones never count."""
    queryset = Obligation.objects.all() if queryset is None else queryset
    return queryset.late(first=first, last=last)


def count_late_obligations(*, first, last, queryset=None):
    """How many obligations due in [first, last] are late (see `late_obligations`); one query."""
    return late_obligations(first=first, last=last, queryset=queryset).count()
