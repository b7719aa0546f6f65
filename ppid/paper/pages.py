"""The print page and the PDF download of a letter, as responses meant for one person."""

from django.http import HttpResponse
from django.template.response import TemplateResponse

from ..downloads import private_headers

PDF_TYPE = "application/pdf"


def letter_page(request, paper, *, back_url, pdf_url, access_code=""):
    """The A4 print page of `paper`; `access_code` is shown beside the letter, never in it."""
    return private_headers(
        TemplateResponse(
            request,
            "ppid/paper/letter.html",
            {"paper": paper, "back_url": back_url, "pdf_url": pdf_url, "access_code": access_code},
        )
    )


def pdf_response(data, filename):
    """PDF bytes as a never-cached attachment."""
    response = HttpResponse(data, content_type=PDF_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(data))
    return private_headers(response)
