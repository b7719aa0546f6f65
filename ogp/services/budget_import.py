"""Importing budget lines from a file: load → plan → apply.

`load_budgets` reads what the database holds for the villages of a checked
file (their budgets, versions and what each draft holds now); `plan_budget`
is a pure function of the file, that state and the import's options and
returns a `BudgetPlan`: per village what would be created, replaced or left
unchanged, and every error; `apply_budget` writes a plan without errors, and
publishes what it wrote when asked. `import_budget` runs the three in one
transaction, so a file with any problem saves nothing.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.models import Village

from .. import balance, imports
from ..imports import ImportFileError, RowError
from ..models import VERSION_WORKFLOW, Budget, BudgetLine, BudgetVersion, Status
from .importing import ImportResult, VillageOutcome, parse_file, villages_for
from .publishing import LINE_KEY_FIELDS, _line_key, change_version_status
from .versions import BATCH_SIZE

CREATED, REPLACED, UNCHANGED = "created", "replaced", "unchanged"


@dataclass(frozen=True)
class BudgetOptions:
    """What the person importing chose: the year, the kind of version and the Perdes."""

    year: int
    kind: str = BudgetVersion.Kind.MURNI
    new_version: bool = False
    perdes_number: str = ""
    perdes_date: datetime.date | None = None
    publish: bool = False
    note: str = ""  # the public note of the version (required for a Perubahan that is published)
    explanation: str = ""  # why the books do not balance, when they do not


@dataclass
class BudgetState:
    """What the database holds for the villages of a file, read once by `load_budgets`."""

    villages: dict  # code → Village
    budgets: dict  # village code → Budget
    versions: dict  # budget id → [BudgetVersion], oldest first
    draft_fingerprints: dict  # draft version id → fingerprint of the lines it holds now
    errors: list = field(default_factory=list)  # villages unknown or out of scope


@dataclass(frozen=True)
class PlannedVersion:
    """What the import does for one village."""

    village: Village
    rows: list
    outcome: str  # CREATED, REPLACED or UNCHANGED
    version: BudgetVersion | None  # the draft replaced or the version left alone
    perdes_number: str
    perdes_date: datetime.date | None
    fingerprint: str


@dataclass
class BudgetPlan:
    """Everything `apply_budget` would write, or the errors that stop it."""

    items: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for item in self.items if item.outcome == outcome)


def import_budget(
    *,
    upload,
    year,
    user=None,
    village=None,
    kind=BudgetVersion.Kind.MURNI,
    new_version=False,
    perdes_number="",
    perdes_date=None,
    publish=False,
    chart=None,
    village_codes=None,
    note="",
    explanation="",
):
    """Import budget lines from a CSV/XLSX file for one village (`village`) or many (``kode_desa`` column).

    Per village: a draft is replaced; a file identical to the draft or to the
    version in force changes nothing; a published year takes the file only as
    a new version (`new_version`), otherwise the row is refused; a first
    import creates the budget and version 1. The Perdes comes from the
    arguments or the file. With `publish`, every new or replaced version is
    published: then books that do not balance (see `ogp.balance`) are refused
    row by row unless `explanation` says why, and a Perubahan needs its public
    `note`. Any problem anywhere raises ImportFileError and saves nothing.
    `user` (None for the command line) limits the villages to the user's scope.
    """
    parsed = parse_file(
        upload, chart=chart, year=year, village=village, village_codes=village_codes, purpose="budget"
    )
    options = BudgetOptions(
        year=year,
        kind=kind,
        new_version=new_version,
        perdes_number=perdes_number,
        perdes_date=perdes_date,
        publish=publish,
        note=note.strip(),
        explanation=explanation.strip(),
    )
    with transaction.atomic():
        state = load_budgets(parsed, year=year, user=user)
        plan = plan_budget(parsed, state, options)
        if plan.errors:
            raise ImportFileError(plan.errors)
        return apply_budget(plan, state, options, user=user, publish=publish)


# --- Load --------------------------------------------------------------------


def load_budgets(parsed, *, year, user=None):
    """The budgets, versions and draft contents of the file's villages, the budgets locked."""
    villages, errors = villages_for(parsed, user)
    budgets = {
        budget.village_id: budget
        for budget in Budget.objects.select_for_update().filter(village__in=list(villages), year=year)
    }
    versions = defaultdict(list)
    for version in BudgetVersion.objects.filter(budget__in=list(budgets.values())).order_by("number"):
        versions[version.budget_id].append(version)
    # A draft may have been edited by hand since it was imported: hash what it holds now.
    draft_lines = defaultdict(list)
    draft_ids = [version.pk for group in versions.values() for version in group if version.is_draft]
    if draft_ids:
        for version_id, *values in BudgetLine.objects.filter(version_id__in=draft_ids).values_list(
            "version_id", *LINE_KEY_FIELDS
        ):
            draft_lines[version_id].append(_line_key(*values))
    fingerprints = {version_id: imports.fingerprint(draft_lines[version_id]) for version_id in draft_ids}
    return BudgetState(villages, budgets, dict(versions), fingerprints, errors)


# --- Plan --------------------------------------------------------------------


def plan_budget(parsed, state, options):
    """What importing `parsed` would do to `state`; reads and writes nothing."""
    plan = BudgetPlan(errors=list(state.errors))
    for code, rows in parsed.by_village.items():
        target = state.villages.get(code)
        if target is None:
            continue
        item, error = _plan_village(target, rows, parsed.perdes.get(code, ("", None)), state, options)
        if error is not None:
            plan.errors.append(error)
        else:
            plan.items.append(item)
            if options.publish and item.outcome != UNCHANGED:
                plan.errors.extend(_publishing_problems(rows, options))
    return plan


