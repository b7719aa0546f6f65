"""Write-side workflows of the public-information service.

Every status of a request, an objection or a DIP item changes here and only
here, through one function per state machine that checks the move against the
model's TRANSITIONS table, writes a history row and, after the transaction
commits, sends the e-mails the move calls for. Registration numbers are drawn
from a per-year counter row locked for the duration of the transaction, so two
requests filed at the same moment on two servers never share a number.

Functions take keyword-only arguments and raise `django.core.exceptions.ValidationError`
with a translated message when a move is not allowed; nothing is written then.
"""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access_codes, deadlines, notifications
from .deadlines import WorkingCalendar
from .models import (
    GROUND_FIELDS,
    SETTLEABLE_GROUNDS,
    AnswerDocument,
    DipDocumentVersion,
    DipItem,
    DipItemEvent,
    Dispute,
    InfoRequest,
    Objection,
    ObjectionEvent,
    RegistrationCounter,
    ReminderSent,
    RequestChannel,
    RequestEvent,
    SurveyResponse,
    WrittenNotice,
)

logger = logging.getLogger(__name__)

REQUEST_SERIES = "PPID"
OBJECTION_SERIES = "KEB"
NUMBER_RE = re.compile(r"^\s*(PPID|KEB)[\s/\-]*(\d{4})[\s/\-]*(\d{1,9})\s*$", re.IGNORECASE)
# What a requester's name becomes when the retention period has passed.
ANONYMISED_NAME = "—"


class InvalidTransition(ValidationError):
    """A status move that the state machine does not allow."""


def format_number(series, year, sequence):
    return f"{series}/{year}/{sequence:06d}"


def normalise_number(text):
    """“ppid-2026-123”, “PPID/2026/000123” → “PPID/2026/000123”; None when it cannot be one."""
    match = NUMBER_RE.match(text or "")
    if not match:
        return None
    series, year, sequence = match.groups()
    return format_number(series.upper(), int(year), int(sequence))


