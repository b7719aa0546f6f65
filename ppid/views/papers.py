"""A requester's own papers: the receipt and the written notice, as A4 print pages and as PDFs.

They carry the requester's name and address, so they are reached only by a
signed link from the tracking page or the registration page (valid 24 hours),
with private headers. Neither holds the access code.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language

from .. import paper
from ..models import InfoRequest, LetterKind, WrittenNotice
from .requests import NOTICE_SALT, RECEIPT_SALT, signed_link

REQUESTS = InfoRequest.objects.select_related("unit__village__district", "created_by")


def _request(token, salt):
    data = signed_link(token, salt)
    return get_object_or_404(REQUESTS, pk=data.get("request"))


def receipt_print(request, token):
    """`/ppid/permohonan/tanda-terima/<token>/`: the receipt to print."""
    info_request = _request(token, RECEIPT_SALT)
    return paper.letter_page(
        request,
        paper.receipt_paper(info_request, request=request),
        back_url=reverse("ppid:track"),
        pdf_url=reverse("ppid:receipt_pdf", args=[token]),
    )


def receipt_pdf(request, token):
    """`/ppid/permohonan/tanda-terima/<token>/pdf/`: the receipt as a PDF."""
    info_request = _request(token, RECEIPT_SALT)
    data = paper.receipt_pdf(info_request, language=get_language(), request=request)
    return paper.pdf_response(data, paper.pdf_filename(info_request, LetterKind.RECEIPT))


def _answered(token):
    info_request = _request(token, NOTICE_SALT)
    if not WrittenNotice.objects.filter(request=info_request).exists():
        raise Http404
    return info_request


def notice_print(request, token):
    """`/ppid/permohonan/pemberitahuan/<token>/`: the written notice to print."""
    info_request = _answered(token)
    return paper.letter_page(
        request,
        paper.notice_paper(info_request),
        back_url=reverse("ppid:track"),
        pdf_url=reverse("ppid:notice_pdf", args=[token]),
    )


def notice_pdf(request, token):
    """`/ppid/permohonan/pemberitahuan/<token>/pdf/`: the written notice as a PDF."""
    info_request = _answered(token)
    data = paper.notice_pdf(info_request, language=get_language())
    return paper.pdf_response(data, paper.pdf_filename(info_request, LetterKind.NOTICE))
