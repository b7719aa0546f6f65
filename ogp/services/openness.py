"""The village openness index: a village's total from its indicator scores."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from ..models import VillageScore

TWO_PLACES = Decimal("0.01")


def weighted_total(pillars, scores):
    """The total (0–100) from indicator scores, or None when no indicator is scored.

    `pillars` is a list of (pillar weight, [(indicator id, weight, max score)]);
    `scores` maps indicator id → score. Each pillar's score is the weighted
    mean of its indicators as a share of their maximum; the total is the
    weighted mean of the pillars that have a score.
    """
    weighted_sum = Decimal(0)
    weight_sum = Decimal(0)
    for pillar_weight, indicators in pillars:
        part_sum = Decimal(0)
        part_weight = Decimal(0)
        for indicator_id, weight, max_score in indicators:
            if indicator_id in scores and weight > 0:
                part_sum += Decimal(scores[indicator_id]) / Decimal(max_score) * 100 * weight
                part_weight += weight
        if part_weight and pillar_weight > 0:
            weighted_sum += part_sum / part_weight * pillar_weight
            weight_sum += pillar_weight
    if not weight_sum:
        return None
    return (weighted_sum / weight_sum).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@transaction.atomic
def recompute_score(*, village_score):
    """Recompute a village's total from its indicator scores (if it has any) and save it.

    Returns the new total, or None (and leaves the stored total alone) when no
    indicator is scored, e.g. for a published result without breakdown.
    """
    village_score = VillageScore.objects.select_for_update().get(pk=village_score.pk)
    assessment = village_score.assessment
    pillars = [
        (pillar.weight, [(i.pk, i.weight, i.max_score) for i in pillar.indicators.all()])
        for pillar in assessment.pillars.prefetch_related("indicators")
    ]
    scores = dict(village_score.indicator_scores.values_list("indicator_id", "score"))
    total = weighted_total(pillars, scores)
    if total is not None and total != village_score.total:
        village_score.total = total
        village_score.save(update_fields=["total"])
    return total
