"""Reference data in the back office: sources of funds, accounts and activities.

The national rows (from Permendagri) keep their codes and cannot be deleted;
the regency adds its own rows in the codes left free for it (90–99).
"""

from django.contrib import admin

from portal.scoped_admin import ScopedModelAdmin

from ..models import Account, Activity, FundSource


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
