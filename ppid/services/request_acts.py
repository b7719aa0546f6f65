"""Acts on a request that change no status: reassignment, the public register, access codes.

A requester who lost the access code gets a new one by e-mail with the
registration number and the e-mail address on file (`reissue_lost_code`).

Each act is recorded in the request's history through `REQUEST_WORKFLOW.record`
as an event of its own kind; only a reassignment is shown on the public
timeline.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from portal.workflow import InvalidTransition

from .. import access_codes, notifications, tallies
from ..models import REQUEST_WORKFLOW, InfoRequest, MessageKind, RequestEvent
from .numbers import REQUEST_SERIES, normalise_number
from .requests import lock_request

LOST_CODES_PER_REQUEST = 3
LOST_CODE_WINDOW = datetime.timedelta(hours=24)


@transaction.atomic
def reassign_request(*, info_request, unit, actor, note=""):
    """Send an open request to another unit (PPID Utama). The deadline still counts from receipt."""
    current = lock_request(info_request)
    if not current.is_open:
        raise InvalidTransition(_("Only open requests can be reassigned."), code="closed")
    if unit.pk == current.unit_id:
        raise ValidationError({"unit": _("The request is already addressed to this unit.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit no longer accepts requests.")})
    previous = current.unit
    current.unit = unit
    with tallies.moving(current.pk):
        current.save(update_fields=["unit", "updated_at"])
    REQUEST_WORKFLOW.record(
        current,
        actor=actor,
        note=_("From %(old)s to %(new)s.") % {"old": previous.name, "new": unit.name} + " " + note,
        is_public=True,
        history={"kind": RequestEvent.Kind.REASSIGNED},
    )
    info_request.refresh_from_db()
    return current


@transaction.atomic
def exclude_from_register(*, info_request, reason, actor):
    """Withdraw a request from the public register (personal matters), with the reason recorded."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the request is withdrawn from the public register.")})
    current = lock_request(info_request)
    if not current.in_public_register:
        raise ValidationError(_("This request is already withdrawn from the public register."))
    current.in_public_register = False
    current.register_exclusion_reason = reason.strip()
    current.save(update_fields=["in_public_register", "register_exclusion_reason", "updated_at"])
    REQUEST_WORKFLOW.record(
        current, actor=actor, note=reason, history={"kind": RequestEvent.Kind.REGISTER_HIDDEN}
    )
    info_request.refresh_from_db()
    return current


@transaction.atomic
def reset_access_code(*, info_request, actor):
    """Issue a new access code (the requester lost theirs); the old one stops working.

    Returns the new code, to be shown once. Queued in the same transaction: the
    e-mail to the requester when an address is known.
    """
    current = lock_request(info_request)
    code = access_codes.generate()
    current.access_code_hash = access_codes.hash_code(code)
    current.save(update_fields=["access_code_hash", "updated_at"])
    REQUEST_WORKFLOW.record(current, actor=actor, history={"kind": RequestEvent.Kind.CODE_RESET})
    notifications.request_registered(current, code, reissued=True)
    return code


def reissue_lost_code(*, number, email):
    """A new access code e-mailed to the requester when the number and the e-mail on file match.

    Returns the request when they matched, else None; either way the caller
    must answer the same, so the answer never tells whether the e-mail matched.
    A request gets at most `LOST_CODES_PER_REQUEST` new codes in
    `LOST_CODE_WINDOW`, whichever clients ask (each client is throttled too).
    The code itself is never returned: it goes only to the address on file
    (`reset_access_code`).
    """
    canonical = normalise_number(number)
    info_request = None
    if canonical and canonical.startswith(REQUEST_SERIES + "/"):
        info_request = (
            InfoRequest.objects.filter(number=canonical, anonymised_at__isnull=True)
            .exclude(requester_email="")
            .first()
        )
    stored = info_request.requester_email.strip().lower() if info_request else ""
    given = (email or "").strip().lower()
    if not (constant_time_compare(given, stored) and info_request is not None and given):
        return None
    since = timezone.now() - LOST_CODE_WINDOW
    if info_request.messages.filter(kind=MessageKind.CODE_REISSUED, created_at__gte=since).count() >= (
        LOST_CODES_PER_REQUEST
    ):
        # However many clients ask, a request gets only so many new codes a day.
        return None
    reset_access_code(info_request=info_request, actor=None)
    return info_request


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
