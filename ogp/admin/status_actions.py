"""Publishing and discarding from the back office, as list actions and change-form buttons.

`StatusActionsMixin` is shared by the budget version and realisation report
admins; each says which service moves its records (`change_status`) and which
permission allows it (`publish_permission`). A refused move is shown as a
message, never an error page. Published records are read-only and kept.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Status


class StatusActionsMixin:
    """Admin actions and change-form buttons that move a record through `services`."""

    change_form_template = "ogp/admin/status_change_form.html"
    publish_permission = ""

    def change_status(self, obj, to, user):
        """Move `obj` to status `to` through its service; each admin using the mixin says which."""
        raise NotImplementedError(f"{type(self).__name__} must define change_status() with its service call")

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
