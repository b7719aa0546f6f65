"""The village-year summary (`BudgetSummary`) the regency pages, panels and open data read."""

import logging

from django.db import transaction

from portal import data_versions, search

from .. import figures
from ..models import BudgetSummary, RealisationReport
from ..models.summaries import OGP_TOPIC

logger = logging.getLogger(__name__)


def summary_values(*, budget, published_versions, report):
    """The field values of a BudgetSummary from the published versions (oldest first) and latest report."""
    in_force = published_versions[-1]
    totals = figures.Totals.from_json(in_force.breakdown)
    values = {
        "village_id": budget.village_id,
        "year": budget.year,
        "version": in_force,
        "published_versions": len(published_versions),
        "revenue": in_force.revenue,
        "spending": in_force.spending,
        "financing_receipts": in_force.financing_receipts,
        "financing_expenditure": in_force.financing_expenditure,
        "revenue_by_source": totals.by_source,
        "spending_by_bidang": {
            code: amount for code, amount in totals.by_activity.items() if "." not in code
        },
        "report": report,
        "realised_revenue": None,
        "realised_spending": None,
        "reported_revenue_budget": None,
        "reported_spending_budget": None,
        "revenue_rate": None,
        "spending_rate": None,
        "last_published_at": max(
            [v.published_at for v in published_versions] + ([report.published_at] if report else [])
        ),
        "is_sample": budget.is_sample,
    }
    if report is not None:
        reported = report.version
        values.update(
            realised_revenue=report.revenue,
            realised_spending=report.spending,
            reported_revenue_budget=reported.revenue,
            reported_spending_budget=reported.spending,
            revenue_rate=figures.rate(reported.revenue, report.revenue),
            spending_rate=figures.rate(reported.spending, report.spending),
        )
    return values


def refresh_summary(*, budget, published_versions=None, index_now=False):
    """Rewrite the village-year summary from the published versions and the latest published report.

    The summary is derived data, recomputed from audited versions and reports,
    so it is written with a plain UPDATE (or INSERT) rather than model saves.
    `published_versions` (oldest first) may be passed when the caller has them.
    The site search shows the version in force: its entry is refreshed once the
    transaction commits or, with `index_now` (an import writing many
    village-years, one transaction each), within it.
    """
    # Every publication passes here: the pages' cached parts move on with it.
    data_versions.changed(OGP_TOPIC)
    if not index_now:
        transaction.on_commit(lambda: _index(budget), robust=True)
    versions = published_versions or list(budget.versions.published().order_by("number"))
    if not versions:
        BudgetSummary.objects.filter(budget=budget).delete()
    else:
        report = (
            RealisationReport.objects.published()
            .filter(version__budget=budget)
            .select_related("version")
            .order_by("-as_of", "-published_at", "-pk")
            .first()
        )
        values = summary_values(budget=budget, published_versions=versions, report=report)
        if not BudgetSummary.objects.filter(budget=budget).update(**values):
            BudgetSummary.objects.bulk_create([BudgetSummary(budget=budget, **values)])
    if index_now:
        try:
            with transaction.atomic():  # a failure is rolled back alone: the index can be rebuilt
                _index(budget)
        except Exception:
            logger.exception("The search entry of budget %s was not refreshed", budget.pk)


def _index(budget):
    search.refresh("budget", [BudgetSummary(budget_id=budget.pk)])
