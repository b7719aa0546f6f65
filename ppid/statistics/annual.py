"""Everything Perki 1/2021 asks the annual service report to state that can be computed."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import (
    AnnualReport,
    Dispute,
    ExemptionGround,
    Objection,
    ObjectionGround,
    RequestChannel,
    WrittenNotice,
)
from .figures import Figures, figures_by_unit_and_year, figures_for_year

# Working-day bands for "the time taken for each request". Whether an answer
# was late depends on its own deadline (10 working days, or 10 + the recorded
# extension), so the bands say nothing about lateness.
TIME_BANDS = [
    (0, 5, _("0–5 working days")),
    (6, 10, _("6–10 working days")),
    (11, 17, _("11–17 working days")),
    (18, None, _("more than 17 working days")),
]


@dataclass
class AnnualReportData:
    year: int
    totals: Figures
    units: list
    channels: list
    time_bands: list
    time_taken: list
    refusals: list
    partial: list
    objections_received: int
    objections_upheld: int
    objections_by_ground: list
    objections_by_outcome: list
    objections_answered_on_time: int
    disputes_filed: int
    disputes_by_outcome: list
    disputes_pending: int
    court_cases: int
    court_outcomes: list
    narrative: AnnualReport | None
    has_sample: bool


def _channels(totals):
    counts = totals.by_key("channel")
    return [(label, counts[value]) for value, label in RequestChannel.choices]


def _time_bands(day_counts):
    return [
        (label, sum(n for d, n in day_counts.items() if d >= low and (high is None or d <= high)))
        for low, high, label in TIME_BANDS
    ]


def _refusals(totals):
    """(refusals by Pasal 17 letter then “not held”, partial grants by letter), as (label, count)."""
    refused, partly = totals.by_key("refused"), totals.by_key("partly")
    labels = dict(ExemptionGround.choices)
    refusals = [(labels[value], refused[value]) for value in ExemptionGround.values if refused[value]]
    if refused["not_held"]:
        refusals.append((WrittenNotice.RefusalReason.NOT_HELD.label, refused["not_held"]))
    partial = [(labels[value], partly[value]) for value in ExemptionGround.values if partly[value]]
    return refusals, partial


def _objection_figures(totals):
    grounds, outcomes = totals.by_key("objection_ground"), totals.by_key("objection_status")
    return {
        "objections_received": totals.objections,
        "objections_upheld": totals.objections_upheld,
        "objections_by_ground": [
            (label, grounds[value]) for value, label in ObjectionGround.choices if grounds[value]
        ],
        "objections_by_outcome": [(label, outcomes[value]) for value, label in Objection.Status.choices],
        "objections_answered_on_time": totals.counts["objection_on_time", ""],
    }


def _dispute_figures(year, totals):
    outcomes = totals.by_key("dispute_outcome")
    return {
        "disputes_filed": totals.disputes,
        "disputes_by_outcome": [(label, outcomes[value]) for value, label in Dispute.Outcome.choices],
        "disputes_pending": totals.counts["dispute_pending", ""],
        "court_cases": totals.counts["court", ""],
        # Free text of the few cases taken to court (one query, only when there are any).
        "court_outcomes": list(
            Dispute.objects.filter(filed_on__year=year, court_filed_on__isnull=False)
            .exclude(court_outcome="")
            .order_by("filed_on", "pk")
            .values_list("court_outcome", flat=True)
        )
        if totals.counts["court", ""]
        else [],
    }


def annual_report(year, today=None):
    """Every figure the annual service report needs for one year; at most five queries."""
    totals = figures_for_year(year, today)
    refusals, partial = _refusals(totals)
    return AnnualReportData(
        year=year,
        totals=totals,
        units=figures_by_unit_and_year(year, today=today),
        channels=_channels(totals),
        time_bands=_time_bands(totals.day_counts),
        # Every answered request at its own number of working days (Perki 1/2021: the time of each).
        time_taken=sorted(totals.day_counts.items()),
        refusals=refusals,
        partial=partial,
        narrative=AnnualReport.objects.filter(year=year, is_published=True).first(),
        has_sample=totals.has_sample,
        **_objection_figures(totals),
        **_dispute_figures(year, totals),
    )
