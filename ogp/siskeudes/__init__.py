"""Reading Siskeudes exports, the zip of tables villages keep their books in.

- `tables`: the tables read and their columns;
- `reading`: the zip and its CSV files, with limits and per-column problems;
- `budgets`, `realisation`: what each village-year holds, in the portal's codes;
- `villages`: matching Siskeudes village codes to portal villages;
- `plan`: what an import would do, per village-year, for the preview.

`ogp.services.siskeudes_import` loads the database state and writes a plan.
"""

from .budgets import SEMESTER_1, YEAR_END, VillageYear, village_years
from .plan import SiskeudesPlan, plan_export
from .reading import Export, Problem, open_export, parse_amount, parse_date
from .villages import CONFIRMED, SUGGESTED, UNMATCHED, export_villages, match_villages, remember_matches

__all__ = [
    "CONFIRMED",
    "SEMESTER_1",
    "SUGGESTED",
    "UNMATCHED",
    "YEAR_END",
    "Export",
    "Problem",
    "SiskeudesPlan",
    "VillageYear",
    "export_villages",
    "match_villages",
    "open_export",
    "parse_amount",
    "parse_date",
    "plan_export",
    "remember_matches",
    "village_years",
]
