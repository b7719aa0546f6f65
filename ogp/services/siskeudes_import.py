"""Importing a Siskeudes export: read → load → plan → apply.

`read_siskeudes` opens the zip and works out, without the database's
budgets, what each village-year holds and which portal village each
Siskeudes code is (`ogp.siskeudes`). `load_siskeudes` reads the budgets,
versions and reports of the matched villages; `ogp.siskeudes.plan_export`
plans, purely; `apply_siskeudes` writes each importable village-year in its
own transaction: the confirmed village matches are remembered, each version
is created (or replaces a draft) and published, then the Semester I and
year-end realisation reports on the last version, each published from the
lines just written, and last the village-year's summary and search entry,
once. Its queries do not grow with its lines. A village-year whose
writing fails is rolled back alone and reported. Importing the same export
again plans every step as unchanged and writes nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext_lazy as _

from portal import scoping
from portal.models import Village
from portal.workflow import InvalidTransition

from .. import imports, siskeudes
from ..models import (
    REPORT_WORKFLOW,
    VERSION_WORKFLOW,
    Budget,
    BudgetLine,
    BudgetVersion,
    RealisationLine,
    RealisationReport,
    Status,
)
from ..siskeudes import preview
from ..siskeudes.plan import CREATED, REPLACED, UNCHANGED, DatabaseState
from .publishing import change_report_status, change_version_status
from .summaries import refresh_summary
from .versions import BATCH_SIZE

IMPORTED, FAILED = "imported", "failed"
SISKEUDES_REVISION_NOTE = _(
    "APBDes Perubahan set by Perdes %(perdes)s, imported from the village's Siskeudes export "
    "(amounts after revision); the lines that changed are listed below."
)


@dataclass
class SiskeudesRead:
    """An export read and matched: its tables, village-years and village matches."""

    export: object  # reading.Export
    years: dict  # (Siskeudes code, year) → VillageYear
    matches: dict  # Siskeudes code → Match


@dataclass
class YearOutcome:
    item: object  # PlannedYear
    outcome: str  # IMPORTED, UNCHANGED or FAILED
    message: str = ""


@dataclass
class SiskeudesResult:
    outcomes: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for item in self.outcomes if item.outcome == outcome)


def read_siskeudes(upload, *, chart=None):
    """Open, check and match an export; reads the chart and the village mappings only."""
    export = siskeudes.open_export(upload)
    if export.blocking:
        return SiskeudesRead(export, {}, {})
    years = siskeudes.village_years(export, chart or imports.Chart.load())
    sources = siskeudes.export_villages(export, {code for code, _year in years})
    return SiskeudesRead(export, years, siskeudes.match_villages(sources))


def load_siskeudes(read, *, user=None):
    """The budgets, versions, published line ids and reports of the matched village-years."""
    codes = {match.village.code for match in read.matches.values() if match.village is not None}
    years = {year for _code, year in read.years}
    budgets = {
        (budget.village_id, budget.year): budget
        for budget in Budget.objects.filter(village__in=codes, year__in=years)
    }
    versions = defaultdict(list)
    for version in BudgetVersion.objects.filter(budget__in=list(budgets.values())).order_by("number"):
        versions[version.budget_id].append(version)
    published = [version.pk for group in versions.values() for version in group if version.is_published]
    line_ids = defaultdict(dict)
    for line_id, version_id, *key in BudgetLine.objects.filter(version_id__in=published).values_list(
        "id", "version_id", "account_id", "activity_id", "fund_source_id", "description", "location"
    ):
        account, activity, source, description, location = key
        line_ids[version_id][(account, activity or "", source or "", description, location)] = line_id
    reports = defaultdict(lambda: defaultdict(list))
    for report in RealisationReport.objects.filter(version_id__in=published).exclude(status=Status.DISCARDED):
        reports[report.version_id][report.period].append(report)
    scope = None
    if user is not None:
        allowed = scoping.filter_queryset(Village.objects.filter(code__in=codes), user)
        scope = set(allowed.values_list("code", flat=True))
    return DatabaseState(budgets, dict(versions), dict(line_ids), reports, scope)


def preview_siskeudes(upload, *, user=None, confirm=frozenset(), chart=None, today=None):
    """(SiskeudesRead, SiskeudesPlan) of an export; writes nothing.

    A realisation period that has not ended by `today` gets no report yet.
    """
    read = read_siskeudes(upload, chart=chart)
    state = load_siskeudes(read, user=user)
    return read, siskeudes.plan_export(read, state, confirm=confirm, today=today)


def import_siskeudes(
    upload, *, user=None, confirm=frozenset(), only=None, is_sample=False, chart=None, explanations=None
):
    """Preview an export and import every importable village-year (limited to Siskeudes codes in `only`)."""
    read, plan = preview_siskeudes(upload, user=user, confirm=confirm, chart=chart)
    return plan, apply_siskeudes(plan, user=user, only=only, is_sample=is_sample, explanations=explanations)


def apply_siskeudes(plan, *, user=None, only=None, is_sample=False, explanations=None):
    """Write each importable village-year of `plan` in its own transaction; returns a SiskeudesResult.

    A version or report whose books fail a balance check is published only
    with a written explanation: `explanations` maps (Siskeudes code, year) to
    the officer's text, stored on each failing version and report of that
    village-year (the public page shows it). Without one the village-year is
    refused and reported, as publishing refuses it.
    """
    explanations = explanations or {}
    result = SiskeudesResult()
    items = [item for item in plan.importable() if only is None or item.match.source.code in only]
    if items:
        siskeudes.remember_matches({item.match.source.code: item.match for item in items}.values(), by=user)
    for item in items:
        if not item.changes:
            result.outcomes.append(YearOutcome(item, UNCHANGED))
            continue
        try:
            with transaction.atomic():
                explanation = explanations.get((item.match.source.code, item.year), "")
                _apply_year(item, user=user, is_sample=is_sample, explanation=explanation)
        except (InvalidTransition, ValidationError, DatabaseError) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            result.outcomes.append(YearOutcome(item, FAILED, " ".join(str(m) for m in messages)))
        else:
            result.outcomes.append(YearOutcome(item, IMPORTED))
    return result


def _apply_year(item, *, user, is_sample, explanation=""):
    """Write one village-year: its versions, then its reports, then its summary once."""
    village = item.match.village
    budget, _created = Budget.objects.select_for_update().get_or_create(
        village=village, year=item.year, defaults={"is_sample": is_sample}
    )
    existing = list(budget.versions.order_by("number"))
    numbers = [version.number for version in existing]
    published = [version for version in existing if version.is_published]
    in_force = published[-1] if published else None
    version = lines = None
    for step in item.versions:
        number = max(numbers, default=0) + 1
        explained = explanation if explanation and preview.version_problems(step) else ""
        version, lines = _write_version(
            budget, step, user=user, number=number, in_force=in_force, explanation=explained
        )
        numbers.append(version.number)
        if step.outcome != UNCHANGED:
            published.append(version)
        in_force = version
    if item.reports and lines is None:
        lines = _version_lines(version)
    rows = item.versions[-1].rows if item.versions else []
    for step in item.reports:
        explained = explanation if explanation and preview.report_problems(step, rows) else ""
        _write_report(version, lines, step, user=user, explanation=explained)
    # Each publication above left the summary alone: the village-year's summary and its
    # search entry are written once, from everything now published, in this transaction.
    published.sort(key=lambda version: version.number)
    refresh_summary(budget=budget, published_versions=published, index_now=True)


def _write_version(budget, step, *, user, number, in_force, explanation=""):
    """(version, {line key: (line id, position, amount)} or None) for one planned version."""
    if step.outcome == UNCHANGED:
        return step.existing, None
    if step.outcome == REPLACED:
        version = BudgetVersion.objects.get(pk=step.existing.pk)
        version.lines.all().delete()
    else:
        version = BudgetVersion(budget=budget, number=number, created_by=user, based_on=in_force)
    version.kind = step.kind
    if step.kind == BudgetVersion.Kind.PERUBAHAN and not version.note:
        # Publishing a Perubahan needs its public note; Siskeudes exports carry none, so the
        # import says where it comes from and the page lists the lines that changed.
        version.note = str(SISKEUDES_REVISION_NOTE) % {"perdes": step.perdes_number or "–"}
    version.perdes_number = step.perdes_number
    version.perdes_date = step.perdes_date
    version.balance_explanation = explanation
    version.line_count = step.line_count
    version.save()
    if step.outcome == CREATED:
        VERSION_WORKFLOW.begin(version, actor=user, is_public=False)
    created = BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                version=version,
                position=position,
                account_id=row.account,
                activity_id=row.activity or None,
                fund_source_id=row.source or None,
                description=row.description,
                location=row.location,
                amount=row.amount,
            )
            for position, row in enumerate(step.rows, start=1)
        ],
        batch_size=BATCH_SIZE,
    )
    written = [(*row.key, row.amount) for row in step.rows]
    published = change_version_status(
        version=version, to=Status.PUBLISHED, by=user, note="Siskeudes", lines=written, summary=False
    )
    if any(line.pk is None for line in created):  # a database that does not return inserted ids
        return published, None
    pairs = zip(step.rows, created, strict=True)
    return published, {row.key: (line.pk, line.position, line.amount) for row, line in pairs}


def _version_lines(version):
    """{line key: (line id, position, amount)} of a version's lines, read from the database."""
    return {
        (account, activity or "", source or "", description, location): (line_id, position, amount)
        for line_id, position, account, activity, source, description, location, amount in (
            version.lines.values_list(
                "id",
                "position",
                "account_id",
                "activity_id",
                "fund_source_id",
                "description",
                "location",
                "amount",
            )
        )
    }


def _write_report(version, lines, step, *, user, explanation=""):
    """Write one planned report on `version`, whose lines `lines` gives by key (`_version_lines`)."""
    if step.outcome == UNCHANGED:
        return
    if step.outcome == REPLACED:
        report = RealisationReport.objects.get(pk=step.existing.pk)
        report.lines.all().delete()
        report.as_of = step.as_of
        report.balance_explanation = explanation
        report.save()
    else:
        report = RealisationReport.objects.create(
            version=version,
            period=step.period,
            as_of=step.as_of,
            created_by=user,
            balance_explanation=explanation,
        )
        REPORT_WORKFLOW.begin(report, actor=user, is_public=False)
    realised = [(key, line, step.realised.get(key, 0)) for key, line in lines.items()]
    RealisationLine.objects.bulk_create(
        [RealisationLine(report=report, line_id=line[0], amount=amount) for _key, line, amount in realised],
        batch_size=BATCH_SIZE,
    )
    written = [
        (position, line_id, key[0], key[1], key[2], key[3], budget, amount)
        for key, (line_id, position, budget), amount in realised
    ]
    change_report_status(
        report=report, to=Status.PUBLISHED, by=user, note="Siskeudes", lines=written, summary=False
    )
