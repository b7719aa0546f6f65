"""A request's papers in the back office: the printable receipt and notice, identity scans, answer documents.

Everything here carries personal data, so every response has private headers;
identity and proxy scans are served only to officers holding
``ppid.view_requester_identity``, as attachments.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .. import paper
from ..downloads import download_name, private_download
from ..models import AnswerDocument, LetterKind, WrittenNotice
from .base import IDENTITY_PERMISSION, PRIVATE_FILE_FIELDS


def identity_panel(request, obj):
    """The requester's identity for this page only: NIK in full for officers allowed to see it."""
    show = request.user.has_perm(IDENTITY_PERMISSION)
    if obj.anonymised_at:
        return {"removed_on": obj.anonymised_at, "rows": [], "files": []}
    rows = [
        (_("Name"), obj.requester_name),
        (_("Requester is"), obj.get_requester_kind_display()),
        (_("NIK"), (obj.requester_nik if show else obj.masked_nik) or "—"),
    ]
    if obj.requester_entity_decree:
        rows.append((_("Decree of the legal entity"), obj.requester_entity_decree))
    rows += [
        (_("Address"), obj.requester_address or "—"),
        (_("Phone"), obj.requester_phone or "—"),
        (_("E-mail"), obj.requester_email or "—"),
        (_("Occupation"), obj.requester_occupation or "—"),
        (_("Filed by a proxy"), _("yes") if obj.is_proxy else _("no")),
    ]
    files = []
    if show:
        for slug, field in PRIVATE_FILE_FIELDS.items():
            if getattr(obj, field):
                files.append(
                    (
                        reverse("admin:ppid_inforequest_file", args=[obj.pk, slug]),
                        obj._meta.get_field(field).verbose_name,
                    )
                )
    return {"removed_on": None, "rows": rows, "files": files}


def receipt_page(request, info_request, access_code=""):
    """The receipt to print in the back office; a new access code is shown beside it, once."""
    return paper.letter_page(
        request,
        paper.receipt_paper(info_request, request=request),
        back_url=reverse("admin:ppid_inforequest_change", args=[info_request.pk]),
        pdf_url=reverse("admin:ppid_inforequest_receipt_pdf", args=[info_request.pk]),
        access_code=access_code,
    )


class RequestFilesMixin:
    """Views of InfoRequestAdmin that print or download a request's papers."""

    def file_urls(self):
        def view(func):
            return self.admin_site.admin_view(func)

        return [
            path("<path:object_id>/tanda-terima/", view(self.receipt_view), name="ppid_inforequest_receipt"),
            path(
                "<path:object_id>/tanda-terima/pdf/",
                view(self.receipt_pdf_view),
                name="ppid_inforequest_receipt_pdf",
            ),
            path("<path:object_id>/pemberitahuan/", view(self.notice_view), name="ppid_inforequest_notice"),
            path(
                "<path:object_id>/pemberitahuan/pdf/",
                view(self.notice_pdf_view),
                name="ppid_inforequest_notice_pdf",
            ),
            path("<path:object_id>/berkas/<slug:kind>/", view(self.file_view), name="ppid_inforequest_file"),
            path("dokumen/<int:document_id>/", view(self.document_view), name="ppid_answerdocument_download"),
        ]

    def _viewable(self, request, object_id):
        obj = self.get_object(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def receipt_view(self, request, object_id):
        obj = self._viewable(request, object_id)
        return receipt_page(request, obj)

    def receipt_pdf_view(self, request, object_id):
        obj = self._viewable(request, object_id)
        data = paper.receipt_pdf(obj, language=get_language(), request=request)
        return paper.pdf_response(data, paper.pdf_filename(obj, LetterKind.RECEIPT))

    def _answered(self, request, object_id):
        obj = self._viewable(request, object_id)
        if not WrittenNotice.objects.filter(request=obj).exists():
            raise Http404
        return obj

    def notice_view(self, request, object_id):
        obj = self._answered(request, object_id)
        return paper.letter_page(
            request,
            paper.notice_paper(obj),
            back_url=reverse("admin:ppid_inforequest_change", args=[obj.pk]),
            pdf_url=reverse("admin:ppid_inforequest_notice_pdf", args=[obj.pk]),
        )

    def notice_pdf_view(self, request, object_id):
        obj = self._answered(request, object_id)
        data = paper.notice_pdf(obj, language=get_language())
        return paper.pdf_response(data, paper.pdf_filename(obj, LetterKind.NOTICE))

    def file_view(self, request, object_id, kind):
        """An identity or proxy scan: only for officers allowed to see identities, as a download."""
        obj = self._viewable(request, object_id)
        field = PRIVATE_FILE_FIELDS.get(kind)
        if field is None or not request.user.has_perm(IDENTITY_PERMISSION):
            raise PermissionDenied
        stored = getattr(obj, field)
        if not stored:
            raise Http404
        return private_download(stored, download_name(stored, obj.number, kind))

    def document_view(self, request, document_id):
        from portal import scoping

        document = (
            scoping.filter_queryset(AnswerDocument.objects.select_related("notice__request"), request.user)
            .filter(pk=document_id)
            .first()
        )
        if document is None or not request.user.has_perm("ppid.view_answerdocument"):
            raise Http404
        stored = document.document
        return private_download(stored, download_name(stored, document.notice.request.number, document.pk))
