"""Back office of the ogp app.

Village PPID officers work only on their own village's budgets (scoping by
`portal.scoped_admin`): they upload files in the template or edit lines of a
draft, then publish it. Published versions and reports are shown read-only and
cannot be deleted; a correction starts a new version. Status changes go
through `ogp.services` from admin actions and the buttons on the change form.

One module per part of the back office; importing this package registers
every model:

- `reference`: sources of funds, accounts and activities;
- `budgets`: APBDes, the summaries and billboard photos;
- `budget_import`: the upload page and the template files;
- `siskeudes`: the Siskeudes import page and the village code mapping;
- `status_actions`: publish and discard, as actions and change-form buttons;
- `versions`: budget versions and realisation reports with their lines;
- `billboard`: the billboard downloads of a published version;
- `openness`: the village openness index;
- `commitments`: the OGP action plans and commitments.
"""

from .budgets import BillboardPhotoAdmin, BudgetAdmin, BudgetSummaryAdmin
from .commitments import ActionPlanAdmin, CommitmentAdmin
from .openness import AssessmentAdmin, PillarAdmin, VillageScoreAdmin
from .reference import AccountAdmin, ActivityAdmin, FundSourceAdmin, NationalRowsAdmin
from .siskeudes import SiskeudesVillageAdmin
from .status_actions import StatusActionsMixin
from .versions import BudgetVersionAdmin, RealisationReportAdmin

__all__ = [
    "AccountAdmin",
    "ActionPlanAdmin",
    "ActivityAdmin",
    "AssessmentAdmin",
    "BillboardPhotoAdmin",
    "BudgetAdmin",
    "BudgetSummaryAdmin",
    "BudgetVersionAdmin",
    "CommitmentAdmin",
    "FundSourceAdmin",
    "NationalRowsAdmin",
    "PillarAdmin",
    "RealisationReportAdmin",
    "SiskeudesVillageAdmin",
    "StatusActionsMixin",
    "VillageScoreAdmin",
]
