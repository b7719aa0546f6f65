"""The KIM registry in the back office: KIMs, their status page, and levels."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.roles import Role
from portal.scoped_admin import ScopedModelAdmin

from .. import access, services
from ..forms import KimStatusForm
from ..models import (
    Kim,
    KimLevel,
)
from .inlines import (
    AchievementInline,
    BoardMemberInline,
    KimStatusChangeInline,
    MediaChannelInline,
)


@admin.register(Kim)
class KimAdmin(ScopedModelAdmin):
    list_display = [
        "name",
        "village",
        "district",
        "level",
        "status",
        "member_count",
        "is_public",
        "is_sample",
    ]
    list_filter = ["status", "level", "village__district", "is_public", "is_sample"]
    list_select_related = ["village__district", "level"]
    search_fields = ["name", "slug", "village__name", "decree_number"]
    autocomplete_fields = ["village"]
    filter_horizontal = ["managers"]
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ["status", "status_since", "created", "updated"]
    inlines = [MediaChannelInline, BoardMemberInline, AchievementInline, KimStatusChangeInline]
    change_form_template = "kim/admin/kim_change_form.html"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "village",
                    "address",
                    "level",
                    "status",
                    "status_since",
                    "is_public",
                    "is_sample",
                ]
            },
        ),
        (
            gettext_lazy("Founding and decree (SK pengukuhan)"),
            {
                "fields": [
                    "founded_on",
                    "decree_number",
                    "decree_date",
                    "decree_issuer",
                    "decree_subject",
                    "decree_file",
                ]
            },
        ),
        (gettext_lazy("Profile"), {"fields": ["description", "member_count"]}),
        (gettext_lazy("Contact"), {"fields": ["phone", "email", "contact_is_public"]}),
        (gettext_lazy("Managers"), {"fields": ["managers"]}),
        (gettext_lazy("Record"), {"fields": ["created", "updated"]}),
    ]
    # What only Diskominfo decides: which KIM this is, where, its level, whether it is listed.
    REGISTRY_FIELDS = ["name", "slug", "village", "level", "is_public", "is_sample"]

    @admin.display(description=gettext_lazy("kecamatan"), ordering="village__district__name")
    def district(self, obj):
        return obj.village.district

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if access.is_registry_staff(request.user):
            return fieldsets
        return [(name, opts) for name, opts in fieldsets if "managers" not in opts["fields"]]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not access.is_registry_staff(request.user):
            fields += self.REGISTRY_FIELDS
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if access.is_registry_staff(request.user) else {}

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "managers":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(groups__name=Role.KIM_MANAGER.value, is_active=True)
                .order_by("username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_actions(self, request):
        # Listed KIMs are never deleted (dissolve them); a bulk delete could not tell them apart.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or access.can_write_kim(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or (not obj.is_public and access.is_registry_staff(request.user)))

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            services.register_kim(kim=obj, by=request.user)

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/status/",
                self.admin_site.admin_view(self.status_view),
                name=f"{opts.app_label}_{opts.model_name}_status",
            ),
            *super().get_urls(),
        ]

    def status_view(self, request, object_id):
        """Change a KIM's status from a date, through `services.change_kim_status`."""
        kim = self.get_object(request, unquote(object_id))
        if not access.can_change_status(request.user):
            raise PermissionDenied
        moves = sorted(services.allowed_kim_moves(kim), key=list(Kim.Status).index)
        form = KimStatusForm(request.POST or None, moves=moves)
        if request.method == "POST" and moves and form.is_valid():
            try:
                services.change_kim_status(
                    kim=kim,
                    to=form.cleaned_data["to"],
                    on=form.cleaned_data["on"],
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                kim.refresh_from_db()
                self.message_user(
                    request,
                    _("%(kim)s is now %(status)s.")
                    % {"kim": kim.name, "status": kim.get_status_display().lower()},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:kim_kim_change", args=[kim.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change the status of %(kim)s") % {"kim": kim.name},
            "opts": self.opts,
            "original": kim,
            "form": form,
            "moves": moves,
            "history": kim.status_changes.newest_first(),
        }
        return TemplateResponse(request, "kim/admin/kim_status.html", context)


@admin.register(KimLevel)
class KimLevelAdmin(ScopedModelAdmin):
    list_display = ["name", "slug", "order", "is_sample"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name"]
