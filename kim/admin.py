"""Back office of the KIM app.

Diskominfo editors keep the registry (KIMs, their decrees, levels, boards,
channels and awards, the KIM forum) and review KIM news. A KIM manager sees
only the KIMs they manage (the ``kim`` scoping dimension) and, through
`kim.access`, may change only those that are not dissolved: the profile,
channels, board, awards and news drafts, never the KIM's name, village, level
or status, and never publish. Status changes and news reviews are separate
pages that call `kim.services`; the history rows they write are read-only here.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.roles import Role
from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin, ScopedStackedInline, ScopedTabularInline

from . import access, services
from .forms import KimStatusForm, PostCorrectionForm, PostTransitionForm
from .models import (
    Achievement,
    BoardMember,
    BoardRole,
    Forum,
    ForumBoardMember,
    Kim,
    KimLevel,
    KimStatusChange,
    MediaChannel,
    Post,
    PostCorrection,
    PostPhoto,
    PostTransition,
)
from .models.registry import terms_overlap

SAMPLE_FIELD = "is_sample"


def _without(fields, *names):
    return [f for f in fields if f not in names]


# --- Inlines of a KIM ----------------------------------------------------------


class KimChildInlineMixin:
    """Inline rows of a KIM: writable only while the user may write for that KIM."""

    def _writable(self, request, obj):
        return obj is None or access.can_write_kim(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._writable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._writable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._writable(request, obj)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if not access.is_registry_staff(request.user):
            fields = _without(fields, SAMPLE_FIELD)
        return fields


class MediaChannelInline(KimChildInlineMixin, ScopedTabularInline):
    model = MediaChannel
    extra = 0
    fields = ["kind", "url", "name", "order"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class BoardFormSet(BaseInlineFormSet):
    """Checks that chair terms do not overlap across all rows submitted together.

    Each row's own model check would compare it with the rows as they are in
    the database, which refuses ending the old chair's term and adding the
    new chair in one save; the formset compares the submitted rows instead.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.chair_overlap_checked_elsewhere = True
        return form

    def clean(self):
        super().clean()
        chairs = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("role") != BoardRole.CHAIR:
                continue
            candidate = BoardMember(
                name=data.get("name", ""), term_start=data.get("term_start"), term_end=data.get("term_end")
            )
            for other in chairs:
                if terms_overlap(candidate, other):
                    raise ValidationError(
                        _("Two chairs have overlapping terms (%(a)s and %(b)s); end one term first.")
                        % {"a": other.name, "b": candidate.name}
                    )
            chairs.append(candidate)


class BoardMemberInline(KimChildInlineMixin, ScopedTabularInline):
    model = BoardMember
    formset = BoardFormSet
    extra = 0
    fields = ["name", "role", "term_start", "term_end", "source", "is_sample"]
    verbose_name_plural = gettext_lazy(
        "Board (pengurus): add a row for each person and term; end a term instead of deleting it"
    )


class AchievementInline(KimChildInlineMixin, ScopedTabularInline):
    model = Achievement
    extra = 0
    fields = ["title", "level", "year", "rank", "awarded_by", "is_sample"]


