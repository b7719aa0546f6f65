"""What a receipt and a written notice say, as plain data that both the print page and the PDF lay out.

Keeping the words in one place means the paper an officer prints and the PDF a
requester downloads or receives by e-mail say the same thing. Neither ever
holds the access code: the desk receipt page shows it beside the letter, once.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from portal.formatting import rupiah

from ..models import Letter
from .letterhead import Letterhead, letterhead_for


@dataclass(frozen=True)
class Section:
    heading: str
    rows: list  # (label, value) pairs; a value may hold line breaks
    numbered: bool = False


@dataclass(frozen=True)
class Signature:
    role: str  # "Petugas Pelayanan Informasi", "Sekretaris Desa Sedahkidul"
    name: str = ""  # empty: a line to write the name on


@dataclass(frozen=True)
class Paper:
    title: str
    subtitle: str
    letterhead: Letterhead
    letter: Letter
    date_line: str  # "Sedahkidul, 11 Juni 2025"
    sections: list
    paragraphs: list = field(default_factory=list)
    signatures: list = field(default_factory=list)
    is_sample: bool = False


def _date_line(letterhead, day):
    return f"{letterhead.place}, {formats.date_format(day, 'j F Y')}"


def _requester_rows(info_request):
    if info_request.anonymised_at:
        return [(_("Requester"), _("Personal data removed after the retention period"))]
    contact = " / ".join(
        part for part in (info_request.requester_phone, info_request.requester_email) if part
    )
    rows = [(_("Name"), info_request.requester_name), (_("Address"), info_request.requester_address or "–")]
    if info_request.requester_occupation:
        rows.append((_("Occupation"), info_request.requester_occupation))
    rows.append((_("Phone / e-mail"), contact or "–"))
    return rows


def _officer_name(info_request):
    user = info_request.created_by
    return (user.get_full_name() or user.get_username()) if user else ""


def receipt_paper(info_request, letter, *, site_url=""):
    """The tanda bukti permohonan: the request as registered, its due date and where to follow it."""
    letterhead = letterhead_for(info_request.unit)
    request_rows = [
        (_("Registration number"), info_request.number),
        (
            _("Date received"),
            f"{formats.date_format(info_request.received_on, 'l, j F Y')} ({info_request.get_channel_display()})",
        ),
        (_("Unit addressed"), info_request.unit.name),
        *_requester_rows(info_request),
        (_("Information requested"), info_request.information_requested),
        (_("Purpose of the request"), info_request.purpose),
        (_("How to obtain it"), info_request.get_obtain_method_display()),
        (_("How to receive it"), info_request.get_delivery_method_display()),
        (_("Written notice due by"), formats.date_format(info_request.due_on, "l, j F Y")),
    ]
    track = site_url.rstrip("/") + reverse("ppid:track")
    return Paper(
        title=_("Receipt of a request for public information"),
        subtitle=_("Under UU 14/2008 Pasal 22 and Perki 1/2021"),
        letterhead=letterhead,
        letter=letter,
        date_line=_date_line(letterhead, info_request.received_on),
        sections=[Section("", request_rows)],
        paragraphs=[
            _(
                "The unit sends a written notice within 10 working days; it may extend once, "
                "by at most 7 working days, with written reasons (UU 14/2008 Pasal 22)."
            ),
            _(
                "Follow the request at %(url)s with the registration number and the access code "
                "you received when you filed it. Keep the code secret."
            )
            % {"url": track},
        ],
        signatures=[
            Signature(_("Information service officer (received the request)"), _officer_name(info_request)),
            Signature(
                _("Requester"),
                info_request.requester_public_label
                if info_request.anonymised_at
                else info_request.requester_name,
            ),
        ],
        is_sample=info_request.is_sample,
    )


def _held_text(notice):
    if notice.information_held:
        return _("the information is held by this unit.")
    text = _("the information is not held by this unit or has not been documented (Pasal 6(3)).")
    if notice.other_body:
        text += " " + _("It is held by: %(body)s.") % {"body": notice.other_body}
    return text


def _decision_text(notice):
    text = notice.get_decision_display()
    if notice.exemption_ground:
        text += " – " + _("exempt under Pasal 17 letter %(letter)s") % {
            "letter": notice.get_exemption_ground_display()
        }
    if notice.consequence_test:
        text += "\n" + _("Reasons") + ": " + notice.consequence_test
    return text


def _answer_rows(notice):
    fee = _("free of charge")
    if notice.fee:
        fee = rupiah(notice.fee) + (f", {notice.payment_method}" if notice.payment_method else "")
    delivery = f"{notice.get_delivery_format_display() or '–'}; {notice.get_delivery_method_display() or '–'}"
    return [
        (_("Whether the unit holds the information"), _held_text(notice)),
        (_("Decision"), _decision_text(notice)),
        (_("Material to be given"), notice.materials or "–"),
        (_("Parts blacked out, with reasons"), notice.redacted_parts or "–"),
        (_("Format and means of delivery"), delivery),
        (_("Fees and how to pay"), fee),
    ]


def notice_paper(notice, letter):
    """The pemberitahuan tertulis with every element of UU 14/2008 Pasal 22(7), signed by its officer."""
    info_request = notice.request
    letterhead = letterhead_for(info_request.unit)
    request_rows = [
        (_("Registration number"), info_request.number),
        (_("Date received"), formats.date_format(info_request.received_on, "l, j F Y")),
        *_requester_rows(info_request),
        (_("Information requested"), info_request.information_requested),
    ]
    paragraphs = [notice.notes] if notice.notes else []
    if notice.decision != notice.Decision.GRANTED:
        paragraphs.append(
            _(
                "If you disagree with this answer you may object in writing to the atasan PPID within "
                "30 working days of receiving it (UU 14/2008 Pasal 35–36)."
            )
        )
    return Paper(
        title=_("Written notice (pemberitahuan tertulis)"),
        subtitle=_("Under UU 14/2008 Pasal 22(7)"),
        letterhead=letterhead,
        letter=letter,
        date_line=_date_line(letterhead, notice.issued_on),
        sections=[
            Section(_("The request"), request_rows),
            Section(_("The unit's answer"), _answer_rows(notice), numbered=True),
        ],
        paragraphs=paragraphs,
        signatures=[Signature(notice.signed_by_position, notice.signed_by_name)],
        is_sample=info_request.is_sample,
    )
