"""The village openness index: `/keterbukaan/` (latest assessment) and `/keterbukaan/<tahun>/`.

Only published assessments are shown; villages are ranked by total, equal
totals sharing a rank, and each is placed in the assessment's classes.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from ..models import Assessment, VillageScore, classify


def _ranked(scores, classes):
    """Rank and class of each score, best first; equal totals share a rank."""
    ranked = []
    previous, rank = None, 0
    for position, score in enumerate(scores, start=1):
        if score.total != previous:
            rank, previous = position, score.total
        ranked.append({"rank": rank, "score": score, "class": classify(score.total, classes)})
    return ranked


class OpennessView(DetailView):
    """`/keterbukaan/` (latest assessment) and `/keterbukaan/<tahun>/`."""

    model = Assessment

    def get(self, request, *args, **kwargs):
        if "year" not in kwargs and not Assessment.objects.published().exists():
            # A deployment that has not assessed its villages yet says so.
            return render(request, "ogp/assessment_empty.html")
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        assessments = Assessment.objects.published()
        if "year" in self.kwargs:
            return get_object_or_404(assessments, year=int(self.kwargs["year"]))
        assessment = assessments.latest_first().first()
        if assessment is None:
            raise Http404(_("No openness assessment has been published yet."))
        return assessment

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = self.object
        classes = list(assessment.classes.all())
        scores = list(VillageScore.objects.filter(assessment=assessment).ranked())
        ranked = _ranked(scores, classes)
        counts = [
            {"class": item, "count": sum(1 for row in ranked if row["class"] == item)} for item in classes
        ]
        context.update(
            pillars=list(assessment.pillars.prefetch_related("indicators")),
            classes=classes,
            ranked=ranked,
            class_counts=counts,
            has_sample=any(score.is_sample for score in scores),
            years=list(Assessment.objects.published().latest_first().values_list("year", flat=True)),
        )
        return context
