"""OpenSID sites: a village officer enters their village's site and sees how the last harvest went."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin

from ..models import HarvestedDocument, OpenSidSource
from .base import URL_FIELDS, ReadOnlyInline


class HarvestedDocumentInline(ReadOnlyInline):
    model = HarvestedDocument
    fields = ["item", "kode_desa", "external_id", "link", "remote_updated_at", "harvested_at"]
    readonly_fields = fields
    verbose_name_plural = _("documents taken in")


@admin.register(OpenSidSource)
class OpenSidSourceAdmin(ScopedModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["unit", "site_url", "is_active", "last_run_at", "last_summary", "last_error"]
    list_filter = ["is_active"]
    list_select_related = ["unit"]
    search_fields = ["unit__name", "site_url"]
    fields = [
        "unit",
        "site_url",
        "is_active",
        "synced_until",
        "last_run_at",
        "last_success_at",
        "last_summary",
        "last_error",
    ]
    readonly_fields = ["synced_until", "last_run_at", "last_success_at", "last_summary", "last_error"]
    inlines = [HarvestedDocumentInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ["unit", *self.readonly_fields]
        return self.readonly_fields
