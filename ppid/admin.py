"""Back office of the information service.

Officers never edit a status: the buttons on a request's page (start, extend,
answer with a written notice, withdraw, reassign, withdraw from the register,
new access code) open small forms that call `ppid.services`. Every admin class
is a `ScopedModelAdmin`, so a PPID Desa officer sees and reaches only what
belongs to their village's unit; regency and agency units have no village and
stay out of their reach. Requests are never deleted (the retention command
anonymises them instead) and published DIP items cannot be deleted.

Personal data: lists show the requester's initials only; the NIK is shown in
full only on a request's own page to officers holding
``ppid.view_requester_identity``, and identity scans are downloaded through a
permission-checked view as attachments that are never cached.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin, ScopedTabularInline

from . import services
from .deadlines import WorkingCalendar
from .forms import (
    AnswerForm,
    ExcludeFromRegisterForm,
    ExtendForm,
    NoteForm,
    ObjectionDecisionForm,
    OfficerObjectionForm,
    OfficerRequestForm,
    ReassignForm,
    WithdrawForm,
)
from .models import (
    AnnualReport,
    AnswerDocument,
    DipCategory,
    DipDocumentVersion,
    DipItem,
    DipItemEvent,
    Dispute,
    InfoRequest,
    NonWorkingDay,
    Objection,
    ObjectionEvent,
    PpidUnit,
    Regulation,
    ReminderSent,
    RequestEvent,
    ServiceStandard,
    SurveyResponse,
    WrittenNotice,
)
from .views import private_headers

IDENTITY_PERMISSION = "ppid.view_requester_identity"
PRIVATE_FILE_FIELDS = {"identitas": "requester_identity_scan", "kuasa": "requester_proxy_letter"}
# Links typed without a scheme are taken as https.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ReadOnlyInline(ScopedTabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _fail(request, error):
    for message in getattr(error, "messages", [str(error)]):
        messages.error(request, message)


# --- Units --------------------------------------------------------------------------------


@admin.register(PpidUnit)
class PpidUnitAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["name", "kind", "village", "officer_name", "decree_number", "is_active", "is_sample"]
    list_filter = ["kind", "is_active", "is_sample", "village__district"]
    list_select_related = ["village"]
    search_fields = ["name", "agency", "village__name", "officer_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["village"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "slug", "agency", "village", "is_active"]}),
        (
            _("Officer and decree"),
            {"fields": ["officer_name", "officer_position", "decree_number", "decree_date"]},
        ),
        (_("Atasan PPID (decides objections)"), {"fields": ["atasan_name", "atasan_position"]}),
        (_("Service desk"), {"fields": ["address", "email", "phone"]}),
        (_("Demo"), {"fields": ["is_sample"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not request.user.has_perm("ppid.add_ppidunit"):
            # A village officer keeps their unit's details current but cannot move it.
            return ["kind", "name", "slug", "village", "is_active", "is_sample"]
        return []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if "slug" in self.get_readonly_fields(request, obj) else self.prepopulated_fields


# --- Daftar Informasi Publik ------------------------------------------------------------------


class ExemptionReviewFilter(admin.SimpleListFilter):
    title = _("exemption review")
    parameter_name = "tinjau"

    def lookups(self, request, model_admin):
        return [("ya", _("Exemption period ended: review"))]

    def queryset(self, request, queryset):
        if self.value() == "ya":
            return queryset.exemption_ended()
        return queryset


class VersionFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        new = [form for form in self.extra_forms if form.has_changed() and not self._should_delete_form(form)]
        if new and self.instance.category == DipCategory.DIKECUALIKAN:
            raise ValidationError(
                _("Exempt information is listed without its content, so it has no document.")
            )


class DipDocumentVersionInline(ScopedTabularInline):
    """Versions are only added; existing ones are read-only and stay listed."""

    model = DipDocumentVersion
    formset = VersionFormSet
    formfield_overrides = URL_FIELDS
    extra = 1
    can_delete = False
    fields = ["number", "document", "link", "note", "created_at", "created_by"]
    readonly_fields = ["number", "created_at", "created_by"]
    verbose_name_plural = _("document versions (a new version keeps the old ones listed)")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("ppid.add_dipdocumentversion")


class DipItemEventInline(ReadOnlyInline):
    model = DipItemEvent
    fields = ["at", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    verbose_name_plural = _("status history")


@admin.register(DipItem)
class DipItemAdmin(ScopedModelAdmin):
    change_form_template = "ppid/admin/dipitem_change_form.html"
    list_display = ["title", "unit", "category", "year", "status", "versions_count", "review_flag"]
    list_filter = ["status", "category", ExemptionReviewFilter, "year", "unit__kind", "is_sample"]
    list_select_related = ["unit"]
    search_fields = ["title", "summary", "unit__name"]
    autocomplete_fields = ["unit"]
    readonly_fields = ["status", "published_at"]
    actions = ["publish_selected"]
    inlines = [DipDocumentVersionInline, DipItemEventInline]
    fieldsets = [
        (None, {"fields": ["unit", "category", "title", "summary", "year", "status", "published_at"]}),
        (
            _("Columns of the list (Perki 1/2010)"),
            {
                "fields": [
                    "holding_official",
                    "responsible_person",
                    "produced_on",
                    "produced_place",
                    "softcopy",
                    "hardcopy",
                    "retention_period",
                ]
            },
        ),
        (
            _("Only for exempt information"),
            {"fields": ["exemption_ground", "exemption_legal_basis", "consequence_test", "exempt_until"]},
        ),
        (_("Demo"), {"fields": ["is_sample"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(version_total=Count("versions"))

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.status == DipItem.Status.PUBLISHED else None

    @admin.display(description=_("versions"), ordering="version_total")
    def versions_count(self, obj):
        return obj.version_total

    @admin.display(description=_("review"), boolean=False)
    def review_flag(self, obj):
        return gettext("Exemption ended: review") if obj.exemption_ended() else ""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        units = self._units(request)
        if len(units) == 1:
            initial.setdefault("unit", units[0].pk)
        initial.setdefault("year", timezone.localdate().year)
        return initial

    def _units(self, request):
        from portal import scoping

        return list(scoping.filter_queryset(PpidUnit.objects.all(), request.user)[:2])

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # drafts are deleted one by one; published items never
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != DipItem.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is DipDocumentVersion:
            # Versions are numbered and locked by the service, never saved by the formset.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            for inline_form in formset.extra_forms:
                if not inline_form.has_changed() or formset._should_delete_form(inline_form):
                    continue
                version = services.add_dip_version(
                    item=form.instance,
                    document=inline_form.cleaned_data.get("document"),
                    link=inline_form.cleaned_data.get("link", ""),
                    note=inline_form.cleaned_data.get("note", ""),
                    actor=request.user,
                )
                formset.new_objects.append(version)
            return
        super().save_formset(request, form, formset, change)

    @admin.action(description=_("Publish the selected items"))
    def publish_selected(self, request, queryset):
        done = 0
        for item in queryset:
            try:
                services.change_dip_status(item=item, to_status=DipItem.Status.PUBLISHED, actor=request.user)
                done += 1
            except ValidationError as error:
                _fail(request, ValidationError(f"{item}: {' '.join(error.messages)}"))
        if done:
            messages.success(request, gettext("%(count)s item(s) published.") % {"count": done})

    def get_urls(self):
        return [
            path(
                "<path:object_id>/terbitkan/",
                self.admin_site.admin_view(self.publish_view),
                name="ppid_dipitem_publish",
            ),
            path(
                "<path:object_id>/tarik/",
                self.admin_site.admin_view(self.withdraw_view),
                name="ppid_dipitem_withdraw",
            ),
            *super().get_urls(),
        ]

    def _editable(self, request, object_id):
        obj = self.get_object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def publish_view(self, request, object_id):
        item = self._editable(request, object_id)
        if request.method == "POST":
            try:
                services.change_dip_status(item=item, to_status=DipItem.Status.PUBLISHED, actor=request.user)
                messages.success(request, gettext("The item is published."))
            except ValidationError as error:
                _fail(request, error)
            return HttpResponseRedirect(reverse("admin:ppid_dipitem_change", args=[item.pk]))
        return self._action_page(request, item, None, _("Publish this item"), _("Publish"))

    def withdraw_view(self, request, object_id):
        item = self._editable(request, object_id)
        form = NoteForm(request.POST or None)
        form.fields["note"].required = True
        form.fields["note"].label = _("Why is the item withdrawn?")
        if request.method == "POST" and form.is_valid():
            try:
                services.change_dip_status(
                    item=item,
                    to_status=DipItem.Status.WITHDRAWN,
                    actor=request.user,
                    note=form.cleaned_data["note"],
                )
                messages.success(request, gettext("The item is withdrawn from the public list."))
                return HttpResponseRedirect(reverse("admin:ppid_dipitem_change", args=[item.pk]))
            except ValidationError as error:
                _fail(request, error)
        return self._action_page(request, item, form, _("Withdraw this item"), _("Withdraw"))

    def _action_page(self, request, obj, form, title, button, explanation=""):
        return TemplateResponse(
            request,
            "ppid/admin/action_form.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": obj,
                "title": title,
                "form": form,
                "button": button,
                "explanation": explanation,
                "back_url": reverse(f"admin:ppid_{self.model._meta.model_name}_change", args=[obj.pk]),
            },
        )


# --- Legal basis, maklumat, annual report, calendar --------------------------------------------


@admin.register(Regulation)
class RegulationAdmin(KeepPublishedMixin, ScopedModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["short_name", "title", "kind", "year", "is_published", "order"]
    list_filter = ["kind", "is_published"]
    list_editable = ["order"]
    search_fields = ["title", "short_name", "subject"]


@admin.register(ServiceStandard)
class ServiceStandardAdmin(ScopedModelAdmin):
    """A version in force is read-only; “Copy as a new draft” starts the next version."""

    list_display = ["title", "effective_from", "signed_by_position", "is_sample"]
    actions = ["copy_as_draft"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.in_force():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.in_force():
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Copy as a new draft version"))
    def copy_as_draft(self, request, queryset):
        for standard in queryset:
            standard.pk = None
            standard.effective_from = None
            standard.is_sample = False
            standard.save()
        messages.success(request, gettext("Draft copies created; set their date to put them in force."))


@admin.register(AnnualReport)
class AnnualReportAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["year", "budget", "is_published"]
    list_filter = ["is_published"]

    def published_records(self):
        return AnnualReport.objects.filter(is_published=True)


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(ScopedModelAdmin):
    """Changes move the due dates of open requests at once."""

    list_display = ["date", "description"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        changed = services.save_non_working_day(day=obj)
        if changed:
            messages.info(
                request, gettext("%(count)s open request(s) got a new due date.") % {"count": changed}
            )

    def delete_model(self, request, obj):
        services.delete_non_working_day(day=obj)

    def delete_queryset(self, request, queryset):
        for day in queryset:
            services.delete_non_working_day(day=day)


# --- Requests -------------------------------------------------------------------------------------


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
class InfoRequestAdmin(ScopedModelAdmin):
    change_form_template = "ppid/admin/inforequest_change_form.html"
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

    def _identity(self, request, obj):
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
            '{} · {} · <a href="{}">{}</a><br>{}',
            notice.outcome_label,
            notice.issued_on.strftime("%d-%m-%Y"),
            reverse("admin:ppid_inforequest_notice", args=[obj.pk]),
            gettext("Printable notice"),
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
            extra_context["identity"] = self._identity(request, obj)
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
            data = form.cleaned_data
            try:
                registration = services.register_request(
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
            except ValidationError as error:
                _fail(request, error)
            else:
                return private_headers(
                    TemplateResponse(
                        request,
                        "ppid/receipt_print.html",
                        {
                            "info_request": registration.request,
                            "access_code": registration.access_code,
                            "for_officer": True,
                        },
                    )
                )
        return TemplateResponse(
            request,
            "ppid/admin/action_form.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Register a request received at the desk, by post, e-mail or phone"),
                "form": form,
                "button": _("Register and print the receipt"),
                "multipart": True,
                "explanation": _(
                    "The law allows requests that are not written; record them here with the day they arrived. "
                    "The requester gets a registration number and an access code on the printed receipt."
                ),
                "back_url": reverse("admin:ppid_inforequest_changelist"),
            },
        )

    # --- workflow views ---
    def get_urls(self):
        def view(func):
            return self.admin_site.admin_view(func)

        return [
            path("<path:object_id>/proses/", view(self.process_view), name="ppid_inforequest_process"),
            path("<path:object_id>/perpanjang/", view(self.extend_view), name="ppid_inforequest_extend"),
            path("<path:object_id>/jawab/", view(self.answer_view), name="ppid_inforequest_answer"),
            path("<path:object_id>/tarik/", view(self.withdraw_view), name="ppid_inforequest_withdraw"),
            path("<path:object_id>/alihkan/", view(self.reassign_view), name="ppid_inforequest_reassign"),
            path("<path:object_id>/sembunyikan/", view(self.hide_view), name="ppid_inforequest_hide"),
            path("<path:object_id>/kode-baru/", view(self.code_view), name="ppid_inforequest_code"),
            path("<path:object_id>/tanda-terima/", view(self.receipt_view), name="ppid_inforequest_receipt"),
            path("<path:object_id>/pemberitahuan/", view(self.notice_view), name="ppid_inforequest_notice"),
            path("<path:object_id>/keberatan/", view(self.objection_view), name="ppid_inforequest_objection"),
            path("<path:object_id>/berkas/<slug:kind>/", view(self.file_view), name="ppid_inforequest_file"),
            path("dokumen/<int:document_id>/", view(self.document_view), name="ppid_answerdocument_download"),
            *super().get_urls(),
        ]

    def _editable(self, request, object_id):
        obj = self.get_object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _viewable(self, request, object_id):
        obj = self.get_object(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _back(self, obj):
        return HttpResponseRedirect(reverse("admin:ppid_inforequest_change", args=[obj.pk]))

    def _page(self, request, obj, form, title, button, explanation="", multipart=False):
        return TemplateResponse(
            request,
            "ppid/admin/action_form.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": obj,
                "title": title,
                "form": form,
                "button": button,
                "explanation": explanation,
                "multipart": multipart,
                "back_url": reverse("admin:ppid_inforequest_change", args=[obj.pk]),
            },
        )

    def _workflow(
        self,
        request,
        obj,
        form,
        *,
        call,
        success,
        title,
        button,
        explanation="",
        multipart=False,
        target=None,
    ):
        """Show a workflow form; when it is valid, call the service and go back to the request.

        A ValidationError from the service is shown on the form and nothing is saved.
        When the request's status does not allow the move (`target`), go back with a message.
        """
        if target is not None and target not in InfoRequest.TRANSITIONS[obj.status]:
            messages.warning(
                request,
                gettext("A request that is “%(current)s” cannot become “%(target)s”.")
                % {"current": obj.get_status_display(), "target": InfoRequest.Status(target).label},
            )
            return self._back(obj)
        if request.method == "POST" and form.is_valid():
            try:
                call(form.cleaned_data)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, success)
                return self._back(obj)
        return self._page(request, obj, form, title, button, explanation, multipart)

    def process_view(self, request, object_id):
        obj = self._editable(request, object_id)
        return self._workflow(
            request,
            obj,
            NoteForm(request.POST or None),
            call=lambda data: services.change_request_status(
                info_request=obj,
                to_status=InfoRequest.Status.IN_PROCESS,
                actor=request.user,
                note=data["note"],
            ),
            success=gettext("The request is in process."),
            target=InfoRequest.Status.IN_PROCESS,
            title=_("Start processing"),
            button=_("Start processing"),
        )

    def extend_view(self, request, object_id):
        obj = self._editable(request, object_id)
        return self._workflow(
            request,
            obj,
            ExtendForm(request.POST or None),
            call=lambda data: services.change_request_status(
                info_request=obj,
                to_status=InfoRequest.Status.EXTENDED,
                actor=request.user,
                extension_days=data["extension_days"],
                extension_reason=data["extension_reason"],
            ),
            success=gettext("The deadline is extended; the requester is informed."),
            target=InfoRequest.Status.EXTENDED,
            title=_("Extend the deadline"),
            button=_("Extend"),
            explanation=_(
                "The deadline can be extended once, by at most 7 working days, with written reasons (Pasal 22(8))."
            ),
        )

    def answer_view(self, request, object_id):
        obj = self._editable(request, object_id)
        form = AnswerForm(request.POST or None, request.FILES or None, info_request=obj)
        return self._workflow(
            request,
            obj,
            form,
            call=lambda data: services.answer_request(
                info_request=obj,
                actor=request.user,
                documents=[(upload.name, upload) for upload in data.get("documents", [])],
                **form.notice_fields(),
            ),
            success=gettext("The written notice is recorded and the requester is informed."),
            target=InfoRequest.Status.GRANTED,
            title=_("Answer with a written notice (Pasal 22(7))"),
            button=_("Record the notice"),
            explanation=_(
                "State whether the unit holds the information (and who does if not), the decision, the material given, "
                "any parts blacked out with reasons, the format and means of delivery, and any fee."
            ),
            multipart=True,
        )

    def withdraw_view(self, request, object_id):
        obj = self._editable(request, object_id)
        return self._workflow(
            request,
            obj,
            WithdrawForm(request.POST or None),
            call=lambda data: services.change_request_status(
                info_request=obj,
                to_status=InfoRequest.Status.WITHDRAWN,
                actor=request.user,
                note=data["note"],
            ),
            success=gettext("The withdrawal is recorded."),
            target=InfoRequest.Status.WITHDRAWN,
            title=_("Record withdrawal"),
            button=_("Record withdrawal"),
        )

    def reassign_view(self, request, object_id):
        obj = self._editable(request, object_id)
        if not request.user.has_perm("ppid.reassign_inforequest"):
            raise PermissionDenied
        return self._workflow(
            request,
            obj,
            ReassignForm(request.POST or None, units=PpidUnit.objects.published()),
            call=lambda data: services.reassign_request(
                info_request=obj, unit=data["unit"], actor=request.user, note=data["note"]
            ),
            success=gettext("The request is reassigned."),
            title=_("Reassign to another unit"),
            button=_("Reassign"),
        )

    def hide_view(self, request, object_id):
        obj = self._editable(request, object_id)
        return self._workflow(
            request,
            obj,
            ExcludeFromRegisterForm(request.POST or None),
            call=lambda data: services.exclude_from_register(
                info_request=obj, reason=data["reason"], actor=request.user
            ),
            success=gettext("The request no longer appears in the public register."),
            title=_("Withdraw from the public register"),
            button=_("Withdraw from the register"),
        )

    def code_view(self, request, object_id):
        obj = self._editable(request, object_id)
        if request.method == "POST":
            code = services.reset_access_code(info_request=obj, actor=request.user)
            return private_headers(
                TemplateResponse(
                    request,
                    "ppid/receipt_print.html",
                    {"info_request": obj, "access_code": code, "for_officer": True},
                )
            )
        return self._page(
            request,
            obj,
            None,
            _("Issue a new access code"),
            _("Issue a new code"),
            _("The old code stops working. The new code is shown once, on a receipt you can print."),
        )

    def receipt_view(self, request, object_id):
        obj = self._viewable(request, object_id)
        return private_headers(
            TemplateResponse(
                request,
                "ppid/receipt_print.html",
                {"info_request": obj, "access_code": None, "for_officer": True},
            )
        )

    def notice_view(self, request, object_id):
        obj = self._viewable(request, object_id)
        notice = WrittenNotice.objects.filter(request=obj).first()
        if notice is None:
            raise Http404
        return private_headers(
            TemplateResponse(
                request,
                "ppid/notice_print.html",
                {"notice": notice, "info_request": obj, "for_officer": True},
            )
        )

    def objection_view(self, request, object_id):
        obj = self._editable(request, object_id)
        if not request.user.has_perm("ppid.add_objection"):
            raise PermissionDenied
        return self._workflow(
            request,
            obj,
            OfficerObjectionForm(request.POST or None),
            call=lambda data: services.file_objection(
                info_request=obj,
                grounds=data["grounds"],
                statement=data["statement"],
                channel=data["channel"],
                filed_on=data["filed_on"],
                actor=request.user,
            ),
            success=gettext("The objection is registered."),
            title=_("Register an objection received on paper"),
            button=_("Register"),
        )

    def file_view(self, request, object_id, kind):
        """An identity or proxy scan: only for officers allowed to see identities, as a download."""
        obj = self._viewable(request, object_id)
        field = PRIVATE_FILE_FIELDS.get(kind)
        if field is None or not request.user.has_perm(IDENTITY_PERMISSION):
            raise PermissionDenied
        stored = getattr(obj, field)
        if not stored:
            raise Http404
        extension = stored.name.rsplit(".", 1)[-1] if "." in stored.name else "bin"
        filename = f"{obj.number.replace('/', '-')}-{kind}.{extension}"
        return private_headers(FileResponse(stored.open("rb"), as_attachment=True, filename=filename))

    def document_view(self, request, document_id):
        from portal import scoping

        document = (
            scoping.filter_queryset(AnswerDocument.objects.select_related("notice__request"), request.user)
            .filter(pk=document_id)
            .first()
        )
        if document is None or not request.user.has_perm("ppid.view_answerdocument"):
            raise Http404
        extension = document.document.name.rsplit(".", 1)[-1] if "." in document.document.name else "bin"
        filename = f"{document.notice.request.number.replace('/', '-')}-{document.pk}.{extension}"
        return private_headers(
            FileResponse(document.document.open("rb"), as_attachment=True, filename=filename)
        )


# --- Objections and disputes ---------------------------------------------------------------------


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


@admin.register(Objection)
class ObjectionAdmin(ScopedModelAdmin):
    change_form_template = "ppid/admin/objection_change_form.html"
    list_display = ["number", "request_link", "filed_on", "grounds_display", "status", "due_on", "overdue"]
    list_filter = ["status", "year", "is_sample"]
    list_select_related = ["request"]
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
        "is_sample",
    ]
    fields = readonly_fields

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

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        if obj is not None:
            buttons = []
            if obj.is_open and request.user.has_perm("ppid.decide_objection"):
                buttons.append(
                    (reverse("admin:ppid_objection_decide", args=[obj.pk]), gettext("Decide as atasan PPID"))
                )
            if obj.is_open and self.has_change_permission(request, obj):
                buttons.append(
                    (reverse("admin:ppid_objection_withdraw", args=[obj.pk]), gettext("Record withdrawal"))
                )
            if not obj.is_open and request.user.has_perm("ppid.add_dispute"):
                buttons.append(
                    (
                        reverse("admin:ppid_dispute_add") + f"?objection={obj.pk}",
                        gettext("Record a dispute at the Komisi Informasi"),
                    )
                )
            extra_context["workflow"] = buttons
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/putuskan/",
                self.admin_site.admin_view(self.decide_view),
                name="ppid_objection_decide",
            ),
            path(
                "<path:object_id>/tarik/",
                self.admin_site.admin_view(self.withdraw_view),
                name="ppid_objection_withdraw",
            ),
            *super().get_urls(),
        ]

    def _page(self, request, obj, form, title, button, explanation=""):
        return TemplateResponse(
            request,
            "ppid/admin/action_form.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": obj,
                "title": title,
                "form": form,
                "button": button,
                "explanation": explanation,
                "back_url": reverse("admin:ppid_objection_change", args=[obj.pk]),
            },
        )

    def decide_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if not request.user.has_perm("ppid.decide_objection"):
            raise PermissionDenied
        form = ObjectionDecisionForm(request.POST or None, objection=obj)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.change_objection_status(
                    objection=obj,
                    to_status=data["status"],
                    actor=request.user,
                    decision=data["decision"],
                    decided_on=data["decided_on"],
                    decided_by_name=data["decided_by_name"],
                    decided_by_position=data["decided_by_position"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, gettext("The decision is recorded and the requester is informed."))
                return HttpResponseRedirect(reverse("admin:ppid_objection_change", args=[obj.pk]))
        grounds = "; ".join(str(label) for label in obj.ground_labels)
        return self._page(
            request,
            obj,
            form,
            _("Decide the objection"),
            _("Record the decision"),
            gettext(
                "Grounds: %(grounds)s. Answer due by %(date)s. Grounds b–g may be settled by deliberation (musyawarah)."
            )
            % {"grounds": grounds, "date": obj.due_on.strftime("%d-%m-%Y")},
        )

    def withdraw_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.change_objection_status(
                    objection=obj,
                    to_status=Objection.Status.WITHDRAWN,
                    actor=request.user,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, gettext("The withdrawal is recorded."))
                return HttpResponseRedirect(reverse("admin:ppid_objection_change", args=[obj.pk]))
        return self._page(request, obj, form, _("Record withdrawal"), _("Record withdrawal"))


@admin.register(Dispute)
class DisputeAdmin(ScopedModelAdmin):
    list_display = ["__str__", "objection", "commission", "filed_on", "stage", "outcome", "court_filed_on"]
    list_filter = ["outcome", "is_sample"]
    list_select_related = ["objection"]
    search_fields = ["case_number", "objection__number", "objection__request__number"]
    autocomplete_fields = ["objection"]
    fieldsets = [
        (None, {"fields": ["objection", "commission", "case_number", "filed_on"]}),
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
            kwargs["queryset"] = Objection.objects.filter(~Q(status=Objection.Status.FILED))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        from portal import scoping

        if not scoping.in_scope(obj, request.user):
            raise PermissionDenied
        services.save_dispute(dispute=obj)

    def has_delete_permission(self, request, obj=None):
        return False


# ObjectionAdmin is the target of the dispute's autocomplete; it needs search fields (set above).


# --- Read-only records ------------------------------------------------------------------------------


class ReadOnlyAdmin(ScopedModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SurveyResponse)
class SurveyResponseAdmin(ReadOnlyAdmin):
    list_display = [
        "request",
        "unit",
        "year",
        "submitted_at",
        "q1",
        "q2",
        "q3",
        "q4",
        "q5",
        "q6",
        "q7",
        "q8",
        "q9",
    ]
    list_filter = ["year", "unit__kind", "is_sample"]
    list_select_related = ["request", "unit"]


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["request", "sent_on", "kind"]
    list_filter = ["kind", "sent_on"]
    list_select_related = ["request"]
