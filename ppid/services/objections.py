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
    Side effects after commit: confirmation e-mail to the requester.
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
    if current.requester_email:
        transaction.on_commit(lambda: notifications.objection_filed(objection))
    return objection


def _decide(current, to_status, *, decision, decided_on, decided_by_name, decided_by_position):
    if not decision.strip():
        raise ValidationError({"decision": _("Write the atasan's answer.")})
    if to_status == Objection.Status.SETTLED and not set(current.grounds) <= SETTLEABLE_GROUNDS:
        raise ValidationError(_("Ground a cannot be settled by deliberation (musyawarah)."))
    decided_on = decided_on or timezone.localdate()
    if decided_on < current.filed_on:
        raise ValidationError({"decided_on": _("The answer cannot come before the objection was filed.")})
    unit = current.request.unit
    current.decision = decision.strip()
    current.decided_on = decided_on
    current.decided_by_name = unit.atasan_name if decided_by_name is None else decided_by_name
    current.decided_by_position = unit.atasan_position if decided_by_position is None else decided_by_position
    return ["decision", "decision_html", "decided_on", "decided_by_name", "decided_by_position"]


def _notify_decision(current, entry):
    if entry.to_status in Objection.DECIDED_STATUSES and current.request.requester_email:
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
):
    """Decide (uphold, reject, settle) or withdraw an objection, with a history row.

    A decision needs the atasan's written answer; the atasan defaults to the
    unit's. Settling by deliberation is not possible for ground a. The
    request's retention period counts again from this last act.
    Returns `objection`, refreshed. Side effects after commit: the requester
    is e-mailed the decision.
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
            )
        if to_status == Objection.Status.WITHDRAWN and not note.strip():
            raise ValidationError({"note": _("Say who withdrew the objection and why.")})
        return ()

    with tallies.moving(objection.request_id):
        OBJECTION_WORKFLOW.transition(
            objection,
            to_status,
            actor=actor,
            note=note,
            apply=apply,
            after_commit=[_notify_decision],
            select_related=("request__unit",),
        )
    InfoRequest.objects.filter(pk=objection.request_id, closed_at__isnull=False).update(
        closed_at=timezone.now()
    )
    objection.refresh_from_db()
    return objection


@transaction.atomic
def save_dispute(*, dispute):
    """Record a dispute or its progress; a decided dispute restarts the retention clock."""
    dispute.full_clean()
    previous = Dispute.objects.filter(pk=dispute.pk).values_list("objection__request_id", flat=True).first()
    with tallies.moving(previous, dispute.objection.request_id):
        dispute.save()
    if dispute.decided_on:
        InfoRequest.objects.filter(pk=dispute.objection.request_id, closed_at__isnull=False).update(
            closed_at=timezone.now()
        )
    return dispute
