"""Regency-wide and kecamatan-wide figures for a fiscal year, read from `BudgetSummary`.

Nothing here reads budget lines: publication compliance, totals by source of
funds and the comparison of villages all come from the per-village-year
summaries kept up to date when something is published, so the cost of a page
grows with the number of villages, never with the number of lines. Rows are
plain objects built from value queries (no model instances), since the
regency page shows every village at once.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.charts import bar_chart
from portal.models import Village
from portal.templatetags.portal import rupiah

from . import figures
from .models import BudgetSummary, BudgetVersion, FundSource, RealisationReport

PLACEHOLDER = "99.99.99.1999"


def _labeller():
    """“Desa X” / “Kelurahan Y” for many villages, translating the two patterns once."""
    patterns = {
        Village.Kind.DESA: gettext("Desa %(name)s"),
        Village.Kind.KELURAHAN: gettext("Kelurahan %(name)s"),
    }
    return lambda kind, name: patterns.get(kind, "%(name)s") % {"name": name}


def _url_maker(name, *args):
    """Reverse a URL once and fill in each village code by substitution (hundreds of rows per page)."""
    template = reverse(name, args=[*args, PLACEHOLDER])
    return lambda code: template.replace(PLACEHOLDER, code)


@dataclass
class VillageRow:
    """One village's published APBDes of the year, as the comparison table shows it."""

    code: str
    name: str
    district_code: str
    district_name: str
    revenue: int
    spending: int
    financing_receipts: int
    financing_expenditure: int
    dana_desa: int
    revenue_by_source: dict
    spending_rate: object
    realised_spending: int | None
    reported_spending_budget: int | None
    realised_revenue: int | None
    reported_revenue_budget: int | None
    published_versions: int
    version_label: str
    report_label: str
    is_sample: bool
    url: str

    @property
    def silpa(self):
        return figures.silpa(
            figures.surplus(self.revenue, self.spending),
            figures.net_financing(self.financing_receipts, self.financing_expenditure),
        )

    @property
    def spending_rate_shown(self):
        return figures.shown(self.spending_rate)


@dataclass
class MissingVillage:
    code: str
    label: str
    district_name: str
    url: str


@dataclass
class DistrictCompliance:
    code: str
    name: str
    villages: int = 0
    published: int = 0
    missing: list = field(default_factory=list)

    @property
    def share(self):
        return figures.shown(figures.rate(self.villages, self.published), 0) if self.villages else None


# Sort keys of the village table: query value → (function of a row, label,
# direction of the first click: names A–Z, amounts largest first).
SORTS = OrderedDict(
    [
        ("desa", (lambda r: r.name.casefold(), _("Village"), "asc")),
        ("kecamatan", (lambda r: (r.district_name.casefold(), r.name.casefold()), _("Kecamatan"), "asc")),
        ("pendapatan", (lambda r: r.revenue, _("Revenue"), "desc")),
        ("dana_desa", (lambda r: r.dana_desa, _("Dana Desa"), "desc")),
        ("belanja", (lambda r: r.spending, _("Spending"), "desc")),
        ("silpa", (lambda r: r.silpa, _("SiLPA"), "desc")),
        (
            "realisasi",
            (lambda r: (r.spending_rate is not None, r.spending_rate or 0), _("Spending realised"), "desc"),
        ),
    ]
)
DEFAULT_SORT = "kecamatan"


@dataclass
class YearOverview:
    year: int
    rows: list
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


SUMMARY_VALUES = (
    "village_id",
    "village__name",
    "village__district_id",
    "village__district__name",
    "revenue",
    "spending",
    "financing_receipts",
    "financing_expenditure",
    "revenue_by_source",
    "spending_rate",
    "realised_spending",
    "reported_spending_budget",
    "realised_revenue",
    "reported_revenue_budget",
    "published_versions",
    "version__kind",
    "report__period",
    "is_sample",
)


def year_overview(year, *, districts, district=None):
    """Compliance, totals and one row per published village for a year (three queries).

    `districts` are the (code, name) pairs of the kecamatan, which the caller
    already has; with `district` only that kecamatan is covered.
    """
    # Only a desa has an APBDes; kelurahan are funded through the regency budget.
    summaries = BudgetSummary.objects.published().for_year(year)
    villages = Village.objects.desa().order_by("name")
    if district is not None:
        summaries = summaries.filter(village__district_id=district)
        villages = villages.filter(district_id=district)
    rows = _village_rows(summaries, year)
    compliance = _compliance(villages, districts, district, published={row.code for row in rows})
    return YearOverview(
        year=year,
        rows=rows,
        compliance=compliance,
        totals=_totals(rows),
        by_source=_by_source(rows),
        has_sample=any(row.is_sample for row in rows),
    )


