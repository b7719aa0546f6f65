"""Regency-wide and kecamatan-wide figures for a fiscal year, read from `BudgetSummary`.

Nothing here reads budget lines: publication compliance, totals by source of
funds and the comparison of villages all come from the per-village-year
summaries kept up to date when something is published, so the cost of a page
grows with the number of villages, never with the number of lines.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.charts import bar_chart
from portal.models import District, Village
from portal.templatetags.portal import rupiah

from . import figures
from .models import BudgetSummary, FundSource

# Sort keys of the village table: query value → (function of a row, label).
SORTS = OrderedDict(
    [
        ("desa", (lambda s: s.village.name.casefold(), _("Village"))),
        (
            "kecamatan",
            (lambda s: (s.village.district.name.casefold(), s.village.name.casefold()), _("Kecamatan")),
        ),
        ("pendapatan", (lambda s: s.revenue, _("Revenue"))),
        ("dana_desa", (lambda s: s.dana_desa, _("Dana Desa"))),
        ("belanja", (lambda s: s.spending, _("Spending"))),
        ("silpa", (lambda s: s.silpa, _("SiLPA"))),
        (
            "realisasi",
            (lambda s: (s.spending_rate is not None, s.spending_rate or 0), _("Spending realised")),
        ),
    ]
)
DEFAULT_SORT = "kecamatan"


@dataclass
class DistrictCompliance:
    district: District
    villages: int = 0
    published: int = 0
    missing: list = field(default_factory=list)

    @property
    def share(self):
        return figures.shown(figures.rate(self.villages, self.published), 0) if self.villages else None


@dataclass
class YearOverview:
    year: int
    summaries: list
    compliance: list
    totals: dict
    by_source: list
    has_sample: bool

    @property
    def villages(self):
        return sum(item.villages for item in self.compliance)

    @property
    def published(self):
        return sum(item.published for item in self.compliance)

    @property
    def missing(self):
        return [village for item in self.compliance for village in item.missing]

    @property
    def share(self):
        return figures.shown(figures.rate(self.villages, self.published)) if self.villages else None

    @property
    def source_chart(self):
        return bar_chart(
            _("Regency revenue by source of funds"),
            [(label, amount) for _code, label, amount in self.by_source],
            label_heading=_("Source of funds"),
            value_heading=_("Budget"),
            display=rupiah,
        )

    @property
    def compliance_chart(self):
        return bar_chart(
            _("Villages that published their APBDes, per kecamatan (%)"),
            [(item.district.name, float(item.share or 0)) for item in self.compliance],
            label_heading=_("Kecamatan"),
            value_heading=_("Published"),
            display=lambda value: f"{value:.0f}%",
        )


def year_overview(year, *, district=None):
    """Compliance, totals and the summaries of one year (four queries)."""
    summaries = list(
        BudgetSummary.objects.published()
        .for_year(year)
        .select_related("village__district", "version", "report")
        .only(
            "budget_id",
            "year",
            "revenue",
            "spending",
            "financing_receipts",
            "financing_expenditure",
            "revenue_by_source",
            "spending_rate",
            "revenue_rate",
            "realised_spending",
            "realised_revenue",
            "reported_spending_budget",
            "reported_revenue_budget",
            "published_versions",
            "last_published_at",
            "is_sample",
            "village__code",
            "village__name",
            "village__kind",
            "village__district__code",
            "village__district__name",
            "version__number",
            "version__kind",
            "version__status",
            "report__period",
            "report__as_of",
            "report__status",
        )
    )
    villages = Village.objects.select_related("district").order_by("district__name", "name")
    if district is not None:
        villages = villages.filter(district=district)
        summaries = [s for s in summaries if s.village.district_id == district.code]
    published_codes = {s.village_id for s in summaries}
    compliance = OrderedDict()
    for village in villages:
        item = compliance.get(village.district_id)
        if item is None:
            item = compliance[village.district_id] = DistrictCompliance(village.district)
        item.villages += 1
        if village.code in published_codes:
            item.published += 1
        else:
            item.missing.append(village)
    source_totals = {}
    for summary in summaries:
        for code, amount in summary.revenue_by_source.items():
            source_totals[code] = source_totals.get(code, 0) + amount
    names = OrderedDict(FundSource.objects.order_by("order", "code").values_list("code", "name"))
    by_source = [(code, name, source_totals[code]) for code, name in names.items() if source_totals.get(code)]
    by_source += [
        (code, code, amount) for code, amount in source_totals.items() if code not in names and amount
    ]
    revenue = sum(s.revenue for s in summaries)
    spending = sum(s.spending for s in summaries)
    receipts = sum(s.financing_receipts for s in summaries)
    expenditure = sum(s.financing_expenditure for s in summaries)
    reported = [s for s in summaries if s.realised_spending is not None]
    totals = {
        "revenue": revenue,
        "spending": spending,
        "net_financing": figures.net_financing(receipts, expenditure),
        "silpa": figures.silpa(
            figures.surplus(revenue, spending), figures.net_financing(receipts, expenditure)
        ),
        "reported": len(reported),
        "revenue_rate": figures.shown(
            figures.rate(
                sum(s.reported_revenue_budget for s in reported), sum(s.realised_revenue for s in reported)
            )
        ),
        "spending_rate": figures.shown(
            figures.rate(
                sum(s.reported_spending_budget for s in reported), sum(s.realised_spending for s in reported)
            )
        ),
    }
    return YearOverview(
        year=year,
        summaries=summaries,
        compliance=list(compliance.values()),
        totals=totals,
        by_source=by_source,
        has_sample=any(s.is_sample for s in summaries),
    )


def sort_summaries(summaries, key, direction):
    """Sort rows by a known key; unknown keys fall back to the default order."""
    if key not in SORTS:
        key = DEFAULT_SORT
    if direction not in ("asc", "desc"):
        direction = SORTS[key][2]
    descending = direction == "desc"
    function = SORTS[key][0]
    return key, ("desc" if descending else "asc"), sorted(summaries, key=function, reverse=descending)
