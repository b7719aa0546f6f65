"""Sections of the region pages: a village's PPID and its disclosures; a kecamatan's coverage."""

from portal import panels

from . import statistics
from .models import DipItem, PpidUnit, coverage_by_district

VILLAGE_DIP_ITEMS = 8


@panels.register("village", order=20, template="ppid/panels/village.html")
def village_ppid(village):
    """The village's PPID Desa (officer, decree, atasan) and its latest DIP items; two queries."""
    unit = PpidUnit.objects.published().filter(village=village).first()
    items = []
    if unit is not None:
        items = list(
            DipItem.objects.published()
            .filter(unit=unit)
            .select_related("unit")
            .latest()[: VILLAGE_DIP_ITEMS + 1]
        )
    return {
        "village": village,
        "unit": unit,
        "dip_items": items[:VILLAGE_DIP_ITEMS],
        "more_items": len(items) > VILLAGE_DIP_ITEMS,
    }


@panels.register("district", order=20, template="ppid/panels/district.html")
def district_coverage(district):
    """Which villages of the kecamatan have a PPID Desa; two queries."""
    rows = coverage_by_district([district.code])
    coverage = rows[0][1] if rows else None
    units = list(
        PpidUnit.objects.published()
        .villages()
        .filter(village__district=district)
        .select_related("village")
        .order_by("village__name")
    )
    return {"district": district, "coverage": coverage, "units": units}


@panels.register("home", order=20, template="ppid/panels/home.html")
def ppid_figures(regency):
    """Requests this year, the share answered on time and the latest IKM grade (two queries)."""
    year, figures = statistics.recent_year_figures()
    ikm_year, ikm = next(((y, i) for y, i in statistics.ikm_by_year() if i is not None), (None, None))
    return {"year": year, "figures": figures, "ikm_year": ikm_year, "ikm": ikm}
