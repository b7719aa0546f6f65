"""The paper a government office signs: a request's receipt and its written notice, on A4.

Each letter carries the unit's letterhead (`letterhead`), a number from the
unit's letter book (`ppid.services.issue_letter`), the place and date and a
signature block. The print pages (``templates/ppid/paper/``) and the PDFs
(`pdf`, made in-process) lay out the same `content`. Neither holds the access
code, so a PDF may be e-mailed or printed again at any time.

Other code uses:

- ``receipt_pdf(info_request)`` and ``notice_pdf(info_request)``: the PDF bytes;
- ``receipt_attachment(info_request)``: ``(filename, bytes, "application/pdf")``
  for ``EmailMessage.attach(*...)``, e.g. on the registration e-mail.
"""

from django.conf import settings
from django.utils import translation

from .. import services
from ..models import LetterKind, WrittenNotice
from . import content, pdf
from .letterhead import Letterhead, letterhead_for
from .pages import PDF_TYPE, letter_page, pdf_response

__all__ = [
    "PDF_TYPE",
    "Letterhead",
    "letter_page",
    "pdf_response",
    "letterhead_for",
    "notice_paper",
    "notice_pdf",
    "pdf_filename",
    "receipt_attachment",
    "receipt_paper",
    "receipt_pdf",
    "site_url",
]


def site_url(request=None):
    """The portal's public address for links on paper: SITE_URL, else the address the page was asked on."""
    configured = getattr(settings, "SITE_URL", "")
    if configured or request is None:
        return configured
    return request.build_absolute_uri("/")


def receipt_paper(info_request, *, request=None):
    """The receipt's content, numbered now if it had no number yet."""
    letter = services.issue_letter(info_request=info_request, kind=LetterKind.RECEIPT)
    return content.receipt_paper(info_request, letter, site_url=site_url(request))


def notice_paper(info_request):
    """The written notice's content; raises WrittenNotice.DoesNotExist when there is none."""
    notice = WrittenNotice.objects.select_related("request__unit__village__district").get(
        request=info_request
    )
    letter = services.issue_letter(info_request=info_request, kind=LetterKind.NOTICE)
    return content.notice_paper(notice, letter)


def receipt_pdf(info_request, *, language=None, request=None):
    """The receipt as a PDF, in `language` (default: the language the requester used)."""
    with translation.override(language or info_request.language or settings.LANGUAGE_CODE):
        return pdf.render(receipt_paper(info_request, request=request))


def notice_pdf(info_request, *, language=None):
    """The written notice as a PDF; raises WrittenNotice.DoesNotExist when there is none."""
    with translation.override(language or info_request.language or settings.LANGUAGE_CODE):
        return pdf.render(notice_paper(info_request))


def pdf_filename(info_request, kind):
    """“tanda-bukti-PPID-2026-000123.pdf”, “pemberitahuan-PPID-2026-000123.pdf”."""
    prefix = "tanda-bukti" if kind == LetterKind.RECEIPT else "pemberitahuan"
    return f"{prefix}-{info_request.number.replace('/', '-')}.pdf"


def receipt_attachment(info_request):
    """The receipt for an e-mail: (filename, PDF bytes, MIME type)."""
    return pdf_filename(info_request, LetterKind.RECEIPT), receipt_pdf(info_request), PDF_TYPE


def receipt_for_message(ref):
    """The outbox's maker for the registration e-mail's receipt (`ref`: the request's key).

    A request removed since the message was queued has no receipt to attach.
    """
    from ..models import InfoRequest
    from ..outbox import Attachment

    info_request = InfoRequest.objects.select_related("unit__village").filter(pk=ref).first()
    if info_request is None:
        return None
    return Attachment(*receipt_attachment(info_request))
