"""The regency overview of a fiscal year: `/apbdes/` and `/apbdes/<tahun>/`.

Compliance by kecamatan, totals by source of funds and every village
compared, read from the published summaries (`ogp.overview`). An unknown
kecamatan, sort key or direction gives the default page.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.generic import ListView

from portal import data_versions
from portal.models import District

from .. import overview
from ..models import BudgetSummary
from ..models.summaries import OGP_TOPIC
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


# The query parameters the overview reads; with any other, or a value none of
# them takes, the page is rendered without the part cache (its links repeat
# the query string, so it would be a new entry for every address typed).
OVERVIEW_PARAMETERS = ("kecamatan", "urut", "arah")


class RegencyView(ListView):
    """`/apbdes/` and `/apbdes/<tahun>/`: compliance, totals by source and every village compared."""

    model = BudgetSummary
    # The rows are a sorted list, so ListView cannot derive the name from a QuerySet.
    template_name = "ogp/budgetsummary_list.html"

    def get_queryset(self):
        # The rows are read inside the overview's part (see _overview_html), only when it is rendered.
        self.years = BudgetSummary.objects.years()
        if "year" in self.kwargs:
            self.year = check_year(self.kwargs["year"])
        else:
            self.year = self.years[0] if self.years else timezone.localdate().year
        self.districts = list(District.objects.order_by("name").values_list("code", "name"))
        wanted = self.request.GET.get("kecamatan", "")
        self.district = next((pair for pair in self.districts if pair[0] == wanted), None)
        return []

    def _overview_context(self):
        data = overview.year_overview(
            self.year, districts=self.districts, district=self.district[0] if self.district else None
        )
        sort, direction, rows = overview.sort_rows(
            data.rows, self.request.GET.get("urut", ""), self.request.GET.get("arah", "")
        )
        return {
            "year": self.year,
            "overview": data,
            "object_list": rows,
            "district": {"code": self.district[0], "name": self.district[1]} if self.district else None,
            "districts": self.districts,
            "headers": _sort_headers(sort, direction),
            "sort": sort,
            "direction": direction,
        }

    def _cache_parts(self):
        """What the overview's HTML depends on besides the data, or None when it is not to be kept."""
        query = self.request.GET
        if set(query) - set(OVERVIEW_PARAMETERS) or any(len(query.getlist(key)) > 1 for key in query):
            return None
        district, sort, direction = (query.get(key) for key in OVERVIEW_PARAMETERS)
        if (
            (district is not None and not self.district)
            or (sort is not None and sort not in overview.SORTS)
            or (direction is not None and direction not in ("asc", "desc"))
        ):
            return None
        return [self.year, district, sort, direction]

    def _overview_html(self):
        def render():
            return render_to_string(
                "ogp/includes/regency_overview.html", self._overview_context(), request=self.request
            )

        parts = self._cache_parts()
        if parts is None:
            return mark_safe(render())
        return data_versions.fragment("apbdes-regency", topics=[OGP_TOPIC], parts=parts, render=render)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            year=self.year,
            years=self.years,
            overview_html=self._overview_html(),
            is_index="year" not in self.kwargs,
        )
        return context
