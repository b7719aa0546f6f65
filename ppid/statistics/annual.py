"""Everything Perki 1/2021 asks the annual service report to state that can be computed."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from ..models import (
    AnnualReport,
    Dispute,
    ExemptionGround,
    InfoRequest,
    Objection,
    ObjectionGround,
    RequestChannel,
    WrittenNotice,
)
from .figures import REQUEST_COUNTS, Figures, figures_by_unit_and_year

S = InfoRequest.Status

# Working-day bands for "the time taken for each request".
TIME_BANDS = [
    (0, 5, _("0–5 working days")),
    (6, 10, _("6–10 working days")),
    (11, 17, _("11–17 working days (with extension)")),
    (18, None, _("more than 17 working days (late)")),
]


@dataclass
class AnnualReportData:
    year: int
    totals: Figures
    units: list
    channels: list
    time_bands: list
    refusals: list
    partial: list
    objections_received: int
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


def _totals(unit_rows):
    totals = Figures()
    for row in unit_rows:
        for name in (*REQUEST_COUNTS, "objections", "disputes", "on_time"):
            setattr(totals, name, getattr(totals, name) + getattr(row.figures, name))
        totals.days.extend(row.figures.days)
    return totals


def _channels(requests):
    counts = dict(requests.values_list("channel").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in RequestChannel.choices]


def _time_bands(days):
    return [
        (label, sum(1 for d in days if d >= low and (high is None or d <= high)))
        for low, high, label in TIME_BANDS
    ]


def _refusals(requests):
    """(refusals by Pasal 17 letter then “not held”, partial grants by letter), as (label, count)."""
    by_letter = Counter()
    partial_letters = Counter()
    for status, reason, letter in requests.filter(status__in=[S.REFUSED, S.PARTLY_GRANTED]).values_list(
        "status", "notice__refusal_reason", "notice__exemption_ground"
    ):
        if status == S.PARTLY_GRANTED:
            partial_letters[letter] += 1
        elif reason == WrittenNotice.RefusalReason.NOT_HELD:
            by_letter["not_held"] += 1
        else:
            by_letter[letter] += 1
    labels = dict(ExemptionGround.choices)
    refusals = [(labels[value], by_letter[value]) for value in ExemptionGround.values if by_letter[value]]
    if by_letter["not_held"]:
        refusals.append((WrittenNotice.RefusalReason.NOT_HELD.label, by_letter["not_held"]))
    partial = [
        (labels[value], partial_letters[value]) for value in ExemptionGround.values if partial_letters[value]
    ]
    return refusals, partial


def _objection_figures(year):
    figures = Objection.objects.filter(year=year).aggregate(
        total=Count("pk"),
        on_time=Count("pk", filter=Q(decided_on__isnull=False, decided_on__lte=F("due_on"))),
        **{
            f"g_{letter}": Count("pk", filter=Q(**{f"ground_{letter}": True}))
            for letter in ObjectionGround.values
        },
        **{f"s_{value}": Count("pk", filter=Q(status=value)) for value in Objection.Status.values},
    )
    return {
        "objections_received": figures["total"],
        "objections_by_ground": [
            (label, figures[f"g_{value}"])
            for value, label in ObjectionGround.choices
            if figures[f"g_{value}"]
        ],
        "objections_by_outcome": [
            (label, figures[f"s_{value}"]) for value, label in Objection.Status.choices
        ],
        "objections_answered_on_time": figures["on_time"],
    }


def _dispute_figures(year):
    disputes = Dispute.objects.filter(filed_on__year=year)
    figures = disputes.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(decided_on__isnull=True)),
        court=Count("pk", filter=Q(court_filed_on__isnull=False)),
        **{f"o_{value}": Count("pk", filter=Q(outcome=value)) for value in Dispute.Outcome.values},
    )
    return {
        "disputes_filed": figures["total"],
        "disputes_by_outcome": [(label, figures[f"o_{value}"]) for value, label in Dispute.Outcome.choices],
        "disputes_pending": figures["pending"],
        "court_cases": figures["court"],
        "court_outcomes": list(
            disputes.filter(court_filed_on__isnull=False)
            .exclude(court_outcome="")
            .values_list("court_outcome", flat=True)
        ),
    }


def annual_report(year):
    """Every figure the annual service report needs for one year; a fixed number of queries."""
    unit_rows = [row for row in figures_by_unit_and_year(year) if row.year == year]
    totals = _totals(unit_rows)
    requests = InfoRequest.objects.filter(year=year)
    refusals, partial = _refusals(requests)
    return AnnualReportData(
        year=year,
        totals=totals,
        units=unit_rows,
        channels=_channels(requests),
        time_bands=_time_bands(totals.days),
        refusals=refusals,
        partial=partial,
        narrative=AnnualReport.objects.filter(year=year, is_published=True).first(),
        has_sample=requests.filter(is_sample=True).exists(),
        **_objection_figures(year),
        **_dispute_figures(year),
    )
