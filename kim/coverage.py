"""KIM coverage: the share of villages with at least one active, published KIM.

Computed per kecamatan and for the whole regency from two queries (the
villages, and the number of active KIMs per village), whatever the amount of
data. Shares are percentages (0–100) with one decimal, or None for an area
without villages.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import charts
from portal.models import District, Village
from portal.templatetags.portal import persen

from .models import Kim


@dataclass
class AreaCoverage:
    """Coverage of one kecamatan, or of the regency when `district` is None."""

    name: str
    code: str = ""
    url: str = ""
    district: District | None = None
    villages: int = 0
    covered: int = 0
    kims: int = 0
    uncovered: list = field(default_factory=list)

    @property
    def share(self):
        # Rounded here because the `persen` filter cuts decimals off rather than rounding them.
        return round(100 * self.covered / self.villages, 1) if self.villages else None

    @property
    def uncovered_count(self):
        return self.villages - self.covered


@dataclass
class CoverageReport:
    districts: list
    total: AreaCoverage


def active_kims_per_village(villages=None):
    """{village code: number of active published KIMs}, in one query."""
    kims = Kim.objects.published().active()
    if villages is not None:
        kims = kims.filter(village__in=villages)
    rows = kims.values("village_id").annotate(n=Count("pk")).values_list("village_id", "n")
    return dict(rows)


def coverage_report(total_name=""):
    """Coverage of every kecamatan (alphabetical) and of the regency."""
    counts = active_kims_per_village()
    districts = {}
    villages = Village.objects.select_related("district").order_by("district__name", "name")
    for village in villages:
        area = districts.get(village.district_id)
        if area is None:
            area = districts[village.district_id] = _area_for(village.district)
        _add(area, village, counts.get(village.code, 0))
    areas = list(districts.values())
    total = AreaCoverage(
        name=total_name,
        villages=sum(a.villages for a in areas),
        covered=sum(a.covered for a in areas),
        kims=sum(a.kims for a in areas),
    )
    return CoverageReport(districts=areas, total=total)


def district_coverage(district):
    """Coverage of one kecamatan, listing its villages without an active KIM (two queries)."""
    area = _area_for(district)
    villages = list(Village.objects.filter(district=district).order_by("name"))
    counts = active_kims_per_village(villages=Village.objects.filter(district=district))
    for village in villages:
        _add(area, village, counts.get(village.code, 0))
    return area


def coverage_chart(areas, *, title, summary=""):
    """A bar chart of the coverage shares on a 0–100 scale, highest share first.

    `portal.charts.bar_chart` scales to the largest value; a share is scaled
    to 100% instead so the bars can be compared with full coverage.
    """
    rows = sorted(
        ((a.name, a.share or 0, a.url) for a in areas),
        key=lambda row: (-row[1], row[0]),
    )
    chart = charts.bar_chart(
        title,
        rows,
        label_heading=_("Kecamatan"),
        value_heading=_("Villages with an active KIM"),
        display=persen,
        summary=summary,
    )
    plot = charts.WIDTH - charts.VALUE_SPACE
    bars = []
    for bar in chart.bars:
        length = round(plot * bar.value / 100, 1) if bar.value > 0 else 0
        width = max(length, 1) if bar.value > 0 else 0
        bars.append(charts.Bar(**{**bar.__dict__, "width": width, "value_x": width + 8}))
    return charts.BarChart(**{**chart.__dict__, "bars": bars})


def _area_for(district):
    return AreaCoverage(
        name=district.name,
        code=district.code,
        url=reverse("portal:region", args=[district.code]),
        district=district,
    )


def _add(area, village, active_kims):
    area.villages += 1
    area.kims += active_kims
    if active_kims:
        area.covered += 1
    else:
        area.uncovered.append(village)
