"""Counts of published visits for `/kunjungan/statistik/`: per year, province, type and topic.

`visit_statistics()` runs a fixed number of grouped queries over whatever
visits it is given (the public page passes `Visit.objects.published()`), and
`charts()` turns the result into SVG bar charts, each with its data table.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal import charts, wilayah
from portal.models import Village

from .models import Institution, Topic

TOP_TOPICS = 10


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class VisitStatistics:
    total: int
    institutions: int
    villages: int
    by_year: list
    by_province: list
    by_institution_kind: list
    top_topics: list

    @property
    def provinces(self):
        """Number of provinces that sent a delegation."""
        return sum(1 for row in self.by_province if row.key)


def visit_statistics(visits):
    """Grouped counts over the given visits (six queries, whatever their number)."""
    visits = visits.order_by()
    per_year = dict(
        visits.annotate(year=ExtractYear("start_date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    by_year = []
    if per_year:
        # Every year from the first to the last visit, so a quiet year shows as zero.
        by_year = [
            Row(str(year), str(year), per_year.get(year, 0))
            for year in range(min(per_year), max(per_year) + 1)
        ]

    per_province = (
        visits.values_list("institution__province_code")
        .annotate(n=Count("pk"))
        .values_list("institution__province_code", "n")
    )
    by_province = sorted(
        (
            Row(code, wilayah.province_name(code) or code, n)
            if code
            else Row("", str(_("No province (ministries, foreign governments and others)")), n)
            for code, n in per_province
        ),
        key=lambda row: (-row.count, row.key == "", row.label),
    )

    kind_labels = dict(Institution.Kind.choices)
    per_kind = (
        visits.values_list("institution__kind").annotate(n=Count("pk")).values_list("institution__kind", "n")
    )
    by_kind = sorted(
        (Row(kind, str(kind_labels.get(kind, kind)), n) for kind, n in per_kind),
        key=lambda row: (-row.count, row.label),
    )

    topics = (
        Topic.objects.filter(visits__in=visits.values("pk"))
        .annotate(n=Count("visits"))
        .order_by("-n", "name")
        .values_list("slug", "name", "n")[:TOP_TOPICS]
    )
    top_topics = [Row(slug, name, n) for slug, name, n in topics]

    return VisitStatistics(
        total=sum(row.count for row in by_year),
        institutions=visits.values("institution").distinct().count(),
        villages=Village.objects.filter(visits__in=visits.values("pk")).distinct().count(),
        by_year=by_year,
        by_province=by_province,
        by_institution_kind=by_kind,
        top_topics=top_topics,
    )


def _list_url(param, value):
    return f"{reverse('visits:list')}?{urlencode({param: value})}" if value else ""


def charts_for(stats):
    """The four sections of the statistics page as (heading, bar chart) pairs.

    Each bar links to the list filtered to the visits it counts.
    """
    heading = _("Visits")
    headings = [_("By year"), _("By province"), _("By type of institution"), _("By topic")]
    bar_charts = [
        charts.bar_chart(
            _("Visits per year"),
            [
                (row.label, row.count, _list_url("tahun", row.key) if row.count else "")
                for row in stats.by_year
            ],
            label_heading=_("Year"),
            value_heading=heading,
        ),
        charts.bar_chart(
            _("Visits by province of the visiting institution"),
            [(row.label, row.count, _list_url("provinsi", row.key)) for row in stats.by_province],
            label_heading=_("Province"),
            value_heading=heading,
        ),
        charts.bar_chart(
            _("Visits by type of institution"),
            [
                (row.label, row.count, _list_url("jenis_instansi", row.key))
                for row in stats.by_institution_kind
            ],
            label_heading=_("Type of institution"),
            value_heading=heading,
        ),
        charts.bar_chart(
            _("Most frequent topics"),
            [(row.label, row.count, _list_url("topik", row.key)) for row in stats.top_topics],
            label_heading=_("Topic"),
            value_heading=heading,
            summary=_("A visit can have several topics."),
        ),
    ]
    return list(zip(headings, bar_charts, strict=True))
