"""Figures of the information service, computed from the records and never typed in.

- `figures_by_unit_and_year()` and `figures_by_year()` (`figures`): requests,
  decisions (refusals by reason), median working days to answer, share
  answered on time, objections and disputes, for `/ppid/statistik/` and its
  CSV/JSON; `recent_year_figures()` for the home page.
- `annual_report(year)` (`annual`): everything Perki 1/2021 asks the annual
  service report to state that can be computed.
- `ikm_by_unit_and_year()` (`ikm`): the satisfaction index of PermenPANRB
  14/2017, graded A–D.

Request figures are read from the counted figures (`Tally`, kept by
`ppid.tallies`); each function runs a fixed number of queries whatever the
amount of data. Definitions: `docs/ppid.md`, "Statistics".
"""

from .annual import TIME_BANDS, AnnualReportData, annual_report
from .figures import (
    Figures,
    UnitYear,
    figures_by_unit_and_year,
    figures_by_year,
    figures_for_year,
    median_of,
    period_end,
    recent_year_figures,
    years_with_requests,
)
from .ikm import GRADES, Ikm, UnitIkm, compute_ikm, grade, ikm_by_unit_and_year, ikm_by_year

__all__ = [
    "GRADES",
    "TIME_BANDS",
    "AnnualReportData",
    "Figures",
    "Ikm",
    "UnitIkm",
    "UnitYear",
    "annual_report",
    "compute_ikm",
    "figures_by_unit_and_year",
    "figures_by_year",
    "figures_for_year",
    "median_of",
    "period_end",
    "grade",
    "ikm_by_unit_and_year",
    "ikm_by_year",
    "recent_year_figures",
    "years_with_requests",
]
