"""Importing a realisation report from a file: load → plan → apply.

`load_reports` reads the version in force of each village of a checked file,
its lines and the period's reports; `plan_realisation` is a pure function of
the file, that state and the import's options and returns a
`RealisationPlan`; `apply_realisation` writes a plan without errors and
publishes what it wrote when asked. `import_realisation` runs the three in
one transaction, so a file with any problem saves nothing.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.models import Village

from .. import balance, imports
from ..imports import ImportFileError, RowError
from ..models import REPORT_WORKFLOW, BudgetLine, BudgetVersion, RealisationLine, RealisationReport, Status
from .budget_import import CREATED, REPLACED, UNCHANGED
from .importing import ImportResult, VillageOutcome, parse_file, villages_for
from .publishing import change_report_status
from .versions import BATCH_SIZE

LINE_FIELDS = ("id", "version_id", "account_id", "activity_id", "fund_source_id", "description", "location")


@dataclass(frozen=True)
class RealisationOptions:
    """What the person importing chose: the year, the period, its date and whether it corrects a report."""

    year: int
    period: str
    as_of: datetime.date
    new_report: bool = False
    publish: bool = False
    explanation: str = ""  # why lines are realised above their budget, when they are


@dataclass
class RealisationState:
    """What the database holds for the villages of a file, read once by `load_reports`."""

    villages: dict  # code → Village
    in_force: dict  # village code → the published BudgetVersion in force
    line_keys: dict  # version id → line key → (line id, published amount)
    reports: dict  # version id → [RealisationReport] of the period, not discarded
    errors: list = field(default_factory=list)


@dataclass(frozen=True)
class PlannedReport:
    """What the import does for one village."""

    village: Village
    rows: list
    outcome: str  # CREATED, REPLACED or UNCHANGED
    version: BudgetVersion
    report: RealisationReport | None  # the draft replaced or the report left alone
    amounts: list  # (line id, realised amount) for every line of the version
    fingerprint: str


@dataclass
class RealisationPlan:
    """Everything `apply_realisation` would write, or the errors that stop it."""

    items: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def import_realisation(
    *,
    upload,
    year,
    period,
    as_of,
    user=None,
    village=None,
    new_report=False,
    publish=False,
    chart=None,
    village_codes=None,
    explanation="",
):
    """Import a realisation report (Semester I or year end) for the version in force of each village.

    Every row must match a line of the published version in force (same
    account, kegiatan, source, description and location; when ``anggaran`` is
    given it must equal the published amount); lines missing from the file
    count as 0. A draft report of the period is replaced; a file identical to
    a published report changes nothing; otherwise a period already reported
    takes the file only as a correcting new report (`new_report`). With
    `publish`, a line realised above its budget is refused on its row unless
    `explanation` says why. Any problem raises ImportFileError and saves nothing.
    """
    parsed = parse_file(
        upload, chart=chart, year=year, village=village, village_codes=village_codes, purpose="realisation"
    )
    options = RealisationOptions(
        year=year,
        period=period,
        as_of=as_of,
        new_report=new_report,
        publish=publish,
        explanation=explanation.strip(),
    )
    with transaction.atomic():
        state = load_reports(parsed, year=year, period=period, user=user)
        plan = plan_realisation(parsed, state, options)
        if plan.errors:
            raise ImportFileError(plan.errors)
        return apply_realisation(plan, options, user=user, publish=publish)


# --- Load --------------------------------------------------------------------


def load_reports(parsed, *, year, period, user=None):
    """The versions in force of the file's villages, their lines and the period's reports."""
    villages, errors = villages_for(parsed, user)
    in_force = {}
    for version in (
        BudgetVersion.objects.published()
        .filter(budget__village__in=list(villages), budget__year=year)
        .select_related("budget")
        .order_by("number")
    ):
        in_force[version.budget.village_id] = version
    versions = list(in_force.values())
    line_keys = defaultdict(dict)
    for line_id, version_id, *key, amount in BudgetLine.objects.filter(version__in=versions).values_list(
        *LINE_FIELDS, "amount"
    ):
        account, activity, source, description, location = key
        line_keys[version_id][(account, activity or "", source or "", description, location)] = (
            line_id,
            amount,
        )
    reports = defaultdict(list)
    for report in RealisationReport.objects.filter(version__in=versions, period=period).exclude(
        status=Status.DISCARDED
    ):
        reports[report.version_id].append(report)
    return RealisationState(villages, in_force, line_keys, reports, errors)


# --- Plan --------------------------------------------------------------------


def plan_realisation(parsed, state, options):
    """What importing `parsed` would do to `state`; reads and writes nothing."""
    plan = RealisationPlan(errors=list(state.errors))
    for code, rows in parsed.by_village.items():
        target = state.villages.get(code)
        if target is None:
            continue
        version = state.in_force.get(code)
        if version is None:
            message = _("%(village)s has no published APBDes %(year)s to report on.")
            values = {"village": target.label, "year": options.year}
            plan.errors.append(RowError(rows[0].row, "kode_desa", message % values))
            continue
        keys = state.line_keys.get(version.pk, {})
        amounts, errors = _match_lines(rows, keys, version, target)
        plan.errors.extend(errors)
        if options.publish and not options.explanation:
            plan.errors.extend(_over_budget(rows, keys))
        full = [(line_id, amounts.get(line_id, 0)) for line_id, _amount in keys.values()]
        item, error = _plan_report(target, rows, version, full, state.reports.get(version.pk, []), options)
        if error is not None:
            plan.errors.append(error)
        else:
            plan.items.append(item)
    return plan


def _match_lines(rows, keys, version, target):
    """({line id: realised amount}, errors): each row must be a line of the published version."""
    amounts, errors = {}, []
    for row in rows:
        match = keys.get(row.key)
        if match is None:
            message = _("This line is not in the published APBDes (version %(number)s) of %(village)s.")
            values = {"number": version.number, "village": target.label}
            errors.append(RowError(row.row, "kode_rekening", message % values))
            continue
        line_id, budgeted = match
        if row.amount is not None and row.amount != budgeted:
            message = _("The published budget of this line is %(published)s, not %(given)s.")
            values = {"published": _rupiah(budgeted), "given": _rupiah(row.amount)}
            errors.append(RowError(row.row, "anggaran", message % values))
            continue
        amounts[line_id] = row.realised
    return amounts, errors


def _over_budget(rows, keys):
    """Row errors for the rows realised above their published budget."""
    matched = [(row, keys[row.key][1]) for row in rows if row.key in keys]
    lines = [
        (row.row, f"{row.account} {row.description}", budget, row.realised or 0, "")
        for row, budget in matched
    ]
    return [RowError(problem.line, "realisasi", problem.message) for problem in balance.over_budget(lines)]


def _plan_report(target, rows, version, full, existing, options):
    """(PlannedReport, None) or (None, RowError) for one village's matched rows."""
    fingerprint = imports.fingerprint(full)
    draft = next((report for report in existing if report.status == Status.DRAFT), None)
    published = [report for report in existing if report.status == Status.PUBLISHED]

    def planned(outcome, report):
        return PlannedReport(target, rows, outcome, version, report, full, fingerprint), None

    if draft is not None:
        same = draft.fingerprint == fingerprint and draft.as_of == options.as_of
        return planned(UNCHANGED if same else REPLACED, draft)
    if any(report.fingerprint == fingerprint for report in published):
        return planned(UNCHANGED, published[-1])
    if published and not options.new_report:
        message = _(
            "The %(period)s report of %(village)s is already published. "
            "Import the change as a correcting new report."
        )
        values = {"period": RealisationReport.Period(options.period).label, "village": target.label}
        return None, RowError(rows[0].row, "kode_desa", message % values)
    return planned(CREATED, None)


