"""Request figures per unit and year and per year: counts, decisions, answer times, objections.

Each function runs a fixed number of queries whatever the amount of data.
Requests count in the year they were received, objections and disputes in the
year they were filed.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from ..models import Dispute, InfoRequest, Objection, PpidUnit, WrittenNotice

S = InfoRequest.Status

REQUEST_COUNTS = {
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
        for name in REQUEST_COUNTS:
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
    for row in requests.values(*key_request).annotate(**REQUEST_COUNTS).order_by():
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
            **{name: REQUEST_COUNTS[name] for name in ("requests", "granted", "partly", "refused")},
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
