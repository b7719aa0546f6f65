"""Request figures per unit and year and per year, read from the counted figures (`Tally`).

Requests count in the year they were received, objections and disputes in the
year they were filed. The definitions are in `docs/ppid.md` ("Statistics").
Each function runs a fixed number of queries over the tallies, whose number
grows with units and years, never with requests.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone

from ..models import InfoRequest, PpidUnit, Tally

S = InfoRequest.Status


def period_end(year, today=None):
    """The day at whose end “still open past its deadline” is judged: 31 December, or today."""
    today = today or timezone.localdate()
    return min(today, datetime.date(year, 12, 31))


def median_of(days):
    """The median of a Counter {working days: how many answers}, as `statistics.median`; None for none."""
    total = sum(days.values())
    if not total:
        return None
    wanted = sorted({(total - 1) // 2, total // 2})
    found, seen = [], 0
    for value in sorted(days):
        seen += days[value]
        while wanted and wanted[0] < seen:
            found.append(value)
            wanted.pop(0)
    return found[0] if len(found) == 1 else (found[0] + found[1]) / 2


class Counts(dict):
    """{measure: Counter(key: count)}, read as ``counts[measure, key]`` (0 when absent)."""

    def __missing__(self, measure):
        return Counter()

    def __getitem__(self, item):
        if isinstance(item, tuple):
            measure, key = item
            found = self.get(measure)
            return found[key] if found is not None else 0
        return super().__getitem__(item)

    def add(self, measure, key, count):
        found = self.get(measure)
        if found is None:
            found = self[measure] = Counter()
        found[key] += count


@dataclass
class Figures:
    """One unit's (or all units') figures for one year, from its tallies.

    `counts` maps (measure, key) to a number (see `ppid.tallies`); `end` is
    the period's end for the figures that depend on the day (`open_late`).
    """

    counts: Counts = field(default_factory=Counts)
    end: datetime.date | None = None

    def by_key(self, measure):
        return Counter({key: n for key, n in self.counts[measure].items() if n})

    # Requests and their decisions.
    @property
    def requests(self):
        return self.counts["requests", ""]

    @property
    def open(self):
        return sum(self.counts["status", status] for status in InfoRequest.OPEN_STATUSES)

    @property
    def granted(self):
        return self.counts["status", S.GRANTED]

    @property
    def partly(self):
        return self.counts["status", S.PARTLY_GRANTED]

    @property
    def refused(self):
        return self.counts["status", S.REFUSED]

    @property
    def refused_not_held(self):
        return self.counts["refused", "not_held"]

    @property
    def refused_exempt(self):
        return self.refused - self.refused_not_held

    @property
    def withdrawn(self):
        return self.counts["status", S.WITHDRAWN]

    @property
    def answered(self):
        return self.granted + self.partly + self.refused

    @property
    def has_sample(self):
        return self.counts["sample", ""] > 0

    # Time taken.
    @cached_property
    def day_counts(self):
        return Counter({int(key): n for key, n in self.by_key("days").items()})

    @property
    def days(self):
        """Every answer's working days, one item per answer (for tests and small sets)."""
        return sorted(self.day_counts.elements())

    @cached_property
    def median_days(self):
        return median_of(self.day_counts)

    @property
    def on_time(self):
        return self.counts["on_time", ""]

    @property
    def on_time_share(self):
        return round(100 * self.on_time / self.answered, 1) if self.answered else None

    @property
    def answered_late(self):
        return self.counts["answered_late", ""]

    @property
    def open_late(self):
        """Requests still open whose deadline had passed at the end of the period (see `period_end`)."""
        if self.end is None:
            return 0
        end = self.end.isoformat()
        return sum(n for due, n in self.counts["open_due"].items() if due < end)

    @property
    def late(self):
        return self.answered_late + self.open_late

    # Objections and disputes.
    @property
    def objections(self):
        return self.counts["objections", ""]

    @property
    def objections_upheld(self):
        return self.counts["objection_status", "upheld"]

    @property
    def disputes(self):
        return self.counts["disputes", ""]

    @property
    def late_obligations(self):
        """Obligations from upheld objections due in the period, carried out late or still open
        past their due date at the end of the period (`ppid.services.count_late_obligations`)."""
        if self.end is None:
            return self.counts["late_obligation", ""]
        end = self.end.isoformat()
        return self.counts["late_obligation", ""] + sum(
            n for due, n in self.counts["obligation_due"].items() if due < end
        )

    def as_dict(self):
        median = self.median_days
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
            "answered_on_time_percent": self.on_time_share,
            "answered_late": self.answered_late,
            "open_late": self.open_late,
            "late": self.late,
            "median_working_days": float(median) if median is not None else None,
            "objections": self.objections,
            "objections_upheld": self.objections_upheld,
            "disputes": self.disputes,
            "late_obligations": self.late_obligations,
        }


