"""Write-side workflows of the ogp app.

Every change of a version's or a report's status goes through
`change_version_status` / `change_report_status` (`publishing`), which move
along the workflow kit's table and, on publishing, freeze the record's totals
and refresh the village-year `BudgetSummary` the regency pages read
(`summaries`). New budgets, versions and reports start in `versions`.

Imports (`import_budget`, `import_realisation`) check a whole file first
(`ogp.imports.parse`), then load what the database holds, plan every
village's change without writing anything and apply the plan in one
transaction, or nothing at all (`budget_import`, `realisation_import`). The
openness index is in `openness`, the bulk writer of sample budgets in
`samples`. This app sends no e-mail; its only side effects are the rows
written here.
"""

from django.core.exceptions import ValidationError

from portal.workflow import InvalidTransition

from .budget_import import (
    BudgetOptions,
    BudgetPlan,
    BudgetState,
    PlannedVersion,
    apply_budget,
    import_budget,
    load_budgets,
    plan_budget,
)
from .importing import ImportResult, VillageOutcome
from .openness import TWO_PLACES, recompute_score, weighted_total
from .publishing import (
    LINE_KEY_FIELDS,
    StatusChangeError,
    change_report_status,
    change_version_status,
    draft_balance_warnings,
    report_balance,
    version_balance,
)
from .realisation_import import (
    PlannedReport,
    RealisationOptions,
    RealisationPlan,
    RealisationState,
    apply_realisation,
    import_realisation,
    load_reports,
    plan_realisation,
)
from .samples import load_sample_budgets
from .summaries import refresh_summary, summary_values
from .versions import BATCH_SIZE, create_budget, start_report, start_version, version_in_force

__all__ = [
    "BATCH_SIZE",
    "LINE_KEY_FIELDS",
    "TWO_PLACES",
    "BudgetOptions",
    "BudgetPlan",
    "BudgetState",
    "ImportResult",
    "InvalidTransition",
    "PlannedReport",
    "PlannedVersion",
    "RealisationOptions",
    "RealisationPlan",
    "RealisationState",
    "StatusChangeError",
    "ValidationError",
    "VillageOutcome",
    "apply_budget",
    "apply_realisation",
    "change_report_status",
    "change_version_status",
    "version_balance",
    "draft_balance_warnings",
    "report_balance",
    "create_budget",
    "import_budget",
    "import_realisation",
    "load_budgets",
    "load_reports",
    "load_sample_budgets",
    "plan_budget",
    "plan_realisation",
    "recompute_score",
    "refresh_summary",
    "start_report",
    "start_version",
    "summary_values",
    "version_in_force",
    "weighted_total",
]
