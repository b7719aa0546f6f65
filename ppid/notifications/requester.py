"""Messages to the requester: registration, new code, extension, answer, objection filed and decided,
and the obligation of an upheld objection carried out.

Each returns the queued OutboxMessage, or None when the requester gave no
e-mail address (the admin then offers the phone; see `ppid.outbox.channels`).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..links import absolute_url
from ..models import MessageKind
from .rendering import queue_rendered

# The receipt is attached to the registration e-mail when an attachment maker is
# registered for this kind (ppid.outbox.attachments); its reference is the request's key.
RECEIPT_ATTACHMENT = "receipt"


def _link(info_request, name):
    """An absolute address of a public page in the requester's language (`/en/…` for English)."""
    with translation.override(info_request.language or settings.LANGUAGE_CODE):
        return absolute_url(reverse(name))


def _to_requester(info_request, *, kind, subject, template, context, objection=None, **fields):
    if not info_request.requester_email:
        return None
    return queue_rendered(
        kind=kind,
        to=info_request.requester_email,
        subject=subject,
        template=template,
        context={
            "info_request": info_request,
            "tracking_url": _link(info_request, "ppid:track"),
            **context,
        },
        language=info_request.language,
        unit=info_request.unit,
        request=info_request,
        objection=objection,
        **fields,
    )


def request_registered(info_request, code, *, reissued=False):
    """The registration number and access code (the only message that carries the code)."""
    return _to_requester(
        info_request,
        kind=MessageKind.CODE_REISSUED if reissued else MessageKind.REGISTERED,
        subject=lambda: (
            (_("New access code for %(number)s") if reissued else _("Your request %(number)s is registered"))
            % {"number": info_request.number}
        ),
        template="ppid/email/request_registered.txt",
        context={"code": code, "reissued": reissued},
        attachment_kind="" if reissued else RECEIPT_ATTACHMENT,
        attachment_ref="" if reissued else info_request.pk,
    )


def request_extended(info_request):
    return _to_requester(
        info_request,
        kind=MessageKind.EXTENDED,
        subject=lambda: _("The deadline of %(number)s has been extended") % {"number": info_request.number},
        template="ppid/email/request_extended.txt",
        context={},
    )


def request_answered(info_request):
    return _to_requester(
        info_request,
        kind=MessageKind.ANSWERED,
        subject=lambda: _("Your request %(number)s has been answered") % {"number": info_request.number},
        template="ppid/email/request_answered.txt",
        context={
            "notice": info_request.notice,
            "objection_url": _link(info_request, "ppid:objection_new"),
        },
    )


def objection_filed(objection):
    return _to_requester(
        objection.request,
        kind=MessageKind.OBJECTION_FILED,
        subject=lambda: _("Your objection %(number)s is registered") % {"number": objection.number},
        template="ppid/email/objection_filed.txt",
        context={"objection": objection},
        objection=objection,
    )


def objection_decided(objection):
    return _to_requester(
        objection.request,
        kind=MessageKind.OBJECTION_DECIDED,
        subject=lambda: (
            _("The atasan PPID has answered your objection %(number)s") % {"number": objection.number}
        ),
        template="ppid/email/objection_decided.txt",
        context={"objection": objection},
        objection=objection,
    )


def obligation_fulfilled(obligation):
    """The unit recorded that it carried out what the upheld objection ordered."""
    objection = obligation.objection
    return _to_requester(
        objection.request,
        kind=MessageKind.OBLIGATION_FULFILLED,
        subject=lambda: (
            _("Your objection %(number)s: the unit has carried out the decision")
            % {"number": objection.number}
        ),
        template="ppid/email/obligation_fulfilled.txt",
        context={"objection": objection, "obligation": obligation},
        objection=objection,
    )