def _village_rows(summaries, year):
    """One `VillageRow` per published summary, from a single value query."""
    kinds = {code: str(label) for code, label in BudgetVersion.Kind.choices}
    periods = {code: str(label) for code, label in RealisationReport.Period.choices}
    budget_url = _url_maker("ogp:village_budget", year)
    rows = []
    for values in summaries.values_list(*SUMMARY_VALUES):
        item = dict(zip(SUMMARY_VALUES, values, strict=True))
        rows.append(
            VillageRow(
                code=item["village_id"],
                name=item["village__name"],
                district_code=item["village__district_id"],
                district_name=item["village__district__name"],
                revenue=item["revenue"],
                spending=item["spending"],
                financing_receipts=item["financing_receipts"],
                financing_expenditure=item["financing_expenditure"],
                dana_desa=item["revenue_by_source"].get("DDS", 0),
                revenue_by_source=item["revenue_by_source"],
                spending_rate=item["spending_rate"],
                realised_spending=item["realised_spending"],
                reported_spending_budget=item["reported_spending_budget"],
                realised_revenue=item["realised_revenue"],
                reported_revenue_budget=item["reported_revenue_budget"],
                published_versions=item["published_versions"],
                version_label=kinds.get(item["version__kind"], ""),
                report_label=periods.get(item["report__period"], ""),
                is_sample=item["is_sample"],
                url=budget_url(item["village_id"]),
            )
        )
    return rows


def _compliance(villages, districts, district, *, published):
    """Per kecamatan (A–Z): how many villages there are, how many published, and which did not."""
    label = _labeller()
    region_url = _url_maker("portal:region")
    names = dict(districts)
    compliance = OrderedDict(
        (code, DistrictCompliance(code, name))
        for code, name in sorted(districts, key=lambda pair: pair[1])
        if district is None or code == district
    )
    for code, name, kind, district_code in villages.values_list("code", "name", "kind", "district_id"):
        item = compliance.get(district_code)
        if item is None:
            continue
        item.villages += 1
        if code in published:
            item.published += 1
        else:
            item.missing.append(
                MissingVillage(code, label(kind, name), names.get(district_code, ""), region_url(code))
            )
    return [item for item in compliance.values() if item.villages]


def _by_source(rows):
    totals = {}
    for row in rows:
        for code, amount in row.revenue_by_source.items():
            totals[code] = totals.get(code, 0) + amount
    names = OrderedDict(FundSource.objects.order_by("order", "code").values_list("code", "name"))
    result = [(code, name, totals[code]) for code, name in names.items() if totals.get(code)]
    result += [(code, code, amount) for code, amount in totals.items() if code not in names and amount]
    return result


def _totals(rows):
    revenue = sum(row.revenue for row in rows)
    spending = sum(row.spending for row in rows)
    net = figures.net_financing(
        sum(row.financing_receipts for row in rows), sum(row.financing_expenditure for row in rows)
    )
    reported = [row for row in rows if row.realised_spending is not None]
    return {
        "revenue": revenue,
        "spending": spending,
        "net_financing": net,
        "silpa": figures.silpa(figures.surplus(revenue, spending), net),
        "reported": len(reported),
        "revenue_rate": figures.shown(
            figures.rate(
                sum(row.reported_revenue_budget for row in reported),
                sum(row.realised_revenue for row in reported),
            )
        ),
        "spending_rate": figures.shown(
            figures.rate(
                sum(row.reported_spending_budget for row in reported),
                sum(row.realised_spending for row in reported),
            )
        ),
    }


def sort_rows(rows, key, direction):
    """Sort rows by a known key; unknown keys and directions fall back to the defaults."""
    if key not in SORTS:
        key = DEFAULT_SORT
    if direction not in ("asc", "desc"):
        direction = SORTS[key][2]
    return key, direction, sorted(rows, key=SORTS[key][0], reverse=direction == "desc")
