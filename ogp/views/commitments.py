"""The regency's OGP action plans: `/ogp/` and `/ogp/<kode>/`.

Only published commitments are shown, grouped by plan, newest plan first.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from ..models import Commitment


class CommitmentListView(ListView):
    """`/ogp/`: the action plans and their commitments."""

    model = Commitment

    def get_queryset(self):
        return (
            Commitment.objects.published()
            .for_list()
            .order_by("-plan__start_year", "plan_id", "order", "code")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plans = {}
        for commitment in context["object_list"]:
            plans.setdefault(commitment.plan_id, {"plan": commitment.plan, "commitments": []})[
                "commitments"
            ].append(commitment)
        context["plans"] = list(plans.values())
        context["has_sample"] = any(c.is_sample or c.plan.is_sample for c in context["object_list"])
        return context


class CommitmentDetailView(DetailView):
    """`/ogp/<kode>/`: one commitment with its milestones."""

    model = Commitment

    def get_object(self, queryset=None):
        return get_object_or_404(
            Commitment.objects.published().select_related("plan").prefetch_related(Prefetch("milestones")),
            code__iexact=self.kwargs["code"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(self.object.milestones.all())
        context.update(
            milestones=milestones,
            has_sample=self.object.is_sample or any(m.is_sample for m in milestones),
        )
        return context
