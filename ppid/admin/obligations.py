"""Obligations from upheld objections: officers record the fulfilment (date and document) or a cancellation.

Obligations are created by the decision that upholds an objection, never
added or deleted here; their status changes through
`services.change_obligation_status` from the buttons on their page.
"""

from django.contrib import admin
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin

from .. import services
from ..downloads import download_name, private_download
from ..forms import CancelObligationForm, FulfilObligationForm
from ..models import MessageKind, Obligation, ObligationEvent
from ..outbox.channels import requester_outcome
from .actions import ActionPage, ActionPagesMixin
from .base import ReadOnlyInline, WorkflowRecordMixin


class ObligationEventInline(ReadOnlyInline):
    model = ObligationEvent
    fields = ["at", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    verbose_name_plural = _("history")


def _fulfilled(obligation):
    outcome = requester_outcome(obligation.objection.request, MessageKind.OBLIGATION_FULFILLED)
    done = gettext("The fulfilment is recorded.")
    return f"{done} {outcome}".strip()


def _not_open(obligation):
    return "" if obligation.is_open else gettext("This obligation is already closed.")


OBLIGATION_ACTIONS = (
    ActionPage(
        name="fulfil",
        route="laksanakan",
        title=_("Record the fulfilment"),
        button=_("Record the fulfilment"),
        form=lambda request, obligation: FulfilObligationForm(request.POST or None, request.FILES or None),
        call=lambda request, obligation, form: services.change_obligation_status(
            obligation=obligation,
            to_status=Obligation.Status.FULFILLED,
            actor=request.user,
            fulfilled_on=form.cleaned_data["fulfilled_on"],
            document=form.cleaned_data["document"],
            note=form.cleaned_data["note"],
        ),
        success=_fulfilled,
        multipart=True,
        refusal=_not_open,
    ),
    ActionPage(
        name="cancel",
        route="batalkan",
        title=_("Cancel the obligation"),
        button=_("Cancel the obligation"),
        form=lambda request, obligation: CancelObligationForm(request.POST or None),
        call=lambda request, obligation, form: services.change_obligation_status(
            obligation=obligation,
            to_status=Obligation.Status.CANCELLED,
            actor=request.user,
            note=form.cleaned_data["note"],
        ),
        permission="ppid.decide_objection",
        success=_("The obligation is cancelled."),
        refusal=_not_open,
    ),
)


@admin.register(Obligation)
class ObligationAdmin(WorkflowRecordMixin, ActionPagesMixin, ScopedModelAdmin):
    change_form_template = "ppid/admin/obligation_change_form.html"
    action_pages = OBLIGATION_ACTIONS
    list_display = ["__str__", "unit", "kind", "due_on", "status", "overdue", "fulfilled_on"]
    list_filter = ["status", "kind", "is_sample"]
    list_select_related = ["objection", "unit"]
    search_fields = ["objection__number", "objection__request__number"]
    inlines = [ObligationEventInline]
    readonly_fields = [
        "objection_link",
        "request_link",
        "unit",
        "kind",
        "order",
        "due_on",
        "status",
        "fulfilled_on",
        "fulfilment_note",
        "document_link",
        "is_sample",
    ]
    fields = readonly_fields

    @admin.display(description=_("objection"))
    def objection_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:ppid_objection_change", args=[obj.objection_id]),
            obj.objection.number,
        )

    @admin.display(description=_("request"))
    def request_link(self, obj):
        info_request = obj.objection.request
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:ppid_inforequest_change", args=[info_request.pk]),
            info_request.number,
        )

    @admin.display(description=_("document of the fulfilment"))
    def document_link(self, obj):
        if not obj.fulfilment_document:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:ppid_obligation_document", args=[obj.pk]),
            gettext("Download"),
        )

    def document_view(self, request, object_id):
        """The fulfilment document, for officers who may see the obligation, as a never-cached download."""
        obj = self.get_object(request, object_id)
        if not self.has_view_or_change_permission(request, obj) or not obj.fulfilment_document:
            raise Http404
        stored = obj.fulfilment_document
        return private_download(stored, download_name(stored, obj.objection.number, "pelaksanaan"))

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return obj.is_overdue()

    def has_add_permission(self, request):
        return False  # created by the decision that upholds an objection

    def _workflow_buttons(self, request, obj):
        if not obj.is_open:
            return []
        buttons = []
        if self.has_change_permission(request, obj):
            buttons.append(
                (reverse("admin:ppid_obligation_fulfil", args=[obj.pk]), gettext("Record the fulfilment"))
            )
        if self.has_change_permission(request, obj) and request.user.has_perm("ppid.decide_objection"):
            buttons.append(
                (reverse("admin:ppid_obligation_cancel", args=[obj.pk]), gettext("Cancel the obligation"))
            )
        return buttons

    def get_urls(self):
        document = path(
            "<path:object_id>/dokumen/",
            self.admin_site.admin_view(self.document_view),
            name="ppid_obligation_document",
        )
        return [document, *self.action_urls(), *super().get_urls()]
