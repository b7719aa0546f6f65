"""What the admin says happened to a message, per channel, and how to reach a requester by phone.

The admin never says “the requester has been notified” on its own: it reads
the outbox and says exactly one of

- “e-mail queued to s…@e…” (not sent yet),
- “sent at …”,
- “failed: …” (with the attempt count and the next attempt, if any),
- “no e-mail address: contact the requester by phone”,

and for a requester who gave only a phone number offers a ``tel:`` link and a
WhatsApp click-to-chat link (``https://wa.me/<number>?text=…``) whose
prefilled text holds the registration number and the absolute tracking
address. The access code never goes into a link: it is the requester's
secret, and a link is kept in browser histories and chat logs.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..links import absolute_url

INDONESIA = "62"


def mask_email(address):
    """``sri@example.org`` → ``s…@e…``: enough to recognise, too little to copy."""
    local, _at, domain = (address or "").partition("@")
    if not local or not domain:
        return "…"
    return f"{local[0]}…@{domain[0]}…"


def international_number(phone):
    """An Indonesian phone number in international form without the plus (``6281234567890``), or ""."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0"):
        digits = INDONESIA + digits[1:]
    elif digits.startswith("8"):
        digits = INDONESIA + digits
    return digits if 9 <= len(digits) <= 15 else ""


def tel_link(phone):
    number = international_number(phone)
    return f"tel:+{number}" if number else ""


def whatsapp_text(info_request):
    """The prefilled chat message: the registration number and where to track it, in the requester's language."""
    with translation.override(info_request.language or "id"):
        return _(
            "Your request for public information %(number)s (%(unit)s): follow it at %(url)s "
            "with your registration number and access code."
        ) % {
            "number": info_request.number,
            "unit": info_request.unit.name,
            "url": absolute_url(reverse("ppid:track")),
        }


def whatsapp_link(info_request):
    number = international_number(info_request.requester_phone)
    if not number:
        return ""
    return f"https://wa.me/{number}?text={quote(whatsapp_text(info_request), safe='')}"


def _local(moment):
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def message_outcome(message):
    """What happened to one queued e-mail, in one line."""
    if message.sent_at:
        return _("e-mail sent at %(time)s to %(address)s") % {
            "time": _local(message.sent_at),
            "address": mask_email(message.to),
        }
    if message.attempts and message.last_error:
        if message.next_attempt_at:
            return _("failed: %(error)s (attempt %(count)s; next attempt at %(time)s)") % {
                "error": message.last_error,
                "count": message.attempts,
                "time": _local(message.next_attempt_at),
            }
        return _("failed: %(error)s (after %(count)s attempts; no further attempt)") % {
            "error": message.last_error,
            "count": message.attempts,
        }
    return _("e-mail queued to %(address)s") % {"address": mask_email(message.to)}


@dataclass(frozen=True)
class ChannelLine:
    """One line of the admin's “messages to the requester” box."""

    label: str
    text: str
    failed: bool = False
    tel: str = ""
    whatsapp: str = ""


def phone_line(info_request, label=""):
    return ChannelLine(
        label=label,
        text=_("no e-mail address: contact the requester by phone"),
        tel=tel_link(info_request.requester_phone),
        whatsapp=whatsapp_link(info_request),
    )


def requester_channels(info_request):
    """The lines for a request's page: each requester message's outcome, or the phone to call."""
    if info_request.anonymised_at:
        return []
    if not info_request.requester_email:
        return [phone_line(info_request)]
    messages = info_request.messages.to_requester().order_by("created_at", "pk")
    return [
        ChannelLine(
            label=message.get_kind_display(),
            text=message_outcome(message),
            failed=message.is_failing and not message.sent_at,
        )
        for message in messages
    ]


def requester_outcome(info_request, kind):
    """What the admin says after an act that messages the requester (the latest message of `kind`)."""
    if not info_request.requester_email:
        return _("No e-mail address: contact the requester by phone.")
    message = info_request.messages.filter(kind=kind).order_by("-created_at", "-pk").first()
    if message is None:
        return ""
    return _("Message to the requester: %(outcome)s.") % {"outcome": message_outcome(message)}
