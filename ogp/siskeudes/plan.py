"""Planning a Siskeudes import: a pure function of the export, the database state and the choices made.

`plan_export` returns a `SiskeudesPlan` with one `PlannedYear` per village and
year of the export: how its village was matched, whether it may be imported
(confirmed, in the user's scope, without problems), and per version and
realisation report whether it is created, replaces a draft or is already
there unchanged, with the figures the preview shows. It reads and writes
nothing; `ogp.services.siskeudes_import` loads the state and applies a plan.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import figures
from ..imports import budget_fingerprint, fingerprint
from ..models import BudgetVersion, RealisationReport
from .budgets import SEMESTER_1, YEAR_END
from .reading import Problem
from .villages import SUGGESTED, UNMATCHED

CREATED, REPLACED, UNCHANGED = "created", "replaced", "unchanged"
READY, NEEDS_CONFIRMATION, OUT_OF_SCOPE = "ready", "needs_confirmation", "out_of_scope"
MURNI, PERUBAHAN = BudgetVersion.Kind.MURNI, BudgetVersion.Kind.PERUBAHAN
OUTCOME_LABELS = {
    CREATED: _("new, published on import"),
    REPLACED: _("replaces the draft, published on import"),
    UNCHANGED: _("already published, unchanged"),
}
AKUN_CODES = ("4", "5", "6.1", "6.2")
BIDANG_CODES = ("01", "02", "03", "04", "05")


@dataclass
class DatabaseState:
    """What the database holds for the matched villages, read once by `load_state`."""

    budgets: dict  # (village code, year) → Budget
    versions: dict  # budget id → [BudgetVersion], oldest first
    line_ids: dict  # version id → {line key: line id}, for published versions
    reports: dict  # version id → {period: [RealisationReport]}, not discarded
    scope: set | None  # village codes the user may import, None for all


@dataclass
class VersionStep:
    kind: str
    rows: list
    perdes_number: str
    perdes_date: datetime.date | None
    outcome: str
    existing: BudgetVersion | None  # the version left unchanged or the draft replaced
    published: BudgetVersion | None  # what the preview compares with

    @property
    def fingerprint(self):
        return budget_fingerprint(self.rows)

    @property
    def kind_label(self):
        return BudgetVersion.Kind(self.kind).label

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]

    @property
    def totals(self):
        return figures.tally((row.account, row.activity, row.source, row.amount) for row in self.rows)

    @property
    def line_count(self):
        return len(self.rows)

    def by_akun(self):
        return _compare(self.totals.by_account, self.published, "account", AKUN_CODES)

    def by_bidang(self):
        return _compare(self.totals.by_activity, self.published, "activity", BIDANG_CODES)


@dataclass
class ReportStep:
    period: str
    as_of: datetime.date
    realised: dict  # line key → realised amount, on the lines of the last version
    outcome: str
    existing: RealisationReport | None

    @property
    def total(self):
        return sum(self.realised.values())

    def label(self):
        return RealisationReport.Period(self.period).label

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]


@dataclass
class PlannedYear:
    match: object  # villages.Match
    year: int
    state: str = READY
    versions: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    waiting: list = field(default_factory=list)  # (period, end date) of periods not yet ended

    @property
    def importable(self):
        return self.state == READY and not self.problems

    @property
    def waiting_periods(self):
        """(period label, end date) of the realisation periods that have not ended yet."""
        return [(RealisationReport.Period(period).label, end) for period, end in self.waiting]

    @property
    def changes(self):
        return any(step.outcome != UNCHANGED for step in [*self.versions, *self.reports])


@dataclass
class SiskeudesPlan:
    items: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # of the file as a whole; they stop everything

    def importable(self):
        return [] if self.problems else [item for item in self.items if item.importable]


def _compare(new, published, part, codes):
    """(code, published amount or None, amount in the export, difference) for each code shown."""
    before = figures.Totals.from_json(published.breakdown) if published is not None else None
    rows = []
    for code in codes:
        amount = new.get(code, 0)
        if before is None:
            rows.append((code, None, amount, None))
            continue
        old = (before.by_account if part == "account" else before.by_activity).get(code, 0)
        rows.append((code, old, amount, amount - old))
    return rows


def plan_export(read, state, *, confirm=frozenset(), today=None):
    """The plan for every village-year of `read` (`siskeudes_import.SiskeudesRead`) against `state`.

    A realisation period that has not ended by `today` (default: the local
    date) gets no report; the item lists it under `waiting`.
    """
    today = today or timezone.localdate()
    plan = SiskeudesPlan(problems=list(read.export.blocking))
    for (code, year), village_year in sorted(read.years.items()):
        match = read.matches[code]
        item = PlannedYear(match, year, state=_state_of(match, state, confirm))
        plan.items.append(item)
        if item.state in (UNMATCHED, OUT_OF_SCOPE):
            continue
        item.problems.extend(village_year.problems)
        _plan_versions(item, village_year, state)
        if not item.problems:
            _plan_reports(item, village_year, state, today)
    return plan


def _state_of(match, state, confirm):
    if match.state == UNMATCHED:
        return UNMATCHED
    if state.scope is not None and match.village.code not in state.scope:
        return OUT_OF_SCOPE
    if match.state == SUGGESTED and match.source.code not in confirm:
        return NEEDS_CONFIRMATION
    return READY


def _plan_versions(item, village_year, state):
    budget = state.budgets.get((item.match.village.code, item.year))
    existing = state.versions.get(budget.pk, []) if budget else []
    published = [version for version in existing if version.is_published]
    draft = next((version for version in existing if version.is_draft), None)
    targets = [(MURNI, village_year.murni, village_year.perdes, ("No_Perdes", "Tgl_Perdes"))]
    if village_year.perubahan is not None:
        columns = ("No_Perdes_PB", "Tgl_Perdes_PB")
        targets.append((PERUBAHAN, village_year.perubahan, village_year.perdes_revision, columns))
    for kind, rows, (number, date), columns in targets:
        same_kind = [version for version in published if version.kind == kind]
        step = VersionStep(kind, rows, number, date, CREATED, None, same_kind[-1] if same_kind else None)
        step.published = step.published or (published[-1] if published else None)
        match = next((v for v in same_kind if v.fingerprint == step.fingerprint), None)
        if match is not None:
            step.outcome, step.existing = UNCHANGED, match
        elif kind == MURNI and any(version.kind == PERUBAHAN for version in published):
            message = _(
                "The published APBDes Perubahan %(year)s follows a different original; "
                "correct the original in the back office."
            ) % {"year": item.year}
            item.problems.append(Problem("Ta_RABRinci.csv", "Anggaran", 0, message))
        elif draft is not None:
            step.outcome, step.existing, draft = REPLACED, draft, None
        if step.outcome != UNCHANGED:
            _check_step(item, step, columns)
        item.versions.append(step)


def _check_step(item, step, columns):
    if not step.rows:
        message = _("The export has no amounts for this version.")
        item.problems.append(
            Problem("Ta_RABRinci.csv", columns[0].replace("No_Perdes", "Anggaran"), 0, message)
        )
    if not step.perdes_number or not step.perdes_date:
        message = _("Ta_Desa gives no Perdes number and date for %(version)s %(year)s.") % {
            "version": BudgetVersion.Kind(step.kind).label,
            "year": item.year,
        }
        item.problems.append(
            Problem("Ta_Desa.csv", columns[1] if step.perdes_number else columns[0], 0, message)
        )


def _plan_reports(item, village_year, state, today):
    if not village_year.realised:
        return
    last = item.versions[-1]
    keys = {row.key: row for row in last.rows}
    periods = [SEMESTER_1]
    if village_year.latest_realisation and village_year.latest_realisation > datetime.date(item.year, 6, 30):
        periods.append(YEAR_END)
    for period in periods:
        as_of = datetime.date(item.year, 6, 30) if period == SEMESTER_1 else datetime.date(item.year, 12, 31)
        if as_of > today:
            # A period not yet over has no report: its figures would claim a position not yet reached.
            item.waiting.append((period, as_of))
            continue
        realised, problems = allocate(village_year.realised.get(period, {}), list(keys.values()))
        item.problems.extend(problems)
        step = ReportStep(period, as_of, realised, CREATED, None)
        if last.outcome == UNCHANGED:
            _compare_report(step, last.existing, state)
        item.reports.append(step)


def _compare_report(step, version, state):
    ids = state.line_ids.get(version.pk, {})
    content = fingerprint((line_id, step.realised.get(key, 0)) for key, line_id in ids.items())
    existing = state.reports.get(version.pk, {}).get(step.period, [])
    same = next(
        (report for report in existing if report.is_published and report.fingerprint == content), None
    )
    draft = next((report for report in existing if report.status == RealisationReport.Status.DRAFT), None)
    if same is not None:
        step.outcome, step.existing = UNCHANGED, same
    elif draft is not None:
        step.outcome, step.existing = REPLACED, draft


def allocate(realised, rows):
    """{line key: amount}: each (account, kegiatan) total spread over its lines in order.

    A line takes up to its budget; what is left goes to the last line of the
    group, so the group's total is kept exactly. Realisation on an account and
    kegiatan without a budget line is a problem.
    """
    groups = {}
    for row in rows:
        groups.setdefault((row.account, row.activity), []).append(row)
    amounts, problems = {}, []
    for key, total in sorted(realised.items()):
        lines = groups.get(key)
        if total < 0:
            message = _("The realisation on %(account)s %(activity)s adds up to less than zero.") % {
                "account": key[0],
                "activity": key[1],
            }
            problems.append(Problem(_realisation_file(key), "Nilai", 0, message))
            continue
        if not lines:
            if total:
                message = _("%(amount)s realised on %(account)s %(activity)s, which has no budget line.") % {
                    "amount": total,
                    "account": key[0],
                    "activity": key[1],
                }
                problems.append(Problem(_realisation_file(key), "Kd_Rincian", 0, message))
            continue
        left = total
        for index, row in enumerate(lines):
            share = left if index == len(lines) - 1 else min(left, row.amount)
            amounts[row.key] = amounts.get(row.key, 0) + share
            left -= share
    return amounts, problems


def _realisation_file(key):
    return "Ta_TBPRinci.csv" if key[0].startswith("4") else "Ta_SPPRinci.csv"
