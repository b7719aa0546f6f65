"""Back office for visits: editors write, preview, schedule and publish visit reports.

Status changes go through `services.change_status` from the visit's
“Publish or schedule” page or the list action; the edit form never sets the
status. A published visit cannot be deleted and every later change to it
needs a correction note, which the public page shows. Institutions, topics
and host units in use by a visit cannot be deleted.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin, ScopedStackedInline, ScopedTabularInline
from portal.templatetags.portal import tanggal

from . import services
from .forms import PublicationForm, TopicAdminForm, VisitAdminForm
from .models import (
    HostOfficial,
    HostUnit,
    Institution,
    Topic,
    Visit,
    VisitPhoto,
    VisitSession,
)
from .views import detail_context

PUBLISH_PERMISSION = "visits.publish_visit"


class InUseProtectedMixin:
    """Rows used by a visit cannot be deleted: deleting them would change published visits."""

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not obj.visits.exists())

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [obj for obj in objs if obj.visits.exists()]
        if in_use:
            protected = [
                *protected,
                *(gettext("%(item)s (used by a visit)") % {"item": obj} for obj in in_use),
            ]
        return to_delete, model_count, perms_needed, protected


@admin.register(Institution)
class InstitutionAdmin(ScopedModelAdmin):
    list_display = ["name", "short_name", "kind", "region_code", "province", "visit_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "region_code", "country"]
    # Explicit: the visit count's GROUP BY drops the model's default ordering.
    ordering = ["name"]
    fields = ["name", "short_name", "kind", "region_code", "country", "website"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_visits=Count("visits"))

    @admin.display(description=_("province"))
    def province(self, obj):
        return obj.province_name or obj.country or "—"

    @admin.display(description=_("visits"), ordering="n_visits")
    def visit_count(self, obj):
        return obj.n_visits


@admin.register(Topic)
class TopicAdmin(InUseProtectedMixin, ScopedModelAdmin):
    form = TopicAdminForm
    list_display = ["name", "slug", "visit_count"]
    search_fields = ["name", "slug"]
    ordering = ["name"]
    fields = ["name", "slug", "description"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_visits=Count("visits"))

    @admin.display(description=_("visits"), ordering="n_visits")
    def visit_count(self, obj):
        return obj.n_visits


@admin.register(HostUnit)
class HostUnitAdmin(InUseProtectedMixin, ScopedModelAdmin):
    list_display = ["name", "full_name"]
    search_fields = ["name", "full_name"]


class HostOfficialInline(ScopedTabularInline):
    model = HostOfficial
    extra = 0
    fields = ["order", "name", "position", "part"]


class VisitSessionInline(ScopedTabularInline):
    model = VisitSession
    extra = 0
    fields = ["order", "title", "venue", "led_by"]


class VisitPhotoInline(ScopedStackedInline):
    model = VisitPhoto
    extra = 0
    fields = ["order", "image", "thumbnail", "alt_text", "caption", "credit", "is_sample"]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("current photo"))
    def thumbnail(self, obj):
        if not obj.pk or not obj.image:
            return "—"
        width, height = obj.thumbnail_size
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}">', obj.thumbnail_url, width, height, obj.alt_text
        )


@admin.register(Visit)
class VisitAdmin(ScopedModelAdmin):
    form = VisitAdminForm
    change_form_template = "visits/admin/visit_change_form.html"
    list_display = ["title", "start_date", "institution", "kind", "status_label", "is_sample"]
    list_filter = ["status", "kind", "institution__kind", "is_sample"]
    list_select_related = ["institution"]
    date_hierarchy = "start_date"
    search_fields = ["title", "slug", "institution__name", "institution__short_name", "leader_name"]
    autocomplete_fields = ["institution", "topics", "host_units", "villages", "kims_visited"]
    readonly_fields = ["status_label", "history_table", "created_at", "updated_at"]
    inlines = [HostOfficialInline, VisitSessionInline, VisitPhotoInline]
    actions = ["publish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary"]}),
        (
            _("Delegation"),
            {
                "fields": [
                    "institution",
                    "visiting_units",
                    "leader_name",
                    "leader_position",
                    "delegation_size",
                ]
            },
        ),
        (_("When and where"), {"fields": ["start_date", "end_date", "venue", "villages", "kims_visited"]}),
        (_("Subjects"), {"fields": ["topics", "host_units"]}),
        (_("Report"), {"fields": ["body", "follow_up", "author_credit", "is_sample"]}),
        (_("Publication"), {"fields": ["status_label", "history_table", "created_at", "updated_at"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.status == Visit.Status.PUBLISHED:
            fieldsets.insert(0, (_("Correction"), {"fields": ["correction_note"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.status == Visit.Status.PUBLISHED:
            fields.append("slug")  # a published address is shared and bookmarked
        return fields

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public() else None

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status != Visit.Status.PUBLISHED)

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        published = [obj for obj in objs if obj.status == Visit.Status.PUBLISHED]
        if published:
            protected = [*protected, *(gettext("%(item)s (published)") % {"item": obj} for obj in published)]
        return to_delete, model_count, perms_needed, protected

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and form.is_published:
            services.record_correction(
                visit=form.instance, note=form.cleaned_data["correction_note"], actor=request.user
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_publish": self.has_publish_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.status == Visit.Status.SCHEDULED and obj.publish_at:
            return gettext("Scheduled for %(time)s") % {"time": _time(obj.publish_at)}
        if obj.status == Visit.Status.PUBLISHED and obj.publish_at:
            return gettext("Published %(time)s") % {"time": _time(obj.publish_at)}
        return obj.get_status_display()

    @admin.display(description=_("history"))
    def history_table(self, obj):
        entries = list(obj.history.select_related("actor")) if obj.pk else []
        if not entries:
            return "—"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    _time(entry.at),
                    entry.get_from_status_display(),
                    entry.get_to_status_display(),
                    entry.actor or "—",
                    entry.note,
                )
                for entry in entries
            ),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
            gettext("Time"),
            gettext("Change"),
            gettext("By"),
            gettext("Note"),
            rows,
        )

    @admin.action(description=_("Publish the selected visits now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        done, refused = 0, []
        for visit in queryset:
            try:
                services.change_status(visit=visit, to=Visit.Status.PUBLISHED, actor=request.user)
            except services.StatusChangeError as error:
                refused.append(f"{visit}: {error.message}")
            else:
                done += 1
        if done:
            self.message_user(request, gettext("%(n)d visit(s) published.") % {"n": done}, messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.ERROR)

    # --- Preview and publication pages -----------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            path(
                "<path:object_id>/publication/",
                self.admin_site.admin_view(self.publication_view),
                name="{}_{}_publication".format(*info),
            ),
            *super().get_urls(),
        ]

    def _visit_or_404(self, request, object_id):
        visit = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, visit):
            raise PermissionDenied
        return visit

    def preview_view(self, request, object_id):
        """The public page of any visit, published or not, for staff only and never indexed."""
        visit = self._visit_or_404(request, object_id)
        visit = Visit.objects.for_detail().get(pk=visit.pk)
        context = {"visit": visit, "object": visit, "preview": True, **detail_context(visit, request)}
        response = render(request, "visits/visit_detail.html", context)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response

    def publication_view(self, request, object_id):
        """Publish, schedule or unschedule one visit through the status service."""
        visit = self._visit_or_404(request, object_id)
        if not (self.has_publish_permission(request) and self.has_change_permission(request, visit)):
            raise PermissionDenied
        change_url = reverse("admin:visits_visit_change", args=[visit.pk])
        form = PublicationForm(request.POST or None, visit=visit, initial={"publish_at": visit.publish_at})
        if not form.fields["action"].choices:
            raise Http404(gettext("A published visit stays published."))
        if request.method == "POST" and form.is_valid():
            try:
                services.change_status(
                    visit=visit,
                    to=form.cleaned_data["action"],
                    publish_at=form.cleaned_data["publish_at"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            except services.StatusChangeError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    gettext("“%(title)s” is now: %(status)s.")
                    % {"title": visit, "status": self.status_label(visit)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Publish or schedule “%(title)s”") % {"title": visit},
            "opts": self.opts,
            "original": visit,
            "form": form,
            "change_url": change_url,
            "history": visit.history.select_related("actor"),
        }
        return TemplateResponse(request, "visits/admin/publication.html", context)


def _time(value):
    return f"{tanggal(value)} {timezone.localtime(value):%H.%M}"
