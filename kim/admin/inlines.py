"""The parts of a KIM edited on its page: channels, board (one chair at a time),
awards, and the read-only status history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.scoped_admin import ScopedTabularInline

from .. import access
from ..models import (
    Achievement,
    BoardMember,
    BoardRole,
    KimStatusChange,
    MediaChannel,
)
from ..models.registry import terms_overlap

SAMPLE_FIELD = "is_sample"


def _without(fields, *names):
    return [f for f in fields if f not in names]


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
