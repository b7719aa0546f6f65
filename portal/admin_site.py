"""The back office, branded with the deployment's government name.

The start page shows the officer's inbox (`portal.inbox`): the work waiting
for them, and each model's waiting count appears next to its name in the
admin's lists and navigation.

Two of Django's own admin pages are narrowed here: the "view on site" shortcut
(``/admin/r/<type>/<id>/``) redirects only to what the user may see in the
admin itself (the model admin's scoped queryset), and the change-password
page counts wrong current passwords (`portal.passwords`).
"""

from django.contrib import admin
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from . import inbox, passwords, throttle, wilayah


def _site_header():
    return wilayah.deployment().government_name


class PortalAdminSite(admin.AdminSite):
    site_header = lazy(_site_header, str)()
    site_title = _("Back office")
    index_title = _("Portal administration")

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        waiting = inbox.counts(request)
        if not waiting:
            return app_list
        for app in app_list:
            for model in app["models"]:
                count = waiting.get(f"{app['app_label']}.{model['object_name'].lower()}")
                if count:
                    model["inbox_count"] = count
                    model["name"] = _("%(name)s (%(count)s waiting)") % {
                        "name": model["name"],
                        "count": count,
                    }
        return app_list

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "inbox_sections": inbox.sections(request)}
        return super().index(request, extra_context)

    def get_urls(self):
        scoped = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [scoped if getattr(url, "name", None) == "view_on_site" else url for url in super().get_urls()]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's shortcut, for objects in the user's admin scope only (404 for the rest)."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            raise Http404
        try:
            obj = model_admin.get_queryset(request).get(pk=object_id)
        except (model.DoesNotExist, ValidationError, ValueError):
            raise Http404 from None
        if not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)

    def password_change(self, request, extra_context=None):
        if request.method == "POST" and not passwords.password_change_allowed(request.user):
            return throttle.throttled_response(request, retry_after=passwords.FAILED_CHANGE_SECONDS)
        response = super().password_change(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if request.method == "POST" and form is not None and form.errors.get("old_password"):
            passwords.record_failed_password_change(request)
        return response
