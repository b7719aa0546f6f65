"""Back office of the ogp app.

Village PPID officers work only on their own village's budgets (scoping by
`portal.scoped_admin`): they upload files in the template or edit lines of a
draft, then publish it. Published versions and reports are shown read-only and
cannot be deleted; a correction starts a new version. Status changes go
through `ogp.services` from admin actions and the buttons on the change form.
"""

import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin, ScopedStackedInline, ScopedTabularInline

from . import imports, services
from .forms import BudgetImportForm
from .imports import ImportFileError
from .models import (
    Account,
    ActionPlan,
    Activity,
    Assessment,
    BillboardPhoto,
    Budget,
    BudgetLine,
    BudgetSummary,
    BudgetVersion,
    Commitment,
    FundSource,
    Indicator,
    IndicatorScore,
    Milestone,
    OpennessClass,
    Pillar,
    RealisationLine,
    RealisationReport,
    Status,
    VillageScore,
)

# --- Reference data ----------------------------------------------------------


class NationalRowsAdmin(ScopedModelAdmin):
    """National rows keep their codes and cannot be deleted; the regency adds its own (90–99)."""

    list_display = ["code", "name", "level", "is_national"]
    list_filter = ["level", "is_national"]
    search_fields = ["code", "name"]

    def get_readonly_fields(self, request, obj=None):
        return ["code", "level", "is_national"] if obj else ["level", "is_national"]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_national:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(FundSource)
