"""The regency overview of a fiscal year: `/apbdes/` and `/apbdes/<tahun>/`.

Compliance by kecamatan, totals by source of funds and every village
compared, read from the published summaries (`ogp.overview`). An unknown
kecamatan, sort key or direction gives the default page.
"""

from django.utils import timezone
from django.views.generic import ListView

from portal.models import District

from .. import overview
from ..models import BudgetSummary
from .common import check_year


def _sort_headers(sort, direction):
    """One column header per sort key: its label, whether it is the current sort and the next direction."""
    headers = []
    for key, (_function, label, first) in overview.SORTS.items():
        current = key == sort
        following = ("asc" if direction == "desc" else "desc") if current else first
        headers.append(
            {
                "key": key,
                "label": label,
                "current": current,
                "aria_sort": ("descending" if direction == "desc" else "ascending") if current else "",
                "next": following,
            }
        )
    return headers


class RegencyView(ListView):
    """`/apbdes/` and `/apbdes/<tahun>/`: compliance, totals by source and every village compared."""

    model = BudgetSummary
    # The rows are a sorted list, so ListView cannot derive the name from a QuerySet.
    template_name = "ogp/budgetsummary_list.html"

    def get_queryset(self):
        self.years = BudgetSummary.objects.years()
        if "year" in self.kwargs:
            self.year = check_year(self.kwargs["year"])
        else:
            self.year = self.years[0] if self.years else timezone.localdate().year
        self.districts = list(District.objects.order_by("name").values_list("code", "name"))
        wanted = self.request.GET.get("kecamatan", "")
        self.district = next((pair for pair in self.districts if pair[0] == wanted), None)
        self.overview = overview.year_overview(
            self.year, districts=self.districts, district=self.district[0] if self.district else None
        )
        self.sort, self.direction, rows = overview.sort_rows(
            self.overview.rows, self.request.GET.get("urut", ""), self.request.GET.get("arah", "")
        )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            year=self.year,
            years=self.years,
            overview=self.overview,
            district={"code": self.district[0], "name": self.district[1]} if self.district else None,
            districts=self.districts,
            headers=_sort_headers(self.sort, self.direction),
            sort=self.sort,
            direction=self.direction,
            is_index="year" not in self.kwargs,
        )
        return context
