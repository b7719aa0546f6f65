"""Registering a request, moving it through its statuses and answering it.

Every status change goes through `REQUEST_WORKFLOW` (the workflow kit): the
row is locked, the move is checked against `InfoRequest.TRANSITIONS`, the
rules below (extension days, the written notice, a withdrawal's reason) run on
the locked row, a `RequestEvent` is written and the requester's e-mail is
queued in the outbox in the same transaction (`ppid.notifications`). Functions take keyword-only arguments and raise a
`ValidationError` with a translated message when a move is not allowed;
nothing is written then.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.workflow import InvalidTransition

from .. import access_codes, deadlines, notifications, tallies
from ..deadlines import WorkingCalendar
from ..models import REQUEST_WORKFLOW, AnswerDocument, InfoRequest, RequestChannel, WrittenNotice
from .numbers import REQUEST_SERIES, draw_number, format_number

Status = InfoRequest.Status


@dataclass
class Requester:
    """The person or body filing a request, as given on the form."""

    name: str
    kind: str = InfoRequest.RequesterKind.PERSON
    nik: str = ""
    entity_decree: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    occupation: str = ""
    identity_scan: object = None
    is_proxy: bool = False
    proxy_letter: object = None


@dataclass(frozen=True)
class Registration:
    request: InfoRequest
    # The only moment the plain access code exists: show it once, e-mail it, forget it.
    access_code: str


def _requester_fields(requester):
    fields = {
        "requester_kind": requester.kind,
        "requester_name": requester.name.strip(),
        "requester_nik": requester.nik,
        "requester_entity_decree": requester.entity_decree,
        "requester_address": requester.address,
        "requester_phone": requester.phone,
        "requester_email": requester.email,
        "requester_occupation": requester.occupation,
        "is_proxy": requester.is_proxy,
    }
    if requester.identity_scan:
        fields["requester_identity_scan"] = requester.identity_scan
    if requester.proxy_letter:
        fields["requester_proxy_letter"] = requester.proxy_letter
    return fields


def _check_registration(unit, received_on, today):
    if received_on > today:
        raise ValidationError({"received_on": _("The date received cannot be in the future.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit no longer accepts requests.")})


@transaction.atomic
def register_request(
    *,
    unit,
    requester,
    information_requested,
    purpose,
    obtain_method,
    delivery_method,
    channel=RequestChannel.ONLINE,
    received_on=None,
    language="id",
    actor=None,
    calendar=None,
):
    """Register a request: number, access code, deadline and the first history row.

    Messages queued in the same transaction: the requester's e-mail with the
    number and code (when an address was given) and the unit's officers' notice.
    """
    today = timezone.localdate()
    received_on = received_on or today
    _check_registration(unit, received_on, today)
    calendar = calendar or WorkingCalendar.from_db()
    due = calendar.add_working_days(received_on, deadlines.ANSWER_DAYS).due
    year = received_on.year
    sequence = draw_number(series=REQUEST_SERIES, year=year)
    code = access_codes.generate()
    info_request = InfoRequest(
        number=format_number(REQUEST_SERIES, year, sequence),
        year=year,
        sequence=sequence,
        unit=unit,
        channel=channel,
        received_on=received_on,
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
        language=language,
        original_due_on=due,
        due_on=due,
        access_code_hash=access_codes.hash_code(code),
        created_by=actor,
        **_requester_fields(requester),
    )
    info_request.save()
    tallies.added(info_request.pk)
    REQUEST_WORKFLOW.begin(
        info_request,
        actor=actor,
        note=_("Received via: %(channel)s.") % {"channel": info_request.get_channel_display()},
    )
    notifications.request_registered(info_request, code)
    notifications.new_request(info_request)
    return Registration(info_request, code)


def lock_request(info_request):
    """The request's row, locked until the transaction ends, with its unit."""
    return InfoRequest.objects.select_for_update().select_related("unit").get(pk=info_request.pk)


def _extend(current, *, days, reason, calendar):
    if not reason.strip():
        raise ValidationError(
            {"extension_reason": _("An extension needs a written reason (UU 14/2008 Pasal 22(8)).")}
        )
    if days is None or not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
        raise ValidationError({"extension_days": _("An extension is between 1 and 7 working days.")})
    current.extension_days = days
    current.extension_reason = reason.strip()
    current.due_on = calendar.add_working_days(current.original_due_on, days).due
    return ["extension_days", "extension_reason", "due_on"]


