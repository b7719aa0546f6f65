"""Public pages and open data of the ogp app.

Every view starts from a visibility gate: `BudgetSummary.objects.published()`
and `Budget.objects.published()` for budgets (only published versions and
reports are ever shown), `Assessment.objects.published()` and
`Commitment.objects.published()` for the index and the OGP plan. Query-string
values that do not parse give the default page (filters, sorting) or a 404
(a version or page that does not exist), never an error.

One module per family of pages: `regency` (the year overview), `year_data`
(a year's open data files), `village` (one village's budget), `billboard`
(its print-ready billboard), `api` (the JSON API), `openness` (the openness
index) and `commitments` (the OGP plan).
"""

from .api import (
    API_MAX_PAGE_SIZE,
    API_PAGE_SIZE,
    ApiError,
    api_index,
    api_summaries,
    api_version,
    api_versions,
)
from .billboard import village_billboard
from .commitments import CommitmentDetailView, CommitmentListView
from .openness import OpennessView
from .regency import RegencyView
from .village import VillageBudgetView, village_budget_data
from .year_data import year_lines_csv, year_lines_json, year_summary_data

__all__ = [
    "API_MAX_PAGE_SIZE",
    "API_PAGE_SIZE",
    "ApiError",
    "CommitmentDetailView",
    "CommitmentListView",
    "OpennessView",
    "RegencyView",
    "VillageBudgetView",
    "api_index",
    "api_summaries",
    "api_version",
    "api_versions",
    "village_billboard",
    "village_budget_data",
    "year_lines_csv",
    "year_lines_json",
    "year_summary_data",
]
