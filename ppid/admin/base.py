"""What the information service's admin pages share: read-only building blocks and error display."""

from django.contrib import messages
from django.db import models

from portal.scoped_admin import ScopedModelAdmin, ScopedTabularInline

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


class ReadOnlyAdmin(ScopedModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def report_errors(request, error):
    """A service's refusal as error messages at the top of the next page."""
    for message in getattr(error, "messages", [str(error)]):
        messages.error(request, message)