def _publishing_problems(rows, options):
    """What stops these rows from being published as they are, as row errors."""
    errors = []
    if options.kind == BudgetVersion.Kind.PERUBAHAN and not options.note:
        message = _("Write the public note: what this APBDes Perubahan changes and why.")
        errors.append(RowError(rows[0].row, "uraian", message))
    if not options.explanation:
        items = [(row.account, row.activity, row.source, row.amount) for row in rows]
        for problem in balance.budget_problems(items):
            errors.append(RowError(rows[0].row, "anggaran", problem.message))
    return errors


def _plan_village(target, rows, file_perdes, state, options):
    """(PlannedVersion, None) or (None, RowError) for one village's rows."""
    number = options.perdes_number or file_perdes[0]
    date = options.perdes_date or file_perdes[1]
    fingerprint = imports.budget_fingerprint(rows)
    budget = state.budgets.get(target.code)
    existing = state.versions.get(budget.pk, []) if budget else []
    draft = next((version for version in existing if version.is_draft), None)
    published = [version for version in existing if version.is_published]
    in_force = published[-1] if published else None

    def planned(outcome, version):
        return PlannedVersion(target, rows, outcome, version, number, date, fingerprint), None

    if in_force is None and options.kind == BudgetVersion.Kind.PERUBAHAN:
        message = _("%(village)s has no published APBDes %(year)s to revise; import the original first.")
        return None, RowError(rows[0].row, "tahun", message % {"village": target.label, "year": options.year})
    if draft is not None:
        same = (
            state.draft_fingerprints.get(draft.pk) == fingerprint
            and draft.kind == options.kind
            and (not number or draft.perdes_number == number)
            and (not date or draft.perdes_date == date)
        )
        return planned(UNCHANGED if same else REPLACED, draft)
    if in_force is not None and in_force.fingerprint == fingerprint:
        return planned(UNCHANGED, in_force)
    if in_force is not None and not options.new_version:
        message = _(
            "The APBDes %(year)s of %(village)s is already published (version %(number)s). "
            "Import the change as a new version (revision or correction)."
        )
        values = {"year": options.year, "village": target.label, "number": in_force.number}
        return None, RowError(rows[0].row, "tahun", message % values)
    return planned(CREATED, None)


# --- Apply -------------------------------------------------------------------


def apply_budget(plan, state, options, *, user=None, publish=False):
    """Write a plan without errors; with `publish`, publish each draft it leaves. Returns an ImportResult."""
    budgets = _budgets_for(plan, state, options.year)
    lines, to_publish = [], []
    result = ImportResult()
    for item in plan.items:
        version = item.version
        if item.outcome == CREATED:
            version = _create_version(item, budgets[item.village.code], state, options, user=user)
        elif item.outcome == REPLACED:
            _replace_draft(version, item, options)
        if item.outcome != UNCHANGED:
            lines.extend(_line_objects(version, item.rows))
        if publish and version.is_draft:
            written = [(*row.key, row.amount) for row in item.rows] if item.outcome != UNCHANGED else None
            to_publish.append((version, written))
        result.outcomes.append(VillageOutcome(item.village, len(item.rows), item.outcome, version=version))
    BudgetLine.objects.bulk_create(lines, batch_size=BATCH_SIZE)
    published = {
        version.pk: change_version_status(
            version=version, to=Status.PUBLISHED, by=user, note="import", lines=written
        )
        for version, written in to_publish
    }
    for outcome in result.outcomes:
        outcome.version = published.get(outcome.version.pk, outcome.version)
    return result


def _budgets_for(plan, state, year):
    """The budget of every planned village, creating those the year does not have yet."""
    budgets = dict(state.budgets)
    new_budgets = [
        Budget(village=item.village, year=year) for item in plan.items if item.village.code not in budgets
    ]
    Budget.objects.bulk_create(new_budgets)
    for budget in new_budgets:
        budgets[budget.village_id] = budget
    return budgets


def _create_version(item, budget, state, options, *, user):
    existing = state.versions.get(budget.pk, [])
    in_force = next((version for version in reversed(existing) if version.is_published), None)
    version = BudgetVersion.objects.create(
        budget=budget,
        number=(existing[-1].number if existing else 0) + 1,
        kind=options.kind,
        note=options.note,
        balance_explanation=options.explanation,
        based_on=in_force,
        perdes_number=item.perdes_number,
        perdes_date=item.perdes_date,
        fingerprint=item.fingerprint,
        line_count=len(item.rows),
        created_by=user,
    )
    VERSION_WORKFLOW.begin(version, actor=user, is_public=False)
    return version


def _replace_draft(version, item, options):
    version.lines.all().delete()
    version.kind = options.kind
    version.note = options.note or version.note
    version.balance_explanation = options.explanation or version.balance_explanation
    version.perdes_number = item.perdes_number or version.perdes_number
    version.perdes_date = item.perdes_date or version.perdes_date
    version.fingerprint = item.fingerprint
    version.line_count = len(item.rows)
    version.save()


def _line_objects(version, rows):
    return [
        BudgetLine(
            version=version,
            position=position,
            account_id=row.account,
            activity_id=row.activity or None,
            fund_source_id=row.source or None,
            description=row.description,
            location=row.location,
            executor=row.executor,
            amount=row.amount,
        )
        for position, row in enumerate(rows, start=1)
    ]
