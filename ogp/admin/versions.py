"""Budget versions and realisation reports in the back office, with their lines.

Lines can be edited only while their version or report is a draft. Versions
start from an APBDes, an import or the actions here (a Perubahan, a
correction, a realisation report); none is added by hand.
"""

import datetime

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin, ScopedTabularInline

from .. import services
from ..models import BudgetLine, BudgetVersion, RealisationLine, RealisationReport, Status
from .billboard import BillboardDownloadMixin
from .status_actions import StatusActionsMixin


class BudgetLineInline(ScopedTabularInline):
    model = BudgetLine
    fields = [
        "position",
        "account",
        "activity",
        "fund_source",
        "description",
        "location",
        "executor",
        "amount",
    ]
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


@admin.register(BudgetVersion)
class BudgetVersionAdmin(BillboardDownloadMixin, StatusActionsMixin, ScopedModelAdmin):
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
        "balance_explanation",
        "based_on",
        "published_at",
        "revenue",
        "spending",
        "financing_receipts",
        "financing_expenditure",
        "public_page",
        "billboard_links",
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
        "billboard_links",
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
    fields = [
        "version",
        "period",
        "as_of",
        "note",
        "balance_explanation",
        "status",
        "published_at",
        "revenue",
        "spending",
    ]
    readonly_fields = ["version", "period", "status", "published_at", "revenue", "spending"]

    def change_status(self, obj, to, user):
        services.change_report_status(report=obj, to=to, by=user)

    def has_add_permission(self, request):
        return False  # reports start from an import or from an action on the version in force
