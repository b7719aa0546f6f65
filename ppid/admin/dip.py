"""The Daftar Informasi Publik: items, their document versions and publishing.

Versions are only added, numbered by the service; published items cannot be
deleted, and publishing or withdrawing an item goes through
`services.change_dip_status`.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.scoped_admin import ScopedModelAdmin, ScopedTabularInline

from .. import services
from ..forms import NoteForm
from ..models import DipCategory, DipDocumentVersion, DipItem, DipItemEvent, PpidUnit
from .actions import ActionPage, ActionPagesMixin
from .base import URL_FIELDS, ReadOnlyInline, report_errors


class ExemptionReviewFilter(admin.SimpleListFilter):
    title = _("exemption review")
    parameter_name = "tinjau"

    def lookups(self, request, model_admin):
        return [("ya", _("Exemption period ended: review"))]

    def queryset(self, request, queryset):
        if self.value() == "ya":
            return queryset.exemption_ended()
        return queryset


class VersionFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        new = [form for form in self.extra_forms if form.has_changed() and not self._should_delete_form(form)]
        if new and self.instance.category == DipCategory.DIKECUALIKAN:
            raise ValidationError(
                _("Exempt information is listed without its content, so it has no document.")
            )


class DipDocumentVersionInline(ScopedTabularInline):
    """Versions are only added; existing ones are read-only and stay listed."""

    model = DipDocumentVersion
    formset = VersionFormSet
    formfield_overrides = URL_FIELDS
    extra = 1
    can_delete = False
    fields = ["number", "document", "link", "note", "created_at", "created_by"]
    readonly_fields = ["number", "created_at", "created_by"]
    verbose_name_plural = _("document versions (a new version keeps the old ones listed)")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("ppid.add_dipdocumentversion")


class DipItemEventInline(ReadOnlyInline):
    model = DipItemEvent
    fields = ["at", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    verbose_name_plural = _("status history")


def _withdrawal_form(request, item):
    form = NoteForm(request.POST or None)
    form.fields["note"].required = True
    form.fields["note"].label = _("Why is the item withdrawn?")
    return form


DIP_ACTIONS = (
    ActionPage(
        name="publish",
        route="terbitkan",
        title=_("Publish this item"),
        button=_("Publish"),
        call=lambda request, item, form: services.change_dip_status(
            item=item, to_status=DipItem.Status.PUBLISHED, actor=request.user
        ),
        success=_("The item is published."),
    ),
    ActionPage(
        name="withdraw",
        route="tarik",
        title=_("Withdraw this item"),
        button=_("Withdraw"),
        form=_withdrawal_form,
        call=lambda request, item, form: services.change_dip_status(
            item=item, to_status=DipItem.Status.WITHDRAWN, actor=request.user, note=form.cleaned_data["note"]
        ),
        success=_("The item is withdrawn from the public list."),
    ),
)


@admin.register(DipItem)
class DipItemAdmin(ActionPagesMixin, ScopedModelAdmin):
    change_form_template = "ppid/admin/dipitem_change_form.html"
    action_pages = DIP_ACTIONS
    list_display = ["title", "unit", "category", "year", "status", "versions_count", "review_flag"]
    list_filter = ["status", "category", ExemptionReviewFilter, "year", "unit__kind", "is_sample"]
    list_select_related = ["unit"]
    search_fields = ["title", "summary", "unit__name"]
    autocomplete_fields = ["unit"]
    readonly_fields = ["status", "published_at"]
    actions = ["publish_selected"]
    inlines = [DipDocumentVersionInline, DipItemEventInline]
    fieldsets = [
        (None, {"fields": ["unit", "category", "title", "summary", "year", "status", "published_at"]}),
        (
            _("Columns of the list (Perki 1/2010)"),
            {
                "fields": [
                    "holding_official",
                    "responsible_person",
                    "produced_on",
                    "produced_place",
                    "softcopy",
                    "hardcopy",
                    "retention_period",
                ]
            },
        ),
        (
            _("Only for exempt information"),
            {"fields": ["exemption_ground", "exemption_legal_basis", "consequence_test", "exempt_until"]},
        ),
        (_("Demo"), {"fields": ["is_sample"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(version_total=Count("versions"))

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.status == DipItem.Status.PUBLISHED else None

    @admin.display(description=_("versions"), ordering="version_total")
    def versions_count(self, obj):
        return obj.version_total

    @admin.display(description=_("review"), boolean=False)
    def review_flag(self, obj):
        return gettext("Exemption ended: review") if obj.exemption_ended() else ""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        units = self._units(request)
        if len(units) == 1:
            initial.setdefault("unit", units[0].pk)
        initial.setdefault("year", timezone.localdate().year)
        return initial

    def _units(self, request):
        from portal import scoping

        return list(scoping.filter_queryset(PpidUnit.objects.all(), request.user)[:2])

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # drafts are deleted one by one; published items never
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != DipItem.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is DipDocumentVersion:
            # Versions are numbered and locked by the service, never saved by the formset.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            for inline_form in formset.extra_forms:
                if not inline_form.has_changed() or formset._should_delete_form(inline_form):
                    continue
                version = services.add_dip_version(
                    item=form.instance,
                    document=inline_form.cleaned_data.get("document"),
                    link=inline_form.cleaned_data.get("link", ""),
                    note=inline_form.cleaned_data.get("note", ""),
                    actor=request.user,
                )
                formset.new_objects.append(version)
            return
        super().save_formset(request, form, formset, change)

    @admin.action(description=_("Publish the selected items"))
    def publish_selected(self, request, queryset):
        done = 0
        for item in queryset:
            try:
                services.change_dip_status(item=item, to_status=DipItem.Status.PUBLISHED, actor=request.user)
                done += 1
            except ValidationError as error:
                report_errors(request, ValidationError(f"{item}: {' '.join(error.messages)}"))
        if done:
            messages.success(request, gettext("%(count)s item(s) published.") % {"count": done})

    def get_urls(self):
        return [*self.action_urls(), *super().get_urls()]
