"""The regency's OGP action plans and their commitments in the back office.

Milestones are edited on their commitment; what the public site shows cannot
be deleted.
"""

from django.contrib import admin

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin

from ..models import ActionPlan, Commitment, Milestone


class MilestoneInline(admin.StackedInline):
    model = Milestone
    fields = ["title", ("start", "end"), "deliverable", "completion", "results", "order", "is_sample"]
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["title", "start_year", "end_year", "is_published"]
    fields = [
        "title",
        ("start_year", "end_year"),
        "body",
        "irm_year",
        ("irm_complete", "irm_substantial", "irm_limited", "irm_not_started"),
        "irm_summary",
        "is_published",
        "is_sample",
    ]


@admin.register(Commitment)
class CommitmentAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["code", "title", "plan", "lead_agency", "completion", "early_results"]
    list_filter = ["plan", "completion", "early_results"]
    search_fields = ["code", "title"]
    inlines = [MilestoneInline]
