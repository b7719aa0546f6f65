"""Sections the ogp app adds to the region pages (`/wilayah/<kode>/`).

Each panel reads the per-village-year summaries, so it runs a fixed number of
queries whatever the number of budget lines or villages.
"""

from django.db.models import Count, Max

from portal import panels
from portal.models import Village

from .models import BudgetSummary, BudgetVersion, OpennessClass, VillageScore
from .models.openness import classify

VILLAGE_YEARS = 4
VILLAGE_VERSIONS = 5


@panels.register("village", order=10, template="ogp/panels/village.html")
def village_budget(village):
    """The village's latest budget summaries and published versions (two queries).

    A kelurahan has no APBDes: its panel says where its spending is instead (no query).
    """
    if village.kind == Village.Kind.KELURAHAN:
        return {"village": village, "kelurahan": True}
    summaries = list(
        BudgetSummary.objects.published()
        .filter(village=village)
        .select_related("version")
        .order_by("-year")[:VILLAGE_YEARS]
    )
    if not summaries:
        return None
    versions = list(
        BudgetVersion.objects.published()
        .filter(budget__village=village)
        .select_related("budget")
        .latest_first()[:VILLAGE_VERSIONS]
    )
    return {
        "village": village,
        "summaries": summaries,
        "latest": summaries[0],
        "versions": versions,
        "has_sample": any(s.is_sample for s in summaries),
    }


@panels.register("district", order=10, template="ogp/panels/district.html")
def district_budgets(district):
    """Publication and totals of the kecamatan's villages for the latest year (three queries)."""
    year = (
        BudgetSummary.objects.published()
        .filter(village__district=district)
        .aggregate(year=Max("year"))["year"]
    )
    if year is None:
        return None
    summaries = list(
        BudgetSummary.objects.published()
        .filter(village__district=district, year=year)
        .select_related("village", "report")
        .order_by("village__name")
    )
    everyone = list(district.villages.order_by("name").only("code", "name", "kind", "district_id"))
    villages = [v for v in everyone if v.kind == Village.Kind.DESA]
    published = {s.village_id for s in summaries}
    reported = [s for s in summaries if s.spending_rate is not None]
    return {
        "district": district,
        "year": year,
        "summaries": summaries,
        "village_count": len(villages),
        "kelurahan_count": len(everyone) - len(villages),
        "missing": [v for v in villages if v.code not in published],
        "revenue": sum(s.revenue for s in summaries),
        "spending": sum(s.spending for s in summaries),
        "dana_desa": sum(s.dana_desa for s in summaries),
        "reported": len(reported),
        "has_sample": any(s.is_sample for s in summaries),
    }


@panels.register("village", order=15, template="ogp/panels/openness.html")
def village_openness(village):
    """The village's scores in published openness assessments, newest first (two queries)."""
    scores = list(
        VillageScore.objects.published()
        .filter(village=village)
        .select_related("assessment")
        .order_by("-assessment__year")
    )
    if not scores:
        return None
    classes = {}
    for item in OpennessClass.objects.filter(assessment__in=[s.assessment_id for s in scores]):
        classes.setdefault(item.assessment_id, []).append(item)
    rows = [(score, classify(score.total, classes.get(score.assessment_id, []))) for score in scores]
    return {"village": village, "rows": rows}


@panels.register("home", order=10, template="ogp/panels/home.html")
def budget_publication(regency):
    """How many villages have published the latest budget year (two queries)."""
    latest = (
        BudgetSummary.objects.published().values("year").annotate(n=Count("pk")).order_by("-year").first()
    )
    if latest is None:
        return None
    year, published = latest["year"], latest["n"]
    villages = Village.objects.desa().count()
    return {
        "year": year,
        "published": published,
        "villages": villages,
        "missing": villages - published,
        "share": round(100 * published / villages, 1) if villages else None,
    }