class ReadOnlyInlineMixin:
    """History rows: written by the services, read here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class KimStatusChangeInline(ReadOnlyInlineMixin, ScopedTabularInline):
    model = KimStatusChange
    fields = ["on", "from_status", "to_status", "note", "actor"]
    readonly_fields = fields
    ordering = ["-on", "-pk"]


# --- KIMs ----------------------------------------------------------------------


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


# --- News ----------------------------------------------------------------------


class PostPhotoInline(ScopedStackedInline):
    model = PostPhoto
    extra = 0
    fields = ["image", "alt_text", "caption", "credit", "order"]

    def _editable(self, request, obj):
        return obj is None or access.can_edit_post(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class PostTransitionInline(ReadOnlyInlineMixin, ScopedTabularInline):
    model = PostTransition
    fields = ["at", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields


class PostCorrectionInline(ReadOnlyInlineMixin, ScopedTabularInline):
    model = PostCorrection
    fields = ["at", "text", "by"]
    readonly_fields = fields


@admin.register(Post)
class PostAdmin(ScopedModelAdmin):
    list_display = ["title", "kim", "status", "submitted_at", "published_at", "is_sample"]
    list_filter = ["status", "is_sample", "kim__village__district"]
    list_select_related = ["kim"]
    search_fields = ["title", "kim__name"]
    date_hierarchy = "created"
    fields = ["kim", "title", "slug", "body", "is_sample"]
    readonly_fields = [
        "status",
        "reviewer_note",
        "submitted_at",
        "published_at",
        "created_by",
        "created",
        "updated",
    ]
    inlines = [PostPhotoInline, PostTransitionInline, PostCorrectionInline]
    actions = ["submit_selected", "publish_selected"]
    change_form_template = "kim/admin/post_change_form.html"

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if not access.is_registry_staff(request.user):
            fields = _without(fields, SAMPLE_FIELD)
        return fields

    def _writable_kims_exist(self, request):
        cached = getattr(request, "_kim_writable_exists", None)
        if cached is None:
            cached = request._kim_writable_exists = access.writable_kims(request.user).exists()
        return cached

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "kim":
            kwargs["queryset"] = access.writable_kims(request.user).order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self._writable_kims_exist(request)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or access.can_edit_post(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or access.can_edit_post(request.user, obj))

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Published news is never deleted; a bulk delete could not tell it apart.
        actions.pop("delete_selected", None)
        if not access.can_review(request.user):
            actions.pop("publish_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            services.save_new_post(post=obj, by=request.user)

    @admin.action(description=gettext_lazy("Submit the selected drafts for review"))
    def submit_selected(self, request, queryset):
        self._bulk_move(request, queryset, Post.Status.SUBMITTED)

    @admin.action(description=gettext_lazy("Publish the selected submitted posts"))
    def publish_selected(self, request, queryset):
        self._bulk_move(request, queryset, Post.Status.PUBLISHED)

    def _bulk_move(self, request, queryset, target):
        done, refused = 0, []
        for post in queryset.select_related("kim"):
            try:
                services.transition_post(post=post, to=target, by=request.user)
            except (ValidationError, PermissionDenied):
                refused.append(post.title)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(n)d post moved.", "%(n)d posts moved.", done) % {"n": done},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not moved (not allowed from their status or for you): %(titles)s")
                % {"titles": ", ".join(refused)},
                messages.WARNING,
            )

    def get_urls(self):
        opts = self.opts
        prefix = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/transition/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{prefix}_transition",
            ),
            path(
                "<path:object_id>/correction/",
                self.admin_site.admin_view(self.correction_view),
                name=f"{prefix}_correction",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id):
        """Submit, withdraw, publish or return a post, through `services.transition_post`."""
        post = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, post):
            raise PermissionDenied
        moves = services.allowed_post_moves(post, request.user)
        form = PostTransitionForm(request.POST or None, moves=moves)
        if request.method == "POST":
            if not moves:
                raise PermissionDenied
            if form.is_valid():
                try:
                    services.transition_post(
                        post=post, to=form.cleaned_data["to"], note=form.cleaned_data["note"], by=request.user
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    post.refresh_from_db()
                    self.message_user(
                        request,
                        _("“%(title)s” is now: %(status)s.")
                        % {"title": post.title, "status": post.get_status_display().lower()},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:kim_post_change", args=[post.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review: %(title)s") % {"title": post.title},
            "opts": self.opts,
            "original": post,
            "form": form,
            "moves": moves,
            "history": post.transitions.select_related("actor"),
            "can_correct": post.is_published and access.can_review(request.user),
        }
        return TemplateResponse(request, "kim/admin/post_transition.html", context)

    def correction_view(self, request, object_id):
        """Add a correction under a published post, through `services.add_post_correction`."""
        post = self.get_object(request, unquote(object_id))
        if not access.can_review(request.user):
            raise PermissionDenied
        form = PostCorrectionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.add_post_correction(post=post, text=form.cleaned_data["text"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, _("The correction is shown under the post."), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:kim_post_change", args=[post.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Correct: %(title)s") % {"title": post.title},
            "opts": self.opts,
            "original": post,
            "form": form,
        }
        return TemplateResponse(request, "kim/admin/post_correction.html", context)


# --- The KIM forum -------------------------------------------------------------


class ForumBoardMemberInline(ScopedTabularInline):
    model = ForumBoardMember
    extra = 0
    fields = [
        "name",
        "role",
        "kim",
        "village",
        "affiliation",
        "term_start",
        "term_end",
        "source",
        "is_sample",
    ]
    autocomplete_fields = ["kim", "village"]


@admin.register(Forum)
class ForumAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["name", "founded_on", "is_public", "is_sample"]
    prepopulated_fields = {"slug": ("name",)}
    fields = ["name", "slug", "founded_on", "description", "is_public", "is_sample"]
    inlines = [ForumBoardMemberInline]
