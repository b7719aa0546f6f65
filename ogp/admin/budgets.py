"""APBDes in the back office: one budget per village and year, its summary and billboard photos.

A new APBDes starts with an empty draft of the original version. An APBDes
with a version that was ever published or discarded cannot be deleted; the
summaries are kept by `ogp.services` and are read-only here.
"""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin, ScopedStackedInline, ScopedTabularInline

from .. import services
from ..models import BillboardPhoto, Budget, BudgetSummary, BudgetVersion, Status
from .budget_import import BudgetImportMixin


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
class BudgetAdmin(BudgetImportMixin, ScopedModelAdmin):
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
        fields = ["village", "year", "website_url", "complaint_address"]
        return [*fields, "is_sample"] if obj else fields

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
