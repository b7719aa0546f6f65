"""The legal basis, the service standard (maklumat), annual reports, the calendar and read-only records."""

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin

from .. import services
from ..models import AnnualReport, NonWorkingDay, Regulation, ReminderSent, ServiceStandard, SurveyResponse
from .base import URL_FIELDS, ReadOnlyAdmin


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