def _rupiah(amount):
    return f"Rp{amount:,}".replace(",", ".")


# --- Apply -------------------------------------------------------------------


def apply_realisation(plan, options, *, user=None, publish=False):
    """Write a plan without errors; with `publish`, publish each draft it leaves. Returns an ImportResult."""
    result = ImportResult()
    realisation_lines, to_publish = [], []
    for item in plan.items:
        report = item.report
        if item.outcome == CREATED:
            report = RealisationReport.objects.create(
                version=item.version,
                period=options.period,
                as_of=options.as_of,
                fingerprint=item.fingerprint,
                balance_explanation=options.explanation,
                created_by=user,
            )
            REPORT_WORKFLOW.begin(report, actor=user, is_public=False)
        elif item.outcome == REPLACED:
            report.lines.all().delete()
            report.as_of = options.as_of
            report.fingerprint = item.fingerprint
            report.balance_explanation = options.explanation or report.balance_explanation
            report.save()
        if item.outcome != UNCHANGED:
            realisation_lines.extend(
                RealisationLine(report=report, line_id=line_id, amount=amount)
                for line_id, amount in item.amounts
            )
        if publish and report.status == Status.DRAFT:
            to_publish.append(report)
        result.outcomes.append(
            VillageOutcome(item.village, len(item.rows), item.outcome, version=item.version, report=report)
        )
    RealisationLine.objects.bulk_create(realisation_lines, batch_size=BATCH_SIZE)
    published = {
        report.pk: change_report_status(report=report, to=Status.PUBLISHED, by=user, note="import")
        for report in to_publish
    }
    for outcome in result.outcomes:
        outcome.report = published.get(outcome.report.pk, outcome.report)
    return result
