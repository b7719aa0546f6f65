"""Objections to the atasan PPID (keberatan) and disputes at the Komisi Informasi.

An objection's status changes only through `OBJECTION_WORKFLOW` (the
workflow kit); this module keeps the law's own rules: the 30-working-day
filing window, which grounds fit a request, the atasan's written answer and
that ground a cannot be settled by deliberation.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import deadlines, notifications, tallies
from ..deadlines import WorkingCalendar
from ..models import (
    GROUND_FIELDS,
    OBJECTION_WORKFLOW,
    SETTLEABLE_GROUNDS,
    Dispute,
    InfoRequest,
    Objection,
    RequestChannel,
)
from . import disputes, obligations
from .numbers import OBJECTION_SERIES, draw_number, format_number
from .requests import lock_request


def objection_window(info_request, calendar):
    """(date the ground arose, last day to file) or None when no ground has arisen yet.

    An answered request's grounds arise on the date of the written notice; an
    unanswered one's (ground c, not answered) on its due date.
    """
    if info_request.status == InfoRequest.Status.WITHDRAWN:
        return None
    if info_request.is_answered:
        arose = info_request.answered_on
    elif info_request.is_overdue():
        arose = info_request.due_on
    else:
        return None
    return arose, calendar.add_working_days(arose, deadlines.OBJECTION_FILING_DAYS).due


def allowed_grounds(info_request):
    """The Pasal 35(1) letters that can apply to a request in its present state."""
    if info_request.is_answered:
        letters = set("bdef")
        notice = getattr(info_request, "notice", None)
        if notice and notice.exemption_ground:
            letters.add("a")
        if info_request.answered_late():
            letters.add("g")
        return letters
    if info_request.is_open and info_request.is_overdue():
        return set("bce")
    return set()


def _check_filing(current, grounds, filed_on, calendar):
    """The date the ground arose, or ValidationError when the objection cannot be filed."""
    if not grounds:
        raise ValidationError({"grounds": _("Choose at least one ground.")})
    window = objection_window(current, calendar)
    if window is None:
        raise ValidationError(
            _(
                "An objection can be filed once the request has been answered or its deadline (%(due)s) has passed."
            )
            % {"due": current.due_on.strftime("%d-%m-%Y")}
        )
    arose, last_day = window
    if filed_on > last_day:
        raise ValidationError(
            _("The 30 working days for an objection ended on %(date)s.")
            % {"date": last_day.strftime("%d-%m-%Y")},
            code="window_closed",
        )
    unfit = grounds - allowed_grounds(current)
    if unfit:
        raise ValidationError(
            {
                "grounds": _("These grounds do not apply to this request: %(letters)s.")
                % {"letters": ", ".join(sorted(unfit))}
            }
        )
    if current.objections.filter(status=Objection.Status.FILED).exists():
        raise ValidationError(_("This request already has an objection awaiting an answer."))
    return arose


@transaction.atomic
def file_objection(
    *,
    info_request,
    grounds,
    statement,
    channel=RequestChannel.ONLINE,
    filed_on=None,
    actor=None,
    calendar=None,
):
    """Register an objection to the atasan PPID; its answer falls due in 30 working days.

    Refused (nothing written) when no ground has arisen yet, the 30-working-day
    filing window has closed, a ground does not fit the request, or another
    objection is still awaiting an answer.
    Queued in the same transaction: the confirmation to the requester and the
    notice to the officers of the request's unit.
    """
    current = lock_request(info_request)
    calendar = calendar or WorkingCalendar.from_db()
    filed_on = filed_on or timezone.localdate()
    grounds = set(grounds)
    arose = _check_filing(current, grounds, filed_on, calendar)
    year = filed_on.year
    sequence = draw_number(series=OBJECTION_SERIES, year=year)
    objection = Objection(
        number=format_number(OBJECTION_SERIES, year, sequence),
        year=year,
        sequence=sequence,
        request=current,
        channel=channel,
        statement=statement.strip(),
        filed_on=filed_on,
        ground_arose_on=arose,
        due_on=calendar.add_working_days(filed_on, deadlines.OBJECTION_ANSWER_DAYS).due,
        created_by=actor,
        **{GROUND_FIELDS[letter]: True for letter in grounds},
    )
    with tallies.moving(current.pk):
        objection.save()
    OBJECTION_WORKFLOW.begin(objection, actor=actor)
    notifications.objection_filed(objection)
    notifications.new_objection(objection)
    return objection


def _decide(
    current, to_status, *, decision, decided_on, decided_by_name, decided_by_position, obligation_due_on=None
):
    if not decision.strip():
        raise ValidationError({"decision": _("Write the atasan's answer.")})
    if to_status == Objection.Status.SETTLED and not set(current.grounds) <= SETTLEABLE_GROUNDS:
        raise ValidationError(_("Ground a cannot be settled by deliberation (musyawarah)."))
    decided_on = decided_on or timezone.localdate()
    if decided_on < current.filed_on:
        raise ValidationError({"decided_on": _("The answer cannot come before the objection was filed.")})
    if to_status == Objection.Status.UPHELD:
        obligations.check_order(decided_on=decided_on, due_on=obligation_due_on)
    unit = current.request.unit
    current.decision = decision.strip()
    current.decided_on = decided_on
    current.decided_by_name = unit.atasan_name if decided_by_name is None else decided_by_name
    current.decided_by_position = unit.atasan_position if decided_by_position is None else decided_by_position
    return ["decision", "decision_html", "decided_on", "decided_by_name", "decided_by_position"]


def _notify_decision(current, entry):
    if entry.to_status in Objection.DECIDED_STATUSES:
        notifications.objection_decided(current)


@transaction.atomic
def change_objection_status(
    *,
    objection,
    to_status,
    actor=None,
    decision="",
    decided_on=None,
    decided_by_name=None,
    decided_by_position=None,
    note="",
    obligation_kind=None,
    obligation_due_on=None,
    obligation_order="",
):
    """Decide (uphold, reject, settle) or withdraw an objection, with a history row.

    A decision needs the atasan's written answer; the atasan defaults to the
    unit's. Settling by deliberation is not possible for ground a. Upholding
    creates the unit's `Obligation` (hand over, or decide again) due on the
    date the decision sets (`obligation_due_on`; `OBLIGATION_DEFAULT_DAYS`
    working days when it sets none). The request's retention period counts
    again from this last act.
    Returns `objection`, refreshed. Queued in the same transaction: the
    decision's e-mail to the requester.
    """
    to_status = Objection.Status(to_status)

    def apply(current):
        if to_status in Objection.DECIDED_STATUSES:
            return _decide(
                current,
                to_status,
                decision=decision,
                decided_on=decided_on,
                decided_by_name=decided_by_name,
                decided_by_position=decided_by_position,
                obligation_due_on=obligation_due_on,
            )
        if to_status == Objection.Status.WITHDRAWN and not note.strip():
            raise ValidationError({"note": _("Say who withdrew the objection and why.")})
        return ()

    with tallies.moving(objection.request_id):
        entry = OBJECTION_WORKFLOW.transition(
            objection,
            to_status,
            actor=actor,
            note=note,
            apply=apply,
            select_related=("request__unit",),
        )
        if to_status == Objection.Status.UPHELD:
            ordered = {"kind": obligation_kind, "due_on": obligation_due_on, "order": obligation_order}
            obligations.create_obligation(objection=objection, actor=actor, **ordered)
    InfoRequest.objects.filter(pk=objection.request_id, closed_at__isnull=False).update(
        closed_at=timezone.now()
    )
    objection.refresh_from_db()
    _notify_decision(objection, entry)
    return objection


@transaction.atomic
def save_dispute(*, dispute, calendar=None):
    """Record a dispute or its progress; a decided dispute restarts the retention clock.

    The Pasal 37 window is checked against the filing date: a dispute filed
    after its 14 working days is saved with ``filed_late`` set, never refused.
    """
    dispute.full_clean()
    disputes.mark_filing(dispute, calendar)
    previous = Dispute.objects.filter(pk=dispute.pk).values_list("objection__request_id", flat=True).first()
    with tallies.moving(previous, dispute.objection.request_id):
        dispute.save()
    if dispute.decided_on:
        InfoRequest.objects.filter(pk=dispute.objection.request_id, closed_at__isnull=False).update(
            closed_at=timezone.now()
        )
    return dispute
