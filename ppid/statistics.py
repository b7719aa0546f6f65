"""Figures of the information service, computed from the records and never typed in.

- `figures_by_unit_and_year()` and `figures_by_year()`: requests, decisions
  (refusals by reason), median working days to answer, share answered on time,
  objections and disputes, for `/ppid/statistik/` and its CSV/JSON.
- `annual_report(year)`: everything Perki 1/2021 asks the annual service report
  to state that can be computed.
- `ikm_by_unit_and_year()`: the satisfaction index of PermenPANRB 14/2017:
  per element the mean score NRR = sum / respondents, IKM = Σ NRR × 1/9 on the
  1–4 scale, converted IKM = IKM × 25, graded A–D.

Each function runs a fixed number of queries whatever the amount of data.
Requests count in the year they were received, objections and disputes in the
year they were filed, survey responses in the year they were submitted.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    ELEMENTS,
    AnnualReport,
    Dispute,
    ExemptionGround,
    InfoRequest,
    Objection,
    ObjectionGround,
    PpidUnit,
    RequestChannel,
    SurveyResponse,
    WrittenNotice,
)

S = InfoRequest.Status
TWO_PLACES = Decimal("0.01")

_REQUEST_COUNTS = {
    "requests": Count("pk"),
    "open": Count("pk", filter=Q(status__in=InfoRequest.OPEN_STATUSES)),
    "granted": Count("pk", filter=Q(status=S.GRANTED)),
    "partly": Count("pk", filter=Q(status=S.PARTLY_GRANTED)),
    "refused": Count("pk", filter=Q(status=S.REFUSED)),
    "refused_exempt": Count(
        "pk", filter=Q(status=S.REFUSED, notice__refusal_reason=WrittenNotice.RefusalReason.EXEMPT)
    ),
    "refused_not_held": Count(
        "pk", filter=Q(status=S.REFUSED, notice__refusal_reason=WrittenNotice.RefusalReason.NOT_HELD)
    ),
    "withdrawn": Count("pk", filter=Q(status=S.WITHDRAWN)),
}


@dataclass
class Figures:
    requests: int = 0
    open: int = 0
    granted: int = 0
    partly: int = 0
    refused: int = 0
    refused_exempt: int = 0
    refused_not_held: int = 0
    withdrawn: int = 0
    objections: int = 0
    disputes: int = 0
    days: list = field(default_factory=list)
    on_time: int = 0

    @property
    def answered(self):
        return self.granted + self.partly + self.refused

    @property
    def median_days(self):
        return statistics.median(self.days) if self.days else None

    @property
    def on_time_share(self):
        return round(100 * self.on_time / self.answered, 1) if self.answered else None

    def add_counts(self, row):
        for name in _REQUEST_COUNTS:
            setattr(self, name, getattr(self, name) + row[name])

    def as_dict(self):
        median = self.median_days
        share = self.on_time_share
        return {
            "requests": self.requests,
            "granted": self.granted,
            "partly_granted": self.partly,
            "refused": self.refused,
            "refused_exempt": self.refused_exempt,
            "refused_not_held": self.refused_not_held,
            "withdrawn": self.withdrawn,
            "open": self.open,
            "answered": self.answered,
            "answered_on_time": self.on_time,
            "answered_on_time_percent": round(share, 1) if share is not None else None,
            "median_working_days": float(median) if median is not None else None,
            "objections": self.objections,
            "disputes": self.disputes,
        }


def _collect(requests, objections, disputes, key_request, key_objection, key_dispute):
    """Fill Figures per key from four aggregate queries (answer times counted per number of days)."""
    figures = defaultdict(Figures)
    for row in requests.values(*key_request).annotate(**_REQUEST_COUNTS).order_by():
        figures[tuple(row[k] for k in key_request)].add_counts(row)
    answered = requests.filter(status__in=InfoRequest.ANSWERED_STATUSES, working_days_taken__isnull=False)
    # One row per key and number of days (a few hundred), not one per answered request.
    for *key, days, count, on_time in (
        answered.values(*key_request, "working_days_taken")
        .annotate(n=Count("pk"), on_time=Count("pk", filter=Q(answered_on__lte=F("due_on"))))
        .values_list(*key_request, "working_days_taken", "n", "on_time")
        .order_by()
    ):
        item = figures[tuple(key)]
        item.days.extend([days] * count)
        item.on_time += on_time
    for *key, count in objections.values_list(*key_objection).annotate(n=Count("pk")).order_by():
        figures[tuple(key)].objections += count
    for *key, count in (
        disputes.annotate(year=ExtractYear("filed_on"))
        .values_list(*key_dispute)
        .annotate(n=Count("pk"))
        .order_by()
    ):
        figures[tuple(key)].disputes += count
    return figures


@dataclass(frozen=True)
class UnitYear:
    unit: PpidUnit
    year: int
    figures: Figures


def figures_by_unit_and_year(year=None, unit=None):
    """One row per unit and year that has any activity; five queries."""
    requests = InfoRequest.objects.all()
    objections = Objection.objects.all()
    disputes = Dispute.objects.all()
    if unit is not None:
        requests = requests.filter(unit=unit)
        objections = objections.filter(request__unit=unit)
        disputes = disputes.filter(objection__request__unit=unit)
    if year is not None:
        requests = requests.filter(year=year)
        objections = objections.filter(year=year)
        disputes = disputes.filter(filed_on__year=year)
    figures = _collect(
        requests,
        objections,
        disputes,
        ("unit_id", "year"),
        ("request__unit_id", "year"),
        ("objection__request__unit_id", "year"),
    )
    units = PpidUnit.objects.select_related("village").in_bulk({unit_id for unit_id, _year in figures})
    rows = [UnitYear(units[unit_id], y, f) for (unit_id, y), f in figures.items() if unit_id in units]
    rows.sort(key=lambda row: (-row.year, row.unit.kind_order, row.unit.name))
    return rows


def figures_by_year():
    """Regency totals per year, newest first; four queries."""
    figures = _collect(
        InfoRequest.objects.all(),
        Objection.objects.all(),
        Dispute.objects.all(),
        ("year",),
        ("year",),
        ("year",),
    )
    return sorted(((key[0], value) for key, value in figures.items()), reverse=True)


def years_with_requests():
    # Without order_by() the default ordering's columns would join the DISTINCT.
    return sorted(InfoRequest.objects.order_by().values_list("year", flat=True).distinct(), reverse=True)


# --- Annual report ---------------------------------------------------------------

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


def annual_report(year):
    """Every figure the annual service report needs for one year; a fixed number of queries."""
    unit_rows = [row for row in figures_by_unit_and_year(year) if row.year == year]
    totals = Figures()
    for row in unit_rows:
        for name in (*_REQUEST_COUNTS, "objections", "disputes", "on_time"):
            setattr(totals, name, getattr(totals, name) + getattr(row.figures, name))
        totals.days.extend(row.figures.days)
    requests = InfoRequest.objects.filter(year=year)
    channel_counts = dict(requests.values_list("channel").annotate(n=Count("pk")).order_by())
    channels = [(label, channel_counts.get(value, 0)) for value, label in RequestChannel.choices]
    bands = []
    for low, high, label in TIME_BANDS:
        bands.append((label, sum(1 for d in totals.days if d >= low and (high is None or d <= high))))
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
    ground_labels = dict(ExemptionGround.choices)
    refusals = [
        (ground_labels[value], by_letter[value]) for value in ExemptionGround.values if by_letter[value]
    ]
    if by_letter["not_held"]:
        refusals.append((WrittenNotice.RefusalReason.NOT_HELD.label, by_letter["not_held"]))
    partial = [
        (ground_labels[value], partial_letters[value])
        for value in ExemptionGround.values
        if partial_letters[value]
    ]

    objections = Objection.objects.filter(year=year)
    objection_figures = objections.aggregate(
        total=Count("pk"),
        on_time=Count("pk", filter=Q(decided_on__isnull=False, decided_on__lte=F("due_on"))),
        **{
            f"g_{letter}": Count("pk", filter=Q(**{f"ground_{letter}": True}))
            for letter in ObjectionGround.values
        },
        **{f"s_{value}": Count("pk", filter=Q(status=value)) for value in Objection.Status.values},
    )
    objections_by_ground = [
        (label, objection_figures[f"g_{value}"])
        for value, label in ObjectionGround.choices
        if objection_figures[f"g_{value}"]
    ]
    objections_by_outcome = [
        (label, objection_figures[f"s_{value}"]) for value, label in Objection.Status.choices
    ]

    disputes = Dispute.objects.filter(filed_on__year=year)
    dispute_figures = disputes.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(decided_on__isnull=True)),
        court=Count("pk", filter=Q(court_filed_on__isnull=False)),
        **{f"o_{value}": Count("pk", filter=Q(outcome=value)) for value in Dispute.Outcome.values},
    )
    disputes_by_outcome = [(label, dispute_figures[f"o_{value}"]) for value, label in Dispute.Outcome.choices]
    court_outcomes = list(
        disputes.filter(court_filed_on__isnull=False)
        .exclude(court_outcome="")
        .values_list("court_outcome", flat=True)
    )
    narrative = AnnualReport.objects.filter(year=year, is_published=True).first()
    has_sample = requests.filter(is_sample=True).exists()
    return AnnualReportData(
        year=year,
        totals=totals,
        units=unit_rows,
        channels=channels,
        time_bands=bands,
        refusals=refusals,
        partial=partial,
        objections_received=objection_figures["total"],
        objections_by_ground=objections_by_ground,
        objections_by_outcome=objections_by_outcome,
        objections_answered_on_time=objection_figures["on_time"],
        disputes_filed=dispute_figures["total"],
        disputes_by_outcome=disputes_by_outcome,
        disputes_pending=dispute_figures["pending"],
        court_cases=dispute_figures["court"],
        court_outcomes=court_outcomes,
        narrative=narrative,
        has_sample=has_sample,
    )


# --- Satisfaction index (IKM) ----------------------------------------------------------

GRADES = [
    (Decimal("88.31"), "A", _("Very good (Sangat Baik)")),
    (Decimal("76.61"), "B", _("Good (Baik)")),
    (Decimal("65.00"), "C", _("Not good enough (Kurang Baik)")),
    (Decimal("25.00"), "D", _("Poor (Tidak Baik)")),
]


def grade(converted):
    """The letter and performance label for a converted IKM (25–100)."""
    for floor, letter, label in GRADES:
        if converted >= floor:
            return letter, label
    return "D", GRADES[-1][2]


def _two_places(value):
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True)
class Ikm:
    respondents: int
    element_means: list  # (label, NRR as Decimal with 2 places)
    ikm: Decimal  # on the 1–4 scale, 2 places
    converted: Decimal  # IKM × 25, 2 places
    grade: str
    grade_label: str


def compute_ikm(respondents, sums):
    """IKM from the respondent count and the nine element sums, computed exactly then rounded."""
    if not respondents:
        return None
    total = Fraction(sum(sums), 9 * respondents)
    converted = _two_places(total * 25)
    letter, label = grade(converted)
    return Ikm(
        respondents=respondents,
        element_means=[
            (label_, _two_places(Fraction(s, respondents)))
            for (_name, label_), s in zip(ELEMENTS, sums, strict=True)
        ],
        ikm=_two_places(total),
        converted=converted,
        grade=letter,
        grade_label=label,
    )


_SUMS = {f"s_{name}": Sum(name) for name, _label in ELEMENTS}


@dataclass(frozen=True)
class UnitIkm:
    unit: PpidUnit
    year: int
    ikm: Ikm


def ikm_by_unit_and_year(year=None):
    """The IKM of every unit and year with responses; two queries."""
    responses = SurveyResponse.objects.all()
    if year is not None:
        responses = responses.filter(year=year)
    rows = list(responses.values("unit_id", "year").annotate(n=Count("pk"), **_SUMS).order_by())
    units = PpidUnit.objects.select_related("village").in_bulk({row["unit_id"] for row in rows})
    result = [
        UnitIkm(
            units[row["unit_id"]],
            row["year"],
            compute_ikm(row["n"], [row[f"s_{name}"] for name, _l in ELEMENTS]),
        )
        for row in rows
    ]
    result.sort(key=lambda item: (-item.year, item.unit.kind_order, item.unit.name))
    return result


def ikm_by_year():
    """The regency-wide IKM per year, newest first; one query."""
    rows = SurveyResponse.objects.values("year").annotate(n=Count("pk"), **_SUMS).order_by("-year")
    return [(row["year"], compute_ikm(row["n"], [row[f"s_{name}"] for name, _l in ELEMENTS])) for row in rows]


def recent_year_figures(today=None):
    """Figures of the current year, or of the latest year with requests if this one has none.

    For the home page, which shows the number of requests and the share
    answered on time: one query over at most two years of requests, counting
    only what those two figures need (no refusal reasons, answer times,
    objections or disputes, which `figures_by_year` adds at four times the cost).
    """
    this_year = (today or timezone.localdate()).year
    answered = Q(status__in=InfoRequest.ANSWERED_STATUSES)
    rows = {
        row["year"]: row
        for row in InfoRequest.objects.filter(year__in=[this_year, this_year - 1])
        .values("year")
        .annotate(
            **{name: _REQUEST_COUNTS[name] for name in ("requests", "granted", "partly", "refused")},
            # As `_collect` counts it: an answer with its working days, given by the deadline.
            on_time=Count(
                "pk", filter=answered & Q(working_days_taken__isnull=False, answered_on__lte=F("due_on"))
            ),
        )
        .order_by()
    }
    for year in (this_year, this_year - 1):
        if year in rows:
            row = rows[year]
            return year, Figures(
                requests=row["requests"],
                granted=row["granted"],
                partly=row["partly"],
                refused=row["refused"],
                on_time=row["on_time"],
            )
    return this_year, Figures()