def draw_number(*, series, year):
    """The next number of a series in a year. Must run inside the caller's transaction.

    The counter row is locked with SELECT … FOR UPDATE until the caller commits,
    so concurrent registrations queue on it instead of reading the same value.
    On SQLite the whole write transaction is serialised (BEGIN IMMEDIATE).
    """
    counter = RegistrationCounter.objects.select_for_update().filter(series=series, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                RegistrationCounter.objects.create(series=series, year=year, last_number=0)
        except IntegrityError:
            pass  # another process created it first; lock that row instead
        counter = RegistrationCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


# --- Requests --------------------------------------------------------------


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

    Side effects after commit: the requester gets an e-mail with the number and
    code when an e-mail address was given.
    """
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise ValidationError({"received_on": _("The date received cannot be in the future.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit no longer accepts requests.")})
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
        requester_kind=requester.kind,
        requester_name=requester.name.strip(),
        requester_nik=requester.nik,
        requester_entity_decree=requester.entity_decree,
        requester_address=requester.address,
        requester_phone=requester.phone,
        requester_email=requester.email,
        requester_occupation=requester.occupation,
        is_proxy=requester.is_proxy,
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
        language=language,
        original_due_on=due,
        due_on=due,
        access_code_hash=access_codes.hash_code(code),
        created_by=actor,
    )
    if requester.identity_scan:
        info_request.requester_identity_scan = requester.identity_scan
    if requester.proxy_letter:
        info_request.requester_proxy_letter = requester.proxy_letter
    info_request.save()
    RequestEvent.objects.create(
        request=info_request,
        to_status=InfoRequest.Status.REGISTERED,
        actor=actor,
        note=_("Received via: %(channel)s.") % {"channel": info_request.get_channel_display()},
    )
    if info_request.requester_email:
        transaction.on_commit(lambda: notifications.request_registered(info_request, code))
    return Registration(info_request, code)


def _lock(info_request):
    return InfoRequest.objects.select_for_update().select_related("unit").get(pk=info_request.pk)


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

    Side effects after commit: e-mail to the requester on extension and answer.
    """
    current = _lock(info_request)
    to_status = InfoRequest.Status(to_status)
    if to_status not in InfoRequest.TRANSITIONS[current.status]:
        raise InvalidTransition(
            _("A request that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.get_status_display(), "target": to_status.label},
            code="invalid_transition",
        )
    now = now or timezone.now()
    calendar = calendar or WorkingCalendar.from_db()
    from_status = current.status
    fields = ["status"]
    if to_status == InfoRequest.Status.EXTENDED:
        if not extension_reason.strip():
            raise ValidationError(
                {"extension_reason": _("An extension needs a written reason (UU 14/2008 Pasal 22(8)).")}
            )
        if extension_days is None or not 1 <= extension_days <= deadlines.MAX_EXTENSION_DAYS:
            raise ValidationError({"extension_days": _("An extension is between 1 and 7 working days.")})
        current.extension_days = extension_days
        current.extension_reason = extension_reason.strip()
        current.due_on = calendar.add_working_days(current.original_due_on, extension_days).due
        fields += ["extension_days", "extension_reason", "due_on"]
        note = note or current.extension_reason
    elif to_status in InfoRequest.ANSWERED_STATUSES:
        notice = WrittenNotice.objects.filter(request=current).first()
        if notice is None or notice.decision != to_status:
            raise ValidationError(_("An answer needs its written notice with the same decision."))
        current.answered_on = notice.issued_on
        current.working_days_taken = calendar.working_days_between(current.received_on, notice.issued_on)
        current.closed_at = now
        fields += ["answered_on", "working_days_taken", "closed_at"]
    elif to_status == InfoRequest.Status.WITHDRAWN:
        if not note.strip():
            raise ValidationError({"note": _("Say who withdrew the request and why.")})
        current.closed_at = now
        fields += ["closed_at"]
    current.status = to_status
    current.save(update_fields=[*fields, "updated_at"])
    RequestEvent.objects.create(
        request=current, from_status=from_status, to_status=to_status, at=now, actor=actor, note=note.strip()
    )
    if current.requester_email:
        if to_status == InfoRequest.Status.EXTENDED:
            transaction.on_commit(lambda: notifications.request_extended(current))
        elif to_status in InfoRequest.ANSWERED_STATUSES:
            transaction.on_commit(lambda: notifications.request_answered(current))
    info_request.refresh_from_db()
    return current


@transaction.atomic
def answer_request(*, info_request, actor=None, documents=(), calendar=None, **notice_fields):
    """Record the written notice (Pasal 22(7)) and move the request to its decision.

    `notice_fields` are the WrittenNotice fields (decision, materials, …). Each
    item of `documents` is a (title, file) pair kept in private storage.
    Side effects after commit: the requester is e-mailed (see change_request_status).
    """
    current = _lock(info_request)
    if current.status not in InfoRequest.OPEN_STATUSES:
        raise InvalidTransition(_("This request has already been closed."), code="closed")
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
    for title, upload in documents:
        document = AnswerDocument(notice=notice, title=title or upload.name, document=upload)
        document.full_clean(exclude=["notice"])
        document.save()
    return change_request_status(
        info_request=info_request, to_status=notice.decision, actor=actor, note="", calendar=calendar
    )


@transaction.atomic
def reassign_request(*, info_request, unit, actor, note=""):
    """Send an open request to another unit (PPID Utama). The deadline still counts from receipt."""
    current = _lock(info_request)
    if not current.is_open:
        raise InvalidTransition(_("Only open requests can be reassigned."), code="closed")
    if unit.pk == current.unit_id:
        raise ValidationError({"unit": _("The request is already addressed to this unit.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit no longer accepts requests.")})
    previous = current.unit
    current.unit = unit
    current.save(update_fields=["unit", "updated_at"])
    RequestEvent.objects.create(
        request=current,
        kind=RequestEvent.Kind.REASSIGNED,
        from_status=current.status,
        to_status=current.status,
        actor=actor,
        note=(_("From %(old)s to %(new)s.") % {"old": previous.name, "new": unit.name} + " " + note).strip(),
    )
    info_request.refresh_from_db()
    return current


@transaction.atomic
def exclude_from_register(*, info_request, reason, actor):
    """Withdraw a request from the public register (personal matters), with the reason recorded."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the request is withdrawn from the public register.")})
    current = _lock(info_request)
    if not current.in_public_register:
        raise ValidationError(_("This request is already withdrawn from the public register."))
    current.in_public_register = False
    current.register_exclusion_reason = reason.strip()
    current.save(update_fields=["in_public_register", "register_exclusion_reason", "updated_at"])
    RequestEvent.objects.create(
        request=current,
        kind=RequestEvent.Kind.REGISTER_HIDDEN,
        from_status=current.status,
        to_status=current.status,
        actor=actor,
        note=reason.strip(),
        is_public=False,
    )
    info_request.refresh_from_db()
    return current


@transaction.atomic
def reset_access_code(*, info_request, actor):
    """Issue a new access code (the requester lost theirs); the old one stops working.

    Returns the new code, to be shown once. Side effect after commit: e-mailed to
    the requester when an address is known.
    """
    current = _lock(info_request)
    code = access_codes.generate()
    current.access_code_hash = access_codes.hash_code(code)
    current.save(update_fields=["access_code_hash", "updated_at"])
    RequestEvent.objects.create(
        request=current,
        kind=RequestEvent.Kind.CODE_RESET,
        from_status=current.status,
        to_status=current.status,
        actor=actor,
        is_public=False,
    )
    if current.requester_email:
        transaction.on_commit(lambda: notifications.request_registered(current, code, reissued=True))
    return code


def find_request(number, code):
    """The request with this number if the access code matches, else None.

    The hash is computed even for unknown numbers so both failures take the same time.
    """
    canonical = normalise_number(number)
    info_request = None
    if canonical and canonical.startswith(REQUEST_SERIES + "/"):
        info_request = InfoRequest.objects.select_related("unit__village").filter(number=canonical).first()
    stored = info_request.access_code_hash if info_request else "0" * 64
    if access_codes.matches(code, stored) and info_request is not None:
        return info_request
    return None


# --- Objections and disputes -------------------------------------------------


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
    current = _lock(info_request)
    calendar = calendar or WorkingCalendar.from_db()
    filed_on = filed_on or timezone.localdate()
    grounds = set(grounds)
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
    objection.save()
    ObjectionEvent.objects.create(objection=objection, to_status=Objection.Status.FILED, actor=actor)
    if current.requester_email:
        transaction.on_commit(lambda: notifications.objection_filed(objection))
    return objection


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
    unit's. Settling by deliberation is not possible for ground a.
    Side effects after commit: the requester is e-mailed the decision.
    """
    current = Objection.objects.select_for_update().select_related("request__unit").get(pk=objection.pk)
    to_status = Objection.Status(to_status)
    if to_status not in Objection.TRANSITIONS[current.status]:
        raise InvalidTransition(
            _("An objection that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.get_status_display(), "target": to_status.label},
            code="invalid_transition",
        )
    from_status = current.status
    fields = ["status"]
    if to_status in Objection.DECIDED_STATUSES:
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
        current.decided_by_position = (
            unit.atasan_position if decided_by_position is None else decided_by_position
        )
        fields += ["decision", "decision_html", "decided_on", "decided_by_name", "decided_by_position"]
    elif to_status == Objection.Status.WITHDRAWN and not note.strip():
        raise ValidationError({"note": _("Say who withdrew the objection and why.")})
    current.status = to_status
    current.save(update_fields=fields)
    ObjectionEvent.objects.create(
        objection=current, from_status=from_status, to_status=to_status, actor=actor, note=note.strip()
    )
    # Retention counts from the last act on the request.
    InfoRequest.objects.filter(pk=current.request_id, closed_at__isnull=False).update(
        closed_at=timezone.now()
    )
    if to_status in Objection.DECIDED_STATUSES and current.request.requester_email:
        transaction.on_commit(lambda: notifications.objection_decided(current))
    objection.refresh_from_db()
    return current


@transaction.atomic
def save_dispute(*, dispute):
    """Record a dispute or its progress; a decided dispute restarts the retention clock."""
    dispute.full_clean()
    dispute.save()
    if dispute.decided_on:
        InfoRequest.objects.filter(pk=dispute.objection.request_id, closed_at__isnull=False).update(
            closed_at=timezone.now()
        )
    return dispute


# --- Satisfaction survey -------------------------------------------------------


@transaction.atomic
def submit_survey(*, info_request, scores, suggestion="", now=None, is_sample=False):
    """Record the requester's SKM ratings (nine elements, 1–4) once per answered request."""
    if not info_request.is_answered:
        raise ValidationError(_("The survey opens once the request has been answered."))
    if SurveyResponse.objects.filter(request=info_request).exists():
        raise ValidationError(_("The survey for this request has already been filled in. Thank you."))
    now = now or timezone.now()
    response = SurveyResponse(
        request=info_request,
        unit=info_request.unit,
        year=timezone.localtime(now).year,
        submitted_at=now,
        suggestion=suggestion.strip(),
        is_sample=is_sample,
        **scores,
    )
    response.full_clean(exclude=["request", "unit"])
    response.save()
    return response


# --- Daftar Informasi Publik -----------------------------------------------------


@transaction.atomic
def change_dip_status(*, item, to_status, actor=None, note=""):
    """Publish, withdraw or republish a DIP item, with a history row. Withdrawal needs a reason."""
    current = DipItem.objects.select_for_update().get(pk=item.pk)
    to_status = DipItem.Status(to_status)
    if to_status not in DipItem.TRANSITIONS[current.status]:
        raise InvalidTransition(
            _("An item that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.get_status_display(), "target": to_status.label},
            code="invalid_transition",
        )
    if to_status == DipItem.Status.WITHDRAWN and not note.strip():
        raise ValidationError({"note": _("Say why the item is withdrawn.")})
    from_status = current.status
    current.status = to_status
    fields = ["status", "updated_at"]
    if to_status == DipItem.Status.PUBLISHED and current.published_at is None:
        current.published_at = timezone.now()
        fields.append("published_at")
    current.save(update_fields=fields)
    DipItemEvent.objects.create(
        item=current, from_status=from_status, to_status=to_status, actor=actor, note=note.strip()
    )
    item.refresh_from_db()
    return current


@transaction.atomic
def add_dip_version(*, item, document=None, link="", note="", actor=None):
    """Add a document version to a DIP item; earlier versions stay listed. Exempt items have none."""
    current = DipItem.objects.select_for_update().get(pk=item.pk)
    if current.is_exempt:
        raise ValidationError(_("Exempt information is listed without its content, so it has no document."))
    version = DipDocumentVersion(
        item=current,
        number=DipDocumentVersion.next_number(current),
        link=link,
        note=note.strip(),
        created_by=actor,
    )
    if document:
        version.document = document
    version.full_clean(exclude=["item"])
    version.save()
    DipItem.objects.filter(pk=current.pk).update(updated_at=timezone.now())
    return version


# --- Working days ---------------------------------------------------------------


@transaction.atomic
def recompute_open_deadlines(*, calendar=None):
    """Recompute the due dates of open requests and objections after the calendar changed.

    Returns how many requests changed.
    """
    calendar = calendar or WorkingCalendar.from_db()
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
    day.delete()
    return recompute_open_deadlines()


# --- Reminders -----------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderRun:
    due_soon: int
    overdue: int
    already_sent: int
    emails: int


def send_due_reminders(*, today=None, calendar=None):
    """E-mail officers about open requests due within 2 working days and overdue ones.

    Safe to run on several hosts at once: each request is claimed by inserting
    its ReminderSent row for the day (unique per request and day) before any
    e-mail goes out, and a host that loses the race skips the request.
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


# --- Retention ------------------------------------------------------------------------


PERSONAL_FIELDS = (
    "requester_name",
    "requester_nik",
    "requester_entity_decree",
    "requester_address",
    "requester_phone",
    "requester_email",
    "requester_occupation",
    "requester_identity_scan",
    "requester_proxy_letter",
)


def retention_cutoff(*, now=None, years=None):
    now = now or timezone.now()
    years = settings.PPID_RETENTION_YEARS if years is None else years
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def due_for_anonymisation(*, now=None, years=None):
    """Closed requests past the retention period, with no objection or dispute still running."""
    cutoff = retention_cutoff(now=now, years=years)
    running_disputes = Dispute.objects.filter(decided_on__isnull=True).values("objection__request")
    return (
        InfoRequest.objects.filter(
            status__in=InfoRequest.CLOSED_STATUSES, closed_at__lt=cutoff, anonymised_at__isnull=True
        )
        .exclude(objections__status=Objection.Status.FILED)
        .exclude(pk__in=running_disputes)
        .order_by("closed_at", "pk")
    )


def personal_fields_present(info_request):
    """The personal-data fields of a request that still hold something."""
    return [
        name
        for name in PERSONAL_FIELDS
        if getattr(info_request, name) not in ("", None) and getattr(info_request, name) != ANONYMISED_NAME
    ]


@transaction.atomic
def anonymise_request(*, info_request, now=None):
    """Remove the requester's personal data (UU 27/2022) and their files; keep the rest.

    The initials shown in the public register stay. Returns the names of the
    fields that were cleared, or None when the request had already been
    anonymised (by another host running the same daily job: the row lock makes
    the second one wait and then find nothing to do). Side effect: the identity
    and proxy files are deleted from private storage after commit.
    """
    current = _lock(info_request)
    if current.anonymised_at is not None:
        return None
    cleared = personal_fields_present(current)
    files = [
        getattr(current, name).name
        for name in ("requester_identity_scan", "requester_proxy_letter")
        if getattr(current, name)
    ]
    storage = current.requester_identity_scan.storage
    current.requester_name = ANONYMISED_NAME
    for name in PERSONAL_FIELDS[1:]:
        setattr(current, name, "")
    current.anonymised_at = now or timezone.now()
    current.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at", "updated_at"])
    RequestEvent.objects.create(
        request=current,
        kind=RequestEvent.Kind.ANONYMISED,
        from_status=current.status,
        to_status=current.status,
        note=", ".join(cleared),
        is_public=False,
    )
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    logger.info("ppid: anonymised %s (%s)", current.number, ", ".join(cleared))
    return cleared
