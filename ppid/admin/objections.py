"""Objections to the atasan PPID and disputes at the Komisi Informasi.

Objections arrive online or are registered from the request's page; here the
atasan PPID decides them and officers record withdrawals, both through
`services.change_objection_status`. Neither objections nor disputes are deleted.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin

from .. import services
from ..forms import ObjectionDecisionForm, WithdrawForm
from ..models import Dispute, MessageKind, Objection, ObjectionEvent, Obligation
from ..outbox.channels import requester_outcome
from .actions import ActionPage, ActionPagesMixin
from .base import ReadOnlyInline, WorkflowRecordMixin


class ObjectionEventInline(ReadOnlyInline):
    model = ObjectionEvent
    fields = ["at", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    verbose_name_plural = _("history")


class DisputeInline(ReadOnlyInline):
    model = Dispute
    fields = ["dispute_link", "commission", "filed_on", "decided_on", "outcome"]
    readonly_fields = fields
    verbose_name_plural = _("disputes at the Komisi Informasi")

    @admin.display(description=_("dispute"))
    def dispute_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:ppid_dispute_change", args=[obj.pk]), str(obj)
        )


def _decide(request, objection, form):
    data = form.cleaned_data
    return services.change_objection_status(
        objection=objection,
        to_status=data["status"],
        actor=request.user,
        decision=data["decision"],
        decided_on=data["decided_on"],
        decided_by_name=data["decided_by_name"],
        decided_by_position=data["decided_by_position"],
        obligation_kind=data.get("obligation_kind") or None,
        obligation_due_on=data.get("obligation_due_on"),
        obligation_order=data.get("obligation_order", ""),
    )


def _decision_explanation(objection):
    grounds = "; ".join(str(label) for label in objection.ground_labels)
    return gettext(
        "Grounds: %(grounds)s. Answer due by %(date)s. Grounds b–g may be settled by deliberation (musyawarah)."
    ) % {"grounds": grounds, "date": objection.due_on.strftime("%d-%m-%Y")}


def _decided(objection):
    outcome = requester_outcome(objection.request, MessageKind.OBJECTION_DECIDED)
    done = gettext("The decision is recorded.")
    return f"{done} {outcome}".strip()


OBJECTION_ACTIONS = (
    ActionPage(
        name="decide",
        route="putuskan",
        title=_("Decide the objection"),
        button=_("Record the decision"),
        form=lambda request, objection: ObjectionDecisionForm(request.POST or None, objection=objection),
        needs_change=False,
        permission="ppid.decide_objection",
        call=_decide,
        success=_decided,
        explanation=_decision_explanation,
    ),
    ActionPage(
        name="withdraw",
        route="tarik",
        title=_("Record withdrawal"),
        button=_("Record withdrawal"),
        form=lambda request, objection: WithdrawForm(request.POST or None),
        call=lambda request, objection, form: services.change_objection_status(
            objection=objection,
            to_status=Objection.Status.WITHDRAWN,
            actor=request.user,
            note=form.cleaned_data["note"],
        ),
        success=_("The withdrawal is recorded."),
    ),
)


@admin.register(Objection)
class ObjectionAdmin(WorkflowRecordMixin, ActionPagesMixin, ScopedModelAdmin):
    change_form_template = "ppid/admin/objection_change_form.html"
    action_pages = OBJECTION_ACTIONS
    list_display = ["number", "request_link", "filed_on", "grounds_display", "status", "due_on", "overdue"]
    list_filter = ["status", "year", "is_sample"]
    list_select_related = ["request"]
    # The dispute's autocomplete searches objections by these.
    search_fields = ["number", "request__number"]
    inlines = [ObjectionEventInline, DisputeInline]
    readonly_fields = [
        "number",
        "request_link",
        "channel",
        "grounds_display",
        "statement",
        "filed_on",
        "ground_arose_on",
        "due_on",
        "status",
        "decided_on",
        "decision",
        "decided_by_name",
        "decided_by_position",
        "obligation_link",
        "is_sample",
    ]
    fields = readonly_fields

    @admin.display(description=_("obligation of the unit"))
    def obligation_link(self, obj):
        obligation = Obligation.objects.filter(objection=obj).first()
        if obligation is None:
            return "–"
        return format_html(
            '<a href="{}">{} · {}</a>',
            reverse("admin:ppid_obligation_change", args=[obligation.pk]),
            obligation.get_status_display(),
            obligation.due_on.strftime("%d-%m-%Y"),
        )

    @admin.display(description=_("request"))
    def request_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:ppid_inforequest_change", args=[obj.request_id]),
            obj.request.number,
        )

    @admin.display(description=_("grounds"))
    def grounds_display(self, obj):
        return ", ".join(obj.grounds)

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return obj.is_overdue()

    def has_add_permission(self, request):
        return False  # objections arrive online or are registered from the request's page

    def _workflow_buttons(self, request, obj):
        buttons = []
        if obj.is_open and request.user.has_perm("ppid.decide_objection"):
            buttons.append(
                (reverse("admin:ppid_objection_decide", args=[obj.pk]), gettext("Decide as atasan PPID"))
            )
        if obj.is_open and self.has_change_permission(request, obj):
            buttons.append(
                (reverse("admin:ppid_objection_withdraw", args=[obj.pk]), gettext("Record withdrawal"))
            )
        # A dispute follows the atasan's answer, or the 30 working days it let run out.
        disputable = obj.status != Objection.Status.WITHDRAWN and (not obj.is_open or obj.is_overdue())
        if disputable and request.user.has_perm("ppid.add_dispute"):
            buttons.append(
                (
                    reverse("admin:ppid_dispute_add") + f"?objection={obj.pk}",
                    gettext("Record a dispute at the Komisi Informasi"),
                )
            )
        return buttons

    def get_urls(self):
        return [*self.action_urls(), *super().get_urls()]


@admin.register(Dispute)
class DisputeAdmin(ScopedModelAdmin):
    list_display = [
        "__str__",
        "objection",
        "commission",
        "filed_on",
        "filed_late",
        "stage",
        "outcome",
        "court_filed_on",
    ]
    readonly_fields = ["window_ends_on", "filed_late"]
    list_filter = ["outcome", "is_sample"]
    list_select_related = ["objection"]
    search_fields = ["case_number", "objection__number", "objection__request__number"]
    autocomplete_fields = ["objection"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "objection",
                    "commission",
                    "case_number",
                    "filed_on",
                    "window_ends_on",
                    "filed_late",
                ]
            },
        ),
        (_("Progress"), {"fields": ["mediation_on", "adjudication_on", "decided_on", "outcome", "summary"]}),
        (_("Court"), {"fields": ["court_filed_on", "court_outcome"]}),
        (_("Demo"), {"fields": ["is_sample"]}),
    ]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("commission", "Komisi Informasi Provinsi Jawa Timur")
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "objection":
            # Decided objections, and those the atasan left unanswered past their 30 working days.
            kwargs["queryset"] = Objection.objects.filter(
                ~Q(status__in=[Objection.Status.FILED, Objection.Status.WITHDRAWN])
                | Q(status=Objection.Status.FILED, due_on__lt=timezone.localdate())
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        from portal import scoping

        if not scoping.in_scope(obj, request.user):
            raise PermissionDenied
        services.save_dispute(dispute=obj)
        if obj.filed_late:
            messages.warning(
                request,
                gettext(
                    "Recorded as filed late: the 14 working days of Pasal 37 ended on %(date)s. "
                    "The Komisi Informasi decides whether it hears the dispute."
                )
                % {"date": obj.window_ends_on.strftime("%d-%m-%Y")},
            )

    def has_delete_permission(self, request, obj=None):
        return False
