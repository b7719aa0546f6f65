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


class WorkflowRecordMixin:
    """A record that moves only by its workflow's buttons: no save or delete in the admin.

    The admin defines `_workflow_buttons(request, obj)`, shown on the change page.
    """

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
            extra_context["workflow"] = self._workflow_buttons(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)


def report_errors(request, error):
    """A service's refusal as error messages at the top of the next page."""
    for message in getattr(error, "messages", [str(error)]):
        messages.error(request, message)
