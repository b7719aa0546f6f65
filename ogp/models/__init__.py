"""Models of the ogp app: reference data, budgets, the openness index and OGP commitments."""

from portal import scoping

from .budgets import (
    STATUS_TRANSITIONS,
    VERSION_WORKFLOW,
    Budget,
    BudgetLine,
    BudgetVersion,
    PublishedRecordError,
    Status,
    VersionStatusChange,
)
from .chart import Account, Activity, FundSource, line_problems
from .commitments import ActionPlan, Commitment, Completion, EarlyResult, Milestone
from .openness import (
    Assessment,
    Indicator,
    IndicatorScore,
    OpennessClass,
    Pillar,
    VillageScore,
    classify,
)
from .reports import REPORT_WORKFLOW, RealisationLine, RealisationReport, ReportStatusChange
from .siskeudes import SiskeudesVillage
from .summaries import BillboardPhoto, BudgetSummary

__all__ = [
    "REPORT_WORKFLOW",
    "STATUS_TRANSITIONS",
    "VERSION_WORKFLOW",
    "Account",
    "ActionPlan",
    "Activity",
    "Assessment",
    "BillboardPhoto",
    "Budget",
    "BudgetLine",
    "BudgetSummary",
    "BudgetVersion",
    "Commitment",
    "Completion",
    "EarlyResult",
    "FundSource",
    "Indicator",
    "IndicatorScore",
    "Milestone",
    "OpennessClass",
    "Pillar",
    "PublishedRecordError",
    "RealisationLine",
    "RealisationReport",
    "ReportStatusChange",
    "SiskeudesVillage",
    "Status",
    "VersionStatusChange",
    "VillageScore",
    "classify",
    "line_problems",
]

scoping.register(Budget, village="village")
scoping.register(BudgetVersion, village="budget__village")
scoping.register(VersionStatusChange, village="version__budget__village")
scoping.register(BudgetLine, village="version__budget__village")
scoping.register(RealisationReport, village="version__budget__village")
scoping.register(ReportStatusChange, village="report__version__budget__village")
scoping.register(RealisationLine, village="report__version__budget__village")
scoping.register(BudgetSummary, village="village")
scoping.register(SiskeudesVillage, village="village")
scoping.register(BillboardPhoto, village="budget__village")
scoping.register(VillageScore, village="village")
scoping.register(IndicatorScore, village="village_score__village")
