"""The kecamatan page's one table: each village's budget publication, KIMs and PPID.

The portal's region pages are the one place that reads several domain apps;
they do so through the apps' QuerySet methods (three queries in all).
"""

from dataclasses import dataclass

from django.db.models import Count, Max


@dataclass(frozen=True)
class VillageRow:
    village: object
    budget_published: bool
    active_kims: int
    has_ppid: bool


@dataclass(frozen=True)
class DistrictSummary:
    year: int | None
    rows: list

    @property
    def published(self):
        return sum(row.budget_published for row in self.rows)

    @property
    def with_kim(self):
        return sum(row.active_kims > 0 for row in self.rows)

    @property
    def with_ppid(self):
        return sum(row.has_ppid for row in self.rows)


def district_summary(district, villages):
    from kim.models import Kim
    from ogp.models import BudgetSummary
    from ppid.models import PpidUnit

    budgets = BudgetSummary.objects.published().filter(village__district=district)
    year = budgets.aggregate(year=Max("year"))["year"]
    published = set(budgets.filter(year=year).values_list("village_id", flat=True)) if year else set()
    kims = dict(
        Kim.objects.published()
        .active()
        .filter(village__district=district)
        .values_list("village_id")
        .annotate(n=Count("pk"))
        .values_list("village_id", "n")
    )
    ppid = set(
        PpidUnit.objects.published().filter(village__district=district).values_list("village_id", flat=True)
    )
    rows = [
        VillageRow(village, village.code in published, kims.get(village.code, 0), village.code in ppid)
        for village in villages
    ]
    return DistrictSummary(year=year, rows=rows)
