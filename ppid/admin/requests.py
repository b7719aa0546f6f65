"""Requests in the back office: the list, a request's page and registering a request from the desk.

Officers never edit a request: its page is read-only, with buttons for the
workflow actions (`ppid.admin.request_actions`) and its papers
(`ppid.admin.request_files`). Requests are never deleted (the retention
command anonymises them instead). Lists show the requester's initials only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin

from .. import services
from ..deadlines import WorkingCalendar
from ..forms import OfficerRequestForm
from ..models import InfoRequest, Objection, PpidUnit, RequestEvent, WrittenNotice
from ..outbox.channels import requester_channels
from .actions import ActionPagesMixin
from .base import ReadOnlyInline, report_errors
from .request_actions import REQUEST_ACTIONS
from .request_files import RequestFilesMixin, identity_panel, receipt_page


class OverdueFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "tenggat"

    def lookups(self, request, model_admin):
        return [("lewat", _("Overdue")), ("segera", _("Due within 2 working days")), ("buka", _("Open"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "lewat":
            return queryset.overdue(today)
        if self.value() == "segera":
            horizon = WorkingCalendar.from_db().add_working_days(today, 2).due
            return queryset.due_between(today, horizon)
        if self.value() == "buka":
            return queryset.open()
        return queryset


class RequestEventInline(ReadOnlyInline):
    model = RequestEvent
    fields = ["at", "kind", "from_status", "to_status", "actor", "note", "is_public"]
    readonly_fields = fields
    verbose_name_plural = _("history")


class ObjectionInline(ReadOnlyInline):
    model = Objection
    fields = ["objection_link", "filed_on", "status", "due_on", "decided_on"]
    readonly_fields = fields
    verbose_name_plural = _("objections")

    @admin.display(description=_("objection"))
    def objection_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:ppid_objection_change", args=[obj.pk]), obj.number
        )


@admin.register(InfoRequest)
class InfoRequestAdmin(ActionPagesMixin, RequestFilesMixin, ScopedModelAdmin):
    change_form_template = "ppid/admin/inforequest_change_form.html"
    action_pages = REQUEST_ACTIONS
    list_display = [
        "number",
        "received_on",
        "unit",
        "requester",
        "subject",
        "status",
        "due_on",
        "deadline_state",
        "channel",
    ]
    list_filter = [
        "status",
        OverdueFilter,
        "channel",
        "year",
        "unit__kind",
        "in_public_register",
        "is_sample",
    ]
    list_select_related = ["unit"]
    search_fields = ["number", "information_requested", "requester_name"]
    date_hierarchy = "received_on"
    actions = ["start_processing"]
    inlines = [RequestEventInline, ObjectionInline]
    fieldsets = [
        (
            None,
            {"fields": ["number", "status", "unit", "channel", "received_on", "registered_at", "created_by"]},
        ),
        (_("Deadline"), {"fields": ["deadline_explanation", "extension_reason"]}),
        (
            _("The request"),
            {"fields": ["information_requested", "purpose", "obtain_method", "delivery_method", "language"]},
        ),
        (_("Answer"), {"fields": ["notice_summary", "answered_on", "working_days_taken"]}),
        (
            _("Public register and records"),
            {
                "fields": [
                    "in_public_register",
                    "register_exclusion_reason",
                    "closed_at",
                    "anonymised_at",
                    "is_sample",
                ]
            },
        ),
    ]

    # --- lists ---
    @admin.display(description=_("requester"))
    def requester(self, obj):
        return obj.requester_public_label

    @admin.display(description=_("information requested"))
    def subject(self, obj):
        return Truncator(obj.information_requested).chars(70)

    @admin.display(description=_("deadline"))
    def deadline_state(self, obj):
        if obj.is_overdue():
            return format_html('<strong class="ppid-overdue">{}</strong>', gettext("Overdue"))
        return ""

    # --- the change page ---
    def get_readonly_fields(self, request, obj=None):
        return [
            "number",
            "status",
            "unit",
            "channel",
            "received_on",
            "registered_at",
            "created_by",
            "deadline_explanation",
            "extension_reason",
            "information_requested",
            "purpose",
            "obtain_method",
            "delivery_method",
            "language",
            "notice_summary",
            "answered_on",
            "working_days_taken",
            "in_public_register",
            "register_exclusion_reason",
            "closed_at",
            "anonymised_at",
            "is_sample",
        ]

    @admin.display(description=_("due date"))
    def deadline_explanation(self, obj):
        calendar = WorkingCalendar.from_db()
        first, extended = obj.deadline(calendar)
        parts = [
            gettext("First due date %(date)s: 10 working days after %(received)s.")
            % {"date": first.due.strftime("%d-%m-%Y"), "received": obj.received_on.strftime("%d-%m-%Y")}
        ]
        if extended:
            parts.append(
                gettext("Extended by %(days)s working days to %(date)s.")
                % {"days": obj.extension_days, "date": extended.due.strftime("%d-%m-%Y")}
            )
        if obj.is_overdue():
            parts.append(gettext("OVERDUE."))
        return " ".join(parts)

    @admin.display(description=_("written notice"))
    def notice_summary(self, obj):
        notice = WrittenNotice.objects.filter(request=obj).first()
        if notice is None:
            return "—"
        documents = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:ppid_answerdocument_download", args=[d.pk]), d.title)
                for d in notice.documents.all()
            ),
        )
        return format_html(
            '{} · {} · <a href="{}">{}</a> · <a href="{}">{}</a><br>{}',
            notice.outcome_label,
            notice.issued_on.strftime("%d-%m-%Y"),
            reverse("admin:ppid_inforequest_notice", args=[obj.pk]),
            gettext("Printable notice"),
            reverse("admin:ppid_inforequest_notice_pdf", args=[obj.pk]),
            gettext("PDF"),
            documents,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context["workflow"] = self._workflow_buttons(request, obj)
            extra_context["identity"] = identity_panel(request, obj)
            extra_context["channels"] = requester_channels(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def _workflow_buttons(self, request, obj):
        can_change = self.has_change_permission(request, obj)
        allowed = InfoRequest.TRANSITIONS[obj.status] if can_change else set()
        S = InfoRequest.Status
        buttons = []

        def add(name, label, condition=True):
            if condition:
                buttons.append((reverse(f"admin:ppid_inforequest_{name}", args=[obj.pk]), label))

        add("process", gettext("Start processing"), S.IN_PROCESS in allowed)
        add("extend", gettext("Extend the deadline"), S.EXTENDED in allowed)
        add("answer", gettext("Answer with a written notice"), S.GRANTED in allowed)
        add("withdraw", gettext("Record withdrawal"), S.WITHDRAWN in allowed)
        add(
            "reassign",
            gettext("Reassign to another unit"),
            obj.is_open and request.user.has_perm("ppid.reassign_inforequest"),
        )
        add(
            "objection",
            gettext("Register an objection received on paper"),
            can_change
            and request.user.has_perm("ppid.add_objection")
            and services.objection_window(obj, WorkingCalendar.from_db()) is not None,
        )
        add("hide", gettext("Withdraw from the public register"), can_change and obj.in_public_register)
        add("code", gettext("Issue a new access code"), can_change and not obj.anonymised_at)
        add("receipt", gettext("Print the receipt"))
        add("receipt_pdf", gettext("Download the receipt (PDF)"))
        return buttons

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.in_public_register else None

    def has_delete_permission(self, request, obj=None):
        return False  # requests are records: anonymised after the retention period, never deleted

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Start processing the selected requests"))
    def start_processing(self, request, queryset):
        done = 0
        for info_request in queryset.filter(status=InfoRequest.Status.REGISTERED):
            if self.has_change_permission(request, info_request):
                services.change_request_status(
                    info_request=info_request, to_status=InfoRequest.Status.IN_PROCESS, actor=request.user
                )
                done += 1
        messages.success(request, gettext("%(count)s request(s) are now in process.") % {"count": done})

    # --- registering a request received at the desk, by post, e-mail or phone ---
    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        from portal import scoping

        units = scoping.filter_queryset(PpidUnit.objects.published(), request.user)
        form = OfficerRequestForm(request.POST or None, request.FILES or None, units=units)
        if request.method == "POST" and form.is_valid():
            try:
                registration = self._register(request, form)
            except ValidationError as error:
                report_errors(request, error)
            else:
                return receipt_page(request, registration.request, registration.access_code)
        return self.action_page(
            request,
            None,
            form,
            title=_("Register a request received at the desk, by post, e-mail or phone"),
            button=_("Register and print the receipt"),
            multipart=True,
            explanation=_(
                "The law allows requests that are not written; record them here with the day they arrived. "
                "The requester gets a registration number and an access code on the printed receipt."
            ),
            back_url=reverse("admin:ppid_inforequest_changelist"),
        )

    def _register(self, request, form):
        data = form.cleaned_data
        return services.register_request(
            unit=data["unit"],
            requester=form.requester(),
            information_requested=data["information_requested"].strip(),
            purpose=data["purpose"].strip(),
            obtain_method=data["obtain_method"],
            delivery_method=data["delivery_method"],
            channel=data["channel"],
            received_on=data["received_on"],
            actor=request.user,
        )

    def get_urls(self):
        return [*self.action_urls(), *self.file_urls(), *super().get_urls()]