def _read(tallies, today):
    """{(unit id or None, year): Figures} from a queryset of tallies; one query."""
    figures = {}
    rows = tallies.exclude(count=0).values_list("unit_id", "year", "measure", "key", "count")
    for unit_id, year, measure, key, count in rows:
        item = figures.get((unit_id, year))
        if item is None:
            item = figures[(unit_id, year)] = Figures(end=period_end(year, today))
        bucket = item.counts.get(measure)
        if bucket is None:
            bucket = item.counts[measure] = Counter()
        bucket[key] += count
    return figures


# The measures of the figure tables and `Figures.as_dict` (the CSV and JSON
# columns); the annual report's totals read every measure.
TABLE_MEASURES = [
    "requests",
    "status",
    "refused",
    "days",
    "on_time",
    "answered_late",
    "open_due",
    "objections",
    "objection_status",
    "disputes",
    "late_obligation",
    "obligation_due",
]


@dataclass(frozen=True)
class UnitYear:
    unit: PpidUnit
    year: int
    figures: Figures


def figures_by_unit_and_year(year=None, unit=None, today=None):
    """One row per unit and year that has any activity (the table measures only); two queries."""
    tallies = Tally.objects.filter(unit__isnull=False, measure__in=TABLE_MEASURES)
    if unit is not None:
        tallies = tallies.filter(unit=unit)
    if year is not None:
        tallies = tallies.filter(year=year)
    figures = _read(tallies, today)
    units = PpidUnit.objects.select_related("village").in_bulk({unit_id for unit_id, _year in figures})
    rows = [UnitYear(units[unit_id], y, f) for (unit_id, y), f in figures.items() if unit_id in units]
    rows.sort(key=lambda row: (-row.year, row.unit.kind_order, row.unit.name))
    return rows


def figures_by_year(today=None):
    """Regency totals per year, newest first (the table measures only); one query."""
    figures = _read(Tally.objects.filter(unit__isnull=True, measure__in=TABLE_MEASURES), today)
    return sorted(((year, value) for (_unit, year), value in figures.items()), reverse=True)


def figures_for_year(year, today=None):
    """The regency's figures for one year (empty Figures when it has none); one query."""
    figures = _read(Tally.objects.filter(unit__isnull=True, year=year), today)
    return figures.get((None, year)) or Figures(end=period_end(year, today))


def years_with_requests():
    rows = Tally.objects.filter(unit__isnull=True, measure="requests", count__gt=0)
    return sorted(rows.values_list("year", flat=True), reverse=True)


def recent_year_figures(today=None):
    """Figures of the current year, or of the latest year with requests if this one has none; one query."""
    today = today or timezone.localdate()
    this_year = today.year
    figures = _read(
        Tally.objects.filter(unit__isnull=True, year__in=[this_year, this_year - 1], measure__in=_HOME),
        today,
    )
    for year in (this_year, this_year - 1):
        found = figures.get((None, year))
        if found is not None and found.requests:
            return year, found
    return this_year, Figures()


# What the home page shows: requests and the share answered on time.
_HOME = ["requests", "status", "on_time"]
