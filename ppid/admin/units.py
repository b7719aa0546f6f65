"""PPID units: a village officer keeps their unit's details current but cannot move it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin

from ..models import PpidUnit


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
        (_("Service desk"), {"fields": ["address", "email", "phone", "letter_code"]}),
        (_("Demo"), {"fields": ["is_sample"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not request.user.has_perm("ppid.add_ppidunit"):
            # A village officer keeps their unit's details current but cannot move it.
            return ["kind", "name", "slug", "village", "is_active", "is_sample"]
        return []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if "slug" in self.get_readonly_fields(request, obj) else self.prepopulated_fields
