"""ModelAdmin building blocks that apply `portal.scoping` everywhere in the admin.

Use `ScopedModelAdmin` (or `ScopedAdminMixin` with another ModelAdmin base) for
every model registered with `scoping.register()`, and `ScopedInlineMixin` for
inlines. A scoped user then:

- sees only rows inside their scope in lists, search and autocomplete;
- gets a 404 for any other object's change, delete or history URL;
- is offered only in-scope choices in every foreign-key and many-to-many field,
  so a forged POST fails form validation;
- cannot save an object that ends up outside their scope (403), and bulk
  actions only ever see the in-scope queryset;
- cannot post more inline forms than the page offered (a form error, never a
  500 or a row the inline's ``max_num`` forbids).

`KeepPublishedMixin` refuses deleting what the public site shows.

The audit history (django-auditlog) of each object is linked from the change
list and change form for users allowed to read the audit log.
"""

from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from . import scoping

AUDIT_PERMISSION = "auditlog.view_logentry"


def _scoped_choices(db_field, request, kwargs):
    related = db_field.related_model
    if scoping.is_scoped_model(related):
        base = kwargs.get("queryset")
        if base is None:
            base = related._default_manager.all()
        kwargs["queryset"] = scoping.filter_queryset(base, request.user)
    return kwargs


class ScopedFieldsMixin:
    """Restricts relation choices to the user's scope (shared by admins and inlines)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **_scoped_choices(db_field, request, kwargs)
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(
            db_field, request, **_scoped_choices(db_field, request, kwargs)
        )


class ScopedAdminMixin(ScopedFieldsMixin, AuditlogHistoryAdminMixin):
    show_auditlog_history_link = True

    def get_queryset(self, request):
        return scoping.filter_queryset(super().get_queryset(request), request.user)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("No such object in your scope.")
        return obj

    def get_changeform_initial_data(self, request):
        """Pre-fill direct scope fields (e.g. ``village``) for single-scope users."""
        initial = super().get_changeform_initial_data(request)
        for dimension, path in scoping.paths_for(self.model).items():
            if "__" not in path and path != "pk":
                value = scoping.single_value(request.user, dimension)
                if value is not None:
                    initial.setdefault(path, value)
        return initial

    def save_model(self, request, obj, form, change):
        if not scoping.in_scope(obj, request.user):
            raise PermissionDenied("This object lies outside your scope.")
        super().save_model(request, obj, form, change)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield limited(formset), inline

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if (
                inline_form.has_changed()
                and scoping.is_scoped_model(type(instance))
                and not scoping.in_scope(instance, request.user)
            ):
                raise PermissionDenied("This object lies outside your scope.")
        super().save_formset(request, form, formset, change)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, scoping.filter_queryset(queryset, request.user))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or scoping.in_scope(obj, request.user))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or scoping.in_scope(obj, request.user))

    def get_list_display(self, request):
        list_display = list(super().get_list_display(request))
        if not request.user.has_perm(AUDIT_PERMISSION) and "auditlog_link" in list_display:
            list_display.remove("auditlog_link")
        return list_display

    def auditlog_history_view(self, request, object_id, extra_context=None):
        self.get_object(request, unquote(object_id))  # 404 outside the user's scope
        if not request.user.has_perm(AUDIT_PERMISSION):
            raise PermissionDenied
        return super().auditlog_history_view(request, object_id, extra_context)


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """The ModelAdmin base for every model in the portal's back office."""


class KeepPublishedMixin:
    """Published records are never deleted in the admin: they are taken off the site first.

    A record counts as published when the model's own visibility gate
    (``Model.objects.published()``) lets it through, so the rule follows
    exactly what the public pages show. Put it before `ScopedModelAdmin`; a
    model without that gate overrides `published_records`. Deleting one from
    its page is refused (403) and the bulk delete action leaves it alone.
    """

    def published_records(self):
        return self.model._default_manager.published()

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.published_records().filter(pk=obj.pk).exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset.exclude(pk__in=self.published_records().values("pk")))


class MaxNumFormSetMixin:
    """Refuses a post with more inline forms than the page offered, instead of processing them."""

    def clean(self):
        super().clean()
        limit = max(self.max_num, self.initial_form_count())
        if self.total_form_count() > limit:
            raise ValidationError(
                self.error_messages["too_many_forms"] % {"num": limit}, code="too_many_forms"
            )


def limited(formset):
    """The formset class, refusing forms beyond those the page offered."""
    if issubclass(formset, MaxNumFormSetMixin):
        return formset
    return type(formset.__name__, (MaxNumFormSetMixin, formset), {})


class ScopedInlineMixin(ScopedFieldsMixin):
    def get_formset(self, request, obj=None, **kwargs):
        return limited(super().get_formset(request, obj, **kwargs))

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if scoping.is_scoped_model(self.model):
            queryset = scoping.filter_queryset(queryset, request.user)
        return queryset


class ScopedTabularInline(ScopedInlineMixin, admin.TabularInline):
    pass


class ScopedStackedInline(ScopedInlineMixin, admin.StackedInline):
    pass
