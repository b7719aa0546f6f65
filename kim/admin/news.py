"""KIM news in the back office: drafts, the review page, bulk moves and corrections."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.scoped_admin import ScopedModelAdmin, ScopedStackedInline, ScopedTabularInline

from .. import access, services
from ..forms import PostCorrectionForm, PostTransitionForm
from ..models import (
    Post,
    PostCorrection,
    PostPhoto,
    PostTransition,
)
from .inlines import SAMPLE_FIELD, ReadOnlyInlineMixin, _without


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