class FundSourceAdmin(ScopedModelAdmin):
    list_display = ["code", "name", "alternative_codes", "order"]
    search_fields = ["code", "name"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []


@admin.register(Account)
class AccountAdmin(NationalRowsAdmin):
    list_display = ["code", "name", "level", "fund_source", "is_national"]
    fields = ["code", "name", "fund_source", "level", "is_national"]


@admin.register(Activity)
class ActivityAdmin(NationalRowsAdmin):
    fields = ["code", "name", "level", "is_national"]


# --- Budgets -------------------------------------------------------------------


class VersionInline(ScopedTabularInline):
    model = BudgetVersion
    fields = ["number", "kind", "status", "perdes_number", "perdes_date", "published_at", "line_count"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True


class BillboardPhotoInline(ScopedStackedInline):
    model = BillboardPhoto
    extra = 0
    fields = ["image", "alt_text", "caption", "taken_on", "place", "credit", "order"]


@admin.register(Budget)
class BudgetAdmin(ScopedModelAdmin):
    list_display = ["village", "year", "published", "drafts", "is_sample"]
    list_filter = ["year", "is_sample", "village__district"]
    search_fields = ["village__name", "village__code"]
    autocomplete_fields = ["village"]
    list_select_related = ["village"]
    inlines = [VersionInline, BillboardPhotoInline]
    change_list_template = "ogp/admin/budget_change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_published=Count("versions", filter=Q(versions__status=Status.PUBLISHED)),
                n_drafts=Count("versions", filter=Q(versions__status=Status.DRAFT)),
            )
        )

    def get_fields(self, request, obj=None):
        return ["village", "year", "website_url", "is_sample"] if obj else ["village", "year", "website_url"]

    def get_readonly_fields(self, request, obj=None):
        return ["village", "year", "is_sample"] if obj else []

    @admin.display(description=_("published versions"), ordering="n_published")
    def published(self, obj):
        return obj.n_published

    @admin.display(description=_("drafts"), ordering="n_drafts")
    def drafts(self, obj):
        return obj.n_drafts

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # A new APBDes starts with an empty draft of the original, ready for lines.
            services.start_version(budget=obj, kind=BudgetVersion.Kind.MURNI, by=request.user)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.versions.exclude(status=Status.DRAFT).exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(
            request, queryset.exclude(versions__status__in=[Status.PUBLISHED, Status.DISCARDED])
        )

    def delete_model(self, request, obj):
        obj.versions.filter(status=Status.DRAFT).delete()
        super().delete_model(request, obj)

    # --- Import ------------------------------------------------------------

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name=f"{prefix}_import"),
            path(
                "import/template.<str:fmt>",
                self.admin_site.admin_view(self.template_view),
                name=f"{prefix}_import_template",
            ),
            *super().get_urls(),
        ]

    def _may_import(self, request):
        return request.user.has_perm("ogp.add_budgetversion") or request.user.has_perm(
            "ogp.add_realisationreport"
        )

    def template_view(self, request, fmt):
        if not self._may_import(request):
            raise PermissionDenied
        if fmt == "csv":
            response = HttpResponse(imports.template_csv(), content_type="text/csv; charset=utf-8")
        elif fmt == "xlsx":
            response = HttpResponse(
                imports.template_xlsx(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            raise PermissionDenied
        response["Content-Disposition"] = f'attachment; filename="templat-apbdes.{fmt}"'
        return response

    def import_view(self, request):
        if not self._may_import(request):
            raise PermissionDenied
        can_publish = request.user.has_perm("ogp.publish_budgetversion")
        form = BudgetImportForm(
            request.POST or None, request.FILES or None, user=request.user, can_publish=can_publish
        )
        errors, truncated, result = [], False, None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                if data["what"] == BudgetImportForm.BUDGET:
                    if not request.user.has_perm("ogp.add_budgetversion"):
                        raise PermissionDenied
                    result = services.import_budget(
                        upload=upload,
                        year=data["year"],
                        user=request.user,
                        village=data["village"],
                        kind=data["kind"],
                        new_version=data["new_version"],
                        perdes_number=data["perdes_number"],
                        perdes_date=data["perdes_date"],
                        publish=data.get("publish", False),
                    )
                else:
                    if not request.user.has_perm("ogp.add_realisationreport"):
                        raise PermissionDenied
                    result = services.import_realisation(
                        upload=upload,
                        year=data["year"],
                        period=data["period"],
                        as_of=data["as_of"],
                        user=request.user,
                        village=data["village"],
                        new_report=data["new_report"],
                        publish=data.get("publish", False)
                        and request.user.has_perm("ogp.publish_realisationreport"),
                    )
            except ImportFileError as error:
                errors, truncated = error.errors, error.truncated
            except services.StatusChangeError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    gettext(
                        "Import finished: %(created)s new, %(replaced)s replaced, %(unchanged)s unchanged "
                        "(%(lines)s lines)."
                    )
                    % {
                        "created": result.count("created"),
                        "replaced": result.count("replaced"),
                        "unchanged": result.count("unchanged"),
                        "lines": result.lines,
                    },
                )
                if len(result.outcomes) == 1 and result.outcomes[0].version is not None:
                    outcome = result.outcomes[0]
                    target = outcome.report or outcome.version
                    return HttpResponseRedirect(
                        reverse(f"admin:ogp_{target._meta.model_name}_change", args=[target.pk])
                    )
                return HttpResponseRedirect(reverse("admin:ogp_budgetversion_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import an APBDes or realisation file"),
            "form": form,
            "errors": errors,
            "truncated": truncated,
            "columns": imports.COLUMNS,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "ogp/admin/import.html", context)


class BudgetLineInline(ScopedTabularInline):
    model = BudgetLine
    fields = ["position", "account", "activity", "fund_source", "description", "location", "amount"]
    autocomplete_fields = ["account", "activity"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("account", "activity", "fund_source", "version")

    def _draft(self, obj):
        return obj is None or obj.status == Status.DRAFT

    def has_add_permission(self, request, obj=None):
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draft(obj) and super().has_delete_permission(request, obj)


class StatusActionsMixin:
    """Admin actions and change-form buttons that move a record through `services`."""

    change_form_template = "ogp/admin/status_change_form.html"
    publish_permission = ""

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(self.publish_permission) and (
            obj is None or self.has_view_permission(request, obj)
        )

    def _move(self, request, obj, to):
        try:
            self.change_status(obj, to, request.user)
        except ValidationError as error:
            messages.error(request, f"{obj}: {' '.join(error.messages)}")
            return False
        return True

    def _bulk(self, request, queryset, to, done):
        moved = sum(1 for obj in queryset if self._move(request, obj, to))
        if moved:
            messages.success(request, done % {"n": moved})

    @admin.action(description=_("Publish the selected drafts"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, Status.PUBLISHED, gettext("%(n)s published."))

    @admin.action(description=_("Discard the selected drafts"), permissions=["publish"])
    def discard_selected(self, request, queryset):
        self._bulk(request, queryset, Status.DISCARDED, gettext("%(n)s discarded."))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/status/<str:to>/",
                self.admin_site.admin_view(self.status_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_status",
            ),
            *super().get_urls(),
        ]

    def status_view(self, request, object_id, to):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if to not in Status.values or not self.has_publish_permission(request, obj):
            raise PermissionDenied
        if self._move(request, obj, to):
            messages.success(
                request, gettext("%(obj)s is now %(status)s.") % {"obj": obj, "status": Status(to).label}
            )
        return HttpResponseRedirect(reverse(f"admin:ogp_{self.opts.model_name}_change", args=[obj.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_change_status"] = obj is not None and self.has_publish_permission(request, obj)
        context["status_url_name"] = f"admin:ogp_{self.opts.model_name}_status"
        return super().render_change_form(request, context, add, change, form_url, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == Status.PUBLISHED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset.exclude(status=Status.PUBLISHED))


@admin.register(BudgetVersion)
class BudgetVersionAdmin(StatusActionsMixin, ScopedModelAdmin):
    list_display = [
        "budget",
        "number",
        "kind",
        "status",
        "perdes_number",
        "perdes_date",
        "published_at",
        "line_count",
    ]
    list_filter = ["status", "kind", "budget__year", "budget__village__district"]
    search_fields = ["budget__village__name", "budget__village__code", "perdes_number"]
    list_select_related = ["budget__village"]
    fields = [
        "budget",
        "number",
        "kind",
        "status",
        "perdes_number",
        "perdes_date",
        "note",
        "based_on",
        "published_at",
        "revenue",
        "spending",
        "financing_receipts",
        "financing_expenditure",
        "public_page",
    ]
    readonly_fields = [
        "budget",
        "number",
        "status",
        "based_on",
        "published_at",
        "revenue",
        "spending",
        "financing_receipts",
        "financing_expenditure",
        "public_page",
    ]
    inlines = [BudgetLineInline]
    actions = [
        "publish_selected",
        "discard_selected",
        "start_revision",
        "start_correction",
        "start_semester_report",
        "start_year_end_report",
    ]
    publish_permission = "ogp.publish_budgetversion"

    def change_status(self, obj, to, user):
        services.change_version_status(version=obj, to=to, by=user)

    def has_add_permission(self, request):
        return False  # versions start from an APBDes, an import or the actions below

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if obj.status != Status.PUBLISHED:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def _start(self, request, queryset, kind):
        for version in queryset.select_related("budget"):
            try:
                new = services.start_version(
                    budget=version.budget, kind=kind or version.kind, by=request.user, based_on=version
                )
            except ValidationError as error:
                messages.error(request, f"{version}: {' '.join(error.messages)}")
            else:
                messages.success(request, gettext("Started %(version)s.") % {"version": new})

    @admin.action(
        description=_("Start an APBDes Perubahan from the selected version"), permissions=["add_version"]
    )
    def start_revision(self, request, queryset):
        self._start(request, queryset, BudgetVersion.Kind.PERUBAHAN)

    @admin.action(description=_("Start a correction of the selected version"), permissions=["add_version"])
    def start_correction(self, request, queryset):
        self._start(request, queryset, None)

    def has_add_version_permission(self, request):
        return request.user.has_perm("ogp.add_budgetversion")

    def _start_report(self, request, queryset, period, month, day):
        for version in queryset.select_related("budget"):
            try:
                report = services.start_report(
                    version=version,
                    period=period,
                    as_of=datetime.date(version.budget.year, month, day),
                    by=request.user,
                )
            except ValidationError as error:
                messages.error(request, f"{version}: {' '.join(error.messages)}")
            else:
                messages.success(request, gettext("Started %(report)s.") % {"report": report})

    @admin.action(description=_("Start a Semester I realisation report"), permissions=["add_report"])
    def start_semester_report(self, request, queryset):
        self._start_report(request, queryset, RealisationReport.Period.SEMESTER_1, 6, 30)

    @admin.action(description=_("Start a year-end realisation report"), permissions=["add_report"])
    def start_year_end_report(self, request, queryset):
        self._start_report(request, queryset, RealisationReport.Period.YEAR_END, 12, 31)

    def has_add_report_permission(self, request):
        return request.user.has_perm("ogp.add_realisationreport")


class RealisationLineInline(ScopedTabularInline):
    model = RealisationLine
    fields = ["line", "budgeted", "amount"]
    readonly_fields = ["line", "budgeted"]
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("line__account", "line__activity", "report")

    @admin.display(description=_("budget (Rp)"))
    def budgeted(self, obj):
        return obj.line.amount

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.status == Status.DRAFT) and super().has_change_permission(request, obj)


@admin.register(RealisationReport)
class RealisationReportAdmin(StatusActionsMixin, ScopedModelAdmin):
    list_display = ["version", "period", "as_of", "status", "published_at"]
    list_filter = ["status", "period", "version__budget__year"]
    search_fields = ["version__budget__village__name", "version__budget__village__code"]
    list_select_related = ["version__budget__village"]
    inlines = [RealisationLineInline]
    actions = ["publish_selected", "discard_selected"]
    publish_permission = "ogp.publish_realisationreport"

    def change_status(self, obj, to, user):
        services.change_report_status(report=obj, to=to, by=user)

    fields = ["version", "period", "as_of", "note", "status", "published_at", "revenue", "spending"]
    readonly_fields = ["version", "period", "status", "published_at", "revenue", "spending"]

    def has_add_permission(self, request):
        return False  # reports start from an import or from an action on the version in force


@admin.register(BudgetSummary)
class BudgetSummaryAdmin(ScopedModelAdmin):
    list_display = ["village", "year", "version", "revenue", "spending", "spending_rate", "last_published_at"]
    list_filter = ["year", "is_sample", "village__district"]
    search_fields = ["village__name", "village__code"]
    list_select_related = ["village", "version"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BillboardPhoto)
class BillboardPhotoAdmin(ScopedModelAdmin):
    list_display = ["alt_text", "budget", "taken_on", "place", "is_sample"]
    list_filter = ["budget__year", "is_sample"]
    search_fields = ["budget__village__name", "place", "alt_text"]
    autocomplete_fields = ["budget"]
    list_select_related = ["budget__village"]
    fields = ["budget", "image", "alt_text", "caption", "taken_on", "place", "credit", "order"]


# --- Openness index ------------------------------------------------------------


class PillarInline(admin.TabularInline):
    model = Pillar
    fields = ["key", "weight", "order"]
    extra = 0
    show_change_link = True


class OpennessClassInline(admin.TabularInline):
    model = OpennessClass
    fields = ["name", "min_score", "description"]
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["year", "title", "is_published"]
    fields = ["year", "title", "body", "is_published"]
    inlines = [PillarInline, OpennessClassInline]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ["name", "weight", "max_score", "order"]
    extra = 0


@admin.register(Pillar)
class PillarAdmin(ScopedModelAdmin):
    list_display = ["assessment", "key", "weight"]
    list_filter = ["assessment"]
    inlines = [IndicatorInline]


class IndicatorScoreInline(ScopedTabularInline):
    model = IndicatorScore
    fields = ["indicator", "score"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator":
            kwargs["queryset"] = Indicator.objects.select_related("pillar__assessment")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(VillageScore)
class VillageScoreAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["village", "assessment", "total", "is_sample"]
    list_filter = ["assessment", "is_sample"]
    search_fields = ["village__name", "village__code"]
    autocomplete_fields = ["village"]
    list_select_related = ["village", "assessment"]
    inlines = [IndicatorScoreInline]
    fields = ["assessment", "village", "total", "note", "is_sample"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # With indicator scores, the total follows from them and the weights.
        services.recompute_score(village_score=form.instance)


# --- OGP commitments -------------------------------------------------------------


class MilestoneInline(admin.StackedInline):
    model = Milestone
    fields = ["title", ("start", "end"), "deliverable", "completion", "results", "order", "is_sample"]
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["title", "start_year", "end_year", "is_published"]
    fields = [
        "title",
        ("start_year", "end_year"),
        "body",
        "irm_year",
        ("irm_complete", "irm_substantial", "irm_limited", "irm_not_started"),
        "irm_summary",
        "is_published",
        "is_sample",
    ]


@admin.register(Commitment)
class CommitmentAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["code", "title", "plan", "lead_agency", "completion", "early_results"]
    list_filter = ["plan", "completion", "early_results"]
    search_fields = ["code", "title"]
    inlines = [MilestoneInline]
