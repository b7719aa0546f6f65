"""The regency's KIM forum and its board in the back office."""

from django.contrib import admin

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin, ScopedTabularInline

from ..models import (
    Forum,
    ForumBoardMember,
)


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