def _answer(current, *, decision, calendar, now):
    notice = WrittenNotice.objects.filter(request=current).first()
    if notice is None or notice.decision != decision:
        raise ValidationError(_("An answer needs its written notice with the same decision."))
    current.answered_on = notice.issued_on
    current.working_days_taken = calendar.working_days_between(current.received_on, notice.issued_on)
    current.closed_at = now
    return ["answered_on", "working_days_taken", "closed_at"]


def _withdraw(current, *, note, now):
    if not note.strip():
        raise ValidationError({"note": _("Say who withdrew the request and why.")})
    current.closed_at = now
    return ["closed_at"]


def _notify_requester(current, entry):
    if entry.to_status == Status.EXTENDED:
        notifications.request_extended(current)
    elif entry.to_status in InfoRequest.ANSWERED_STATUSES:
        notifications.request_answered(current)


@transaction.atomic
def change_request_status(
    *,
    info_request,
    to_status,
    actor=None,
    note="",
    extension_days=None,
    extension_reason="",
    calendar=None,
    now=None,
):
    """Move a request to another status and record it in its history.

    - EXTENDED needs 1–7 working days and a written reason; the due date moves
      that many working days past the first due date (once only: the table has
      no way back to IN_PROCESS).
    - GRANTED / PARTLY_GRANTED / REFUSED need the written notice first (use
      `answer_request`); the answer date and working days taken are recorded.
    - WITHDRAWN needs a note saying who withdrew it and why.

    Returns `info_request`, refreshed. Queued in the same transaction: the
    requester's e-mail on extension and answer.
    """
    to_status = Status(to_status)
    now = now or timezone.now()
    calendar = calendar or WorkingCalendar.from_db()

    def apply(current):
        if to_status == Status.EXTENDED:
            return _extend(current, days=extension_days, reason=extension_reason, calendar=calendar)
        if to_status in InfoRequest.ANSWERED_STATUSES:
            return _answer(current, decision=to_status, calendar=calendar, now=now)
        if to_status == Status.WITHDRAWN:
            return _withdraw(current, note=note, now=now)
        return ()

    if to_status == Status.EXTENDED and not note.strip():
        note = extension_reason
    with tallies.moving(info_request.pk):
        entry = REQUEST_WORKFLOW.transition(
            info_request,
            to_status,
            actor=actor,
            note=note,
            at=now,
            apply=apply,
            select_related=("unit",),
        )
    # Also drops relations cached before the move (the written notice, the unit).
    info_request.refresh_from_db()
    _notify_requester(info_request, entry)
    return info_request


def _written_notice(current, notice_fields):
    notice_fields.setdefault("issued_on", timezone.localdate())
    notice = WrittenNotice(request=current, **notice_fields)
    if notice.issued_on < current.received_on:
        raise ValidationError({"issued_on": _("The notice cannot be dated before the request was received.")})
    if notice.issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The notice cannot be dated in the future.")})
    if notice.decision != WrittenNotice.Decision.REFUSED:
        notice.refusal_reason = ""
    if notice.refusal_reason == WrittenNotice.RefusalReason.NOT_HELD:
        notice.information_held = False
    notice.full_clean(exclude=["request"])
    notice.save()
    return notice


@transaction.atomic
def answer_request(*, info_request, actor=None, documents=(), calendar=None, **notice_fields):
    """Record the written notice (Pasal 22(7)) and move the request to its decision.

    `notice_fields` are the WrittenNotice fields (decision, materials, …). Each
    item of `documents` is a (title, file) pair kept in private storage.
    The requester's e-mail is queued with the answer (see change_request_status).
    """
    current = lock_request(info_request)
    if current.status not in InfoRequest.OPEN_STATUSES:
        raise InvalidTransition(_("This request has already been closed."), code="closed")
    notice = _written_notice(current, notice_fields)
    for title, upload in documents:
        document = AnswerDocument(notice=notice, title=title or upload.name, document=upload)
        document.full_clean(exclude=["notice"])
        document.save()
    return change_request_status(
        info_request=info_request, to_status=notice.decision, actor=actor, note="", calendar=calendar
    )
