"""The demo loader: deterministic, idempotent, labelled, and consistent with the services."""

import io

import pytest

from ogp import demo, figures
from ogp.models import (
    Budget,
    BudgetLine,
    BudgetSummary,
    BudgetVersion,
    RealisationLine,
    RealisationReport,
    Status,
)
from portal.models import Village

pytestmark = pytest.mark.django_db


def test_sample_budgets_load_once_and_are_flagged(tmp_path):
    villages = list(Village.objects.desa().order_by("code")[:3])
    demo.load_budgets(io.StringIO(), villages=villages, years=[2024, 2025])
    counts = (
        Budget.objects.count(),
        BudgetVersion.objects.count(),
        BudgetLine.objects.count(),
        RealisationLine.objects.count(),
    )
    demo.load_budgets(io.StringIO(), villages=villages, years=[2024, 2025])
    assert (
        Budget.objects.count(),
        BudgetVersion.objects.count(),
        BudgetLine.objects.count(),
        RealisationLine.objects.count(),
    ) == counts
    assert counts[0] == 6
    assert not Budget.objects.filter(is_sample=False).exists()
    assert not BudgetSummary.objects.filter(is_sample=False).exists()


def test_sample_summaries_agree_with_the_lines():
    villages = list(Village.objects.desa().order_by("code")[:4])
    demo.load_budgets(io.StringIO(), villages=villages, years=[2023, 2024])
    for summary in BudgetSummary.objects.select_related("version", "report"):
        items = summary.version.lines.values_list("account_id", "activity_id", "fund_source_id", "amount")
        totals = figures.tally(items)
        assert (summary.revenue, summary.spending, summary.silpa) == (
            totals.revenue,
            totals.spending,
            totals.silpa,
        )
        assert summary.revenue_by_source == totals.by_source
        assert 700_000_000 <= summary.revenue_by_source["DDS"] <= 1_200_000_000
        assert 300_000_000 <= summary.revenue_by_source["ADD"] <= 800_000_000
        assert 1_000_000_000 <= summary.revenue <= 3_000_000_000
        assert summary.version.status == Status.PUBLISHED
        if summary.report is not None:
            realised = RealisationLine.objects.filter(report=summary.report).values_list(
                "line__account_id", "line__activity_id", "line__fund_source_id", "amount"
            )
            assert figures.tally(realised).spending == summary.realised_spending
    assert RealisationReport.objects.filter(status=Status.PUBLISHED).exists()


def test_the_same_village_and_year_always_get_the_same_budget():
    from ogp import sample_budgets

    first = sample_budgets.budget("35.22.18.2007", 2024, latest_year=2025)
    second = sample_budgets.budget("35.22.18.2007", 2024, latest_year=2025)
    assert [line.amount for line in first.versions[-1].lines] == [
        line.amount for line in second.versions[-1].lines
    ]


def test_some_villages_have_not_published_the_latest_year():
    villages = list(Village.objects.desa().order_by("code"))
    demo.load_budgets(io.StringIO(), villages=villages, years=[2025])
    published = BudgetSummary.objects.filter(year=2025).count()
    assert 0 < len(villages) - published < len(villages) // 5
    assert (
        BudgetVersion.objects.filter(status=Status.DRAFT, budget__year=2025).count()
        == len(villages) - published
    )


def test_billboard_photos_are_samples_with_alt_text(settings):
    demo.load_budgets(
        io.StringIO(), villages=list(Village.objects.filter(code="35.22.18.2007")), years=[2024, 2025]
    )
    demo.load_billboard_photos(io.StringIO())
    budget = Budget.objects.get(village_id="35.22.18.2007", year=2025)
    photo = budget.photos.get()
    assert photo.is_sample and photo.alt_text and photo.renditions
    assert budget.website_url.startswith("https://")
    demo.load_billboard_photos(io.StringIO())
    assert budget.photos.count() == 1
