"""Write-side workflows of the ogp app.

Every change of a version's or a report's status goes through
`change_version_status` / `change_report_status`, which check the move against
`models.STATUS_TRANSITIONS`, write a history row and, on publishing, freeze the
record's totals and refresh the village-year `BudgetSummary` the regency pages
read. Nothing else assigns a status.

Imports (`import_budget`, `import_realisation`) check a whole file first
(`ogp.imports.parse`), then scope, published years and matching lines, and
save everything in one transaction or nothing at all. This app sends no
e-mail; its only side effects are the rows written here.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import scoping, search
from portal.models import Village
from portal.workflow import InvalidTransition

from . import figures, imports, sample_budgets
from .imports import ImportFileError, RowError
from .models import (
    REPORT_WORKFLOW,
    VERSION_WORKFLOW,
    Budget,
    BudgetLine,
    BudgetSummary,
    BudgetVersion,
    RealisationLine,
    RealisationReport,
    ReportStatusChange,
    Status,
    VersionStatusChange,
    VillageScore,
)

BATCH_SIZE = 2000


# The name this app used before every status machine ran on the workflow kit.
StatusChangeError = InvalidTransition


# --- Budgets and versions ----------------------------------------------------


@transaction.atomic
def create_budget(*, village, year, by=None, website_url="", is_sample=False):
    """Create the APBDes of a village-year with an empty draft of the original (version 1).

    Writes one Budget and one BudgetVersion; refuses (ValidationError) when the
    village-year already has a budget.
    """
    if Budget.objects.filter(village=village, year=year).exists():
        raise ValidationError(
            _("The APBDes %(year)s of %(village)s already exists.")
            % {"year": year, "village": village.label},
            code="exists",
        )
    budget = Budget.objects.create(village=village, year=year, website_url=website_url, is_sample=is_sample)
    version = BudgetVersion.objects.create(
        budget=budget, number=1, kind=BudgetVersion.Kind.MURNI, created_by=by
    )
    VERSION_WORKFLOW.begin(version, actor=by, is_public=False)
    return budget


def version_in_force(budget):
    """The published version with the highest number, or None."""
    return budget.versions.published().order_by("-number").first()


@transaction.atomic
def start_version(*, budget, kind, by=None, based_on=None, perdes_number="", perdes_date=None, note=""):
    """Open a new draft version of a budget, copying the lines of `based_on` (default: the version in force).

    A revision (perubahan) or a correction of a published version is always a
    new version, so nothing published is overwritten. Refuses when the budget
    already has a draft, or when a perubahan has no published version to revise.
    """
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    draft = budget.versions.drafts().first()
    if draft is not None:
        raise ValidationError(
            _("Version %(number)s is still a draft; finish or discard it first.") % {"number": draft.number},
            code="draft_exists",
        )
    in_force = version_in_force(budget)
    if kind == BudgetVersion.Kind.PERUBAHAN and in_force is None:
        raise ValidationError(
            _("An APBDes Perubahan revises a published APBDes; publish the original first."),
            code="nothing_to_revise",
        )
    source = based_on or in_force
    number = (budget.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = BudgetVersion.objects.create(
        budget=budget,
        number=number,
        kind=kind,
        based_on=source,
        perdes_number=perdes_number,
        perdes_date=perdes_date,
        note=note,
        created_by=by,
    )
    VERSION_WORKFLOW.begin(version, actor=by, is_public=False)
    if source is not None:
        BudgetLine.objects.bulk_create(
            [
                BudgetLine(
                    version=version,
                    position=line.position,
                    account_id=line.account_id,
                    activity_id=line.activity_id,
                    fund_source_id=line.fund_source_id,
                    description=line.description,
                    location=line.location,
                    amount=line.amount,
                )
                for line in source.lines.all()
            ],
            batch_size=BATCH_SIZE,
        )
    return version


@transaction.atomic
def start_report(*, version, period, as_of, by=None, note=""):
    """Open a draft realisation report on the version in force, with every line at 0 to fill in.

    Refuses when `version` is not the published version in force or when a
    draft for the same period already exists.
    """
    in_force = version_in_force(version.budget)
    if in_force is None or in_force.pk != version.pk:
        raise ValidationError(
            _("Reports are made on the published version in force of the APBDes."), code="not_in_force"
        )
    if version.reports.filter(period=period, status=Status.DRAFT).exists():
        raise ValidationError(_("A draft report for this period already exists."), code="draft_exists")
    report = RealisationReport.objects.create(
        version=version, period=period, as_of=as_of, note=note, created_by=by
    )
    REPORT_WORKFLOW.begin(report, actor=by, is_public=False)
    RealisationLine.objects.bulk_create(
        [
            RealisationLine(report=report, line_id=line_id, amount=0)
            for line_id in version.lines.values_list("id", flat=True)
        ],
        batch_size=BATCH_SIZE,
    )
    return report


def _check_publishable(version, *, published, line_count):
    problems = []
    if not version.perdes_number or not version.perdes_date:
        problems.append(_("Enter the number and date of the Perdes that set this version."))
    elif version.perdes_date.year not in (version.budget.year - 1, version.budget.year):
        problems.append(
            _("A Perdes for the APBDes %(year)s is dated in %(before)s or %(year)s.")
            % {"year": version.budget.year, "before": version.budget.year - 1}
        )
    if version.kind == BudgetVersion.Kind.PERUBAHAN and not published:
        problems.append(_("An APBDes Perubahan needs a published original first."))
    if any(other.number > version.number for other in published):
        problems.append(_("A later version is already published; start a new version instead."))
    if not line_count:
        problems.append(_("The version has no lines."))
    if problems:
        # One message per problem, so the admin lists them; the whole refusal has one code.
        refused = InvalidTransition(
            [ValidationError(problem, code="not_publishable") for problem in problems]
        )
        refused.code = "not_publishable"
        raise refused


def _freeze_version(version, *, published, lines):
    """Check that `version` may be published and store its totals; return the fields set."""
    keys = list(lines) if lines is not None else _line_keys(version)
    _check_publishable(version, published=published, line_count=len(keys))
    totals = figures.tally((key[0], key[1], key[2], key[5]) for key in keys)
    version.line_count = len(keys)
    version.revenue = totals.revenue
    version.spending = totals.spending
    version.financing_receipts = totals.financing_receipts
    version.financing_expenditure = totals.financing_expenditure
    version.breakdown = totals.as_json()
    version.fingerprint = imports.fingerprint(keys)
    version.published_at = timezone.now()
    return VERSION_FROZEN_FIELDS


VERSION_FROZEN_FIELDS = (
    "line_count",
    "revenue",
    "spending",
    "financing_receipts",
    "financing_expenditure",
    "breakdown",
    "fingerprint",
    "published_at",
)


def change_version_status(*, version, to, by=None, note="", lines=None):
    """Move a budget version to status `to` along `VERSION_WORKFLOW` and record the move.

    Publishing freezes the version: it checks the Perdes, the lines and the
    order of versions, stores the totals (revenue, spending, financing and
    the breakdown by code), stamps `published_at` and refreshes the
    village-year summary. Reopening a discarded draft is refused while another
    draft exists. Raises InvalidTransition for any move the table forbids
    (code ``invalid_transition``) or the version's state does not allow
    (``not_publishable``, ``draft_exists``). `lines` may pass the version's
    lines as (account, kegiatan, source, description, location, amount) when
    the caller has just written them (an import), so they are not read back.
    """
    to = Status(to)
    published = []

    def rules(locked):
        if to == Status.PUBLISHED:
            published.extend(locked.budget.versions.published().order_by("number"))
            return _freeze_version(locked, published=published, lines=lines)
        if to == Status.DRAFT and locked.budget.versions.drafts().exists():
            raise InvalidTransition(_("Another version is already a draft."), code="draft_exists")
        return ()

    with transaction.atomic():
        entry = VERSION_WORKFLOW.transition(
            version, to, actor=by, note=note, apply=rules, select_related=("budget",)
        )
        moved = entry.version
        if to == Status.PUBLISHED:
            refresh_summary(budget=moved.budget, published_versions=[*published, moved])
    return moved


def _line_keys(version):
    """The lines of a version in the shape `imports.budget_fingerprint` hashes."""
    return [_line_key(*values) for values in version.lines.values_list(*LINE_KEY_FIELDS)]


LINE_KEY_FIELDS = ("account_id", "activity_id", "fund_source_id", "description", "location", "amount")


def _line_key(account, activity, source, description, location, amount):
    return (account, activity or "", source or "", description, location, amount)


def _freeze_report(report):
    """Check that `report` may be published and store its realised totals; return the fields set."""
    in_force = version_in_force(report.version.budget)
    if in_force is None or in_force.pk != report.version_id:
        raise InvalidTransition(
            _("A newer version of this APBDes is in force; report on that version instead."),
            code="not_in_force",
        )
    items = list(
        report.lines.values_list("line__account_id", "line__activity_id", "line__fund_source_id", "amount")
    )
    if not items:
        raise InvalidTransition(_("The report has no lines."), code="empty")
    totals = figures.tally(items)
    report.revenue = totals.revenue
    report.spending = totals.spending
    report.financing_receipts = totals.financing_receipts
    report.financing_expenditure = totals.financing_expenditure
    report.fingerprint = imports.fingerprint(report.lines.values_list("line_id", "amount"))
    report.published_at = timezone.now()
    return (
        "revenue",
        "spending",
        "financing_receipts",
        "financing_expenditure",
        "fingerprint",
        "published_at",
    )


def change_report_status(*, report, to, by=None, note=""):
    """Move a realisation report to status `to` along `REPORT_WORKFLOW` and record the move.

    Publishing checks that the report belongs to the version in force,
    stores its realised totals, stamps `published_at` and refreshes the
    village-year summary. Raises InvalidTransition for any move the table
    forbids or the report's state does not allow (``not_in_force``,
    ``empty``, ``draft_exists``).
    """
    to = Status(to)

    def rules(locked):
        if to == Status.PUBLISHED:
            return _freeze_report(locked)
        drafts = locked.version.reports.filter(period=locked.period, status=Status.DRAFT)
        if to == Status.DRAFT and drafts.exists():
            raise InvalidTransition(
                _("Another report for this period is already a draft."), code="draft_exists"
            )
        return ()

    with transaction.atomic():
        entry = REPORT_WORKFLOW.transition(
            report, to, actor=by, note=note, apply=rules, select_related=("version__budget__village",)
        )
        moved = entry.report
        if to == Status.PUBLISHED:
            refresh_summary(budget=moved.version.budget)
    return moved


def summary_values(*, budget, published_versions, report):
    """The field values of a BudgetSummary from the published versions (oldest first) and latest report."""
    in_force = published_versions[-1]
    totals = figures.Totals.from_json(in_force.breakdown)
    values = {
        "village_id": budget.village_id,
        "year": budget.year,
        "version": in_force,
        "published_versions": len(published_versions),
        "revenue": in_force.revenue,
        "spending": in_force.spending,
        "financing_receipts": in_force.financing_receipts,
        "financing_expenditure": in_force.financing_expenditure,
        "revenue_by_source": totals.by_source,
        "spending_by_bidang": {
            code: amount for code, amount in totals.by_activity.items() if "." not in code
        },
        "report": report,
        "realised_revenue": None,
        "realised_spending": None,
        "reported_revenue_budget": None,
        "reported_spending_budget": None,
        "revenue_rate": None,
        "spending_rate": None,
        "last_published_at": max(
            [v.published_at for v in published_versions] + ([report.published_at] if report else [])
        ),
        "is_sample": budget.is_sample,
    }
    if report is not None:
        reported = report.version
        values.update(
            realised_revenue=report.revenue,
            realised_spending=report.spending,
            reported_revenue_budget=reported.revenue,
            reported_spending_budget=reported.spending,
            revenue_rate=figures.rate(reported.revenue, report.revenue),
            spending_rate=figures.rate(reported.spending, report.spending),
        )
    return values


def refresh_summary(*, budget, published_versions=None):
    """Rewrite the village-year summary from the published versions and the latest published report.

    The summary is derived data, recomputed from audited versions and reports,
    so it is written with a plain UPDATE (or INSERT) rather than model saves.
    `published_versions` (oldest first) may be passed when the caller has them.
    """
    # The site search shows the version in force: refresh its entry once this commits.
    transaction.on_commit(lambda: search.refresh("budget", [BudgetSummary(budget_id=budget.pk)]), robust=True)
    versions = published_versions or list(budget.versions.published().order_by("number"))
    if not versions:
        BudgetSummary.objects.filter(budget=budget).delete()
        return
    report = (
        RealisationReport.objects.published()
        .filter(version__budget=budget)
        .select_related("version")
        .order_by("-as_of", "-published_at", "-pk")
        .first()
    )
    values = summary_values(budget=budget, published_versions=versions, report=report)
    if not BudgetSummary.objects.filter(budget=budget).update(**values):
        BudgetSummary.objects.bulk_create([BudgetSummary(budget=budget, **values)])


# --- Imports -----------------------------------------------------------------


@dataclass
class VillageOutcome:
    village: Village
    rows: int
    outcome: str  # "created", "replaced" or "unchanged"
    version: BudgetVersion | None = None
    report: RealisationReport | None = None


@dataclass
class ImportResult:
    outcomes: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for item in self.outcomes if item.outcome == outcome)

    @property
    def lines(self):
        return sum(item.rows for item in self.outcomes if item.outcome != "unchanged")


def _villages_for(parsed, user):
    """The villages of a parsed file, checking they exist and lie in the user's scope."""
    villages = Village.objects.in_bulk(list(parsed.by_village))
    errors = []
    for code, rows in parsed.by_village.items():
        village = villages.get(code)
        if village is None:
            errors.append(
                RowError(
                    rows[0].row, "kode_desa", _("There is no village with code %(code)s.") % {"code": code}
                )
            )
        elif user is not None and not scoping.in_scope(village, user):
            errors.append(
                RowError(
                    rows[0].row,
                    "kode_desa",
                    _("%(village)s is outside the villages you may publish for.")
                    % {"village": village.label},
                )
            )
    return villages, errors


def _regency_village_codes():
    return set(Village.objects.values_list("code", flat=True))


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
):
    """Import budget lines from a CSV/XLSX file for one village (`village`) or many (``kode_desa`` column).

    Per village: a draft is replaced; a file identical to the draft or to the
    version in force changes nothing; a published year takes the file only as
    a new version (`new_version`), otherwise the row is refused; a first
    import creates the budget and version 1. The Perdes comes from the
    arguments or the file. With `publish`, every new or replaced version is
    published. Any problem anywhere raises ImportFileError and saves nothing.
    `user` (None for the command line) limits the villages to the user's scope.
    """
    chart = chart or imports.Chart.load()
    parsed = imports.parse(
        upload,
        chart=chart,
        year=year,
        village_code=village.code if village else None,
        village_codes=village_codes if village_codes is not None else _regency_village_codes(),
        purpose="budget",
    )
    with transaction.atomic():
        villages, errors = _villages_for(parsed, user)
        budgets = {
            b.village_id: b
            for b in Budget.objects.select_for_update().filter(village__in=list(villages), year=year)
        }
        versions = defaultdict(list)
        for version in BudgetVersion.objects.filter(budget__in=list(budgets.values())).order_by("number"):
            versions[version.budget_id].append(version)
        # A draft may have been edited by hand since it was imported: hash what it holds now.
        draft_lines = defaultdict(list)
        draft_ids = [v.pk for group in versions.values() for v in group if v.status == Status.DRAFT]
        if draft_ids:
            for version_id, *values in BudgetLine.objects.filter(version_id__in=draft_ids).values_list(
                "version_id", *LINE_KEY_FIELDS
            ):
                draft_lines[version_id].append(_line_key(*values))

        plan = []
        for code, rows in parsed.by_village.items():
            target = villages.get(code)
            if target is None:
                continue
            file_perdes = parsed.perdes.get(code, ("", None))
            number = perdes_number or file_perdes[0]
            date = perdes_date or file_perdes[1]
            fingerprint = imports.budget_fingerprint(rows)
            budget = budgets.get(code)
            existing = versions.get(budget.pk, []) if budget else []
            draft = next((v for v in existing if v.status == Status.DRAFT), None)
            published = [v for v in existing if v.status == Status.PUBLISHED]
            in_force = published[-1] if published else None
            if in_force is None and kind == BudgetVersion.Kind.PERUBAHAN:
                errors.append(
                    RowError(
                        rows[0].row,
                        "tahun",
                        _(
                            "%(village)s has no published APBDes %(year)s to revise; import the original first."
                        )
                        % {"village": target.label, "year": year},
                    )
                )
            elif draft is not None:
                same = (
                    imports.fingerprint(draft_lines[draft.pk]) == fingerprint
                    and draft.kind == kind
                    and (not number or draft.perdes_number == number)
                    and (not date or draft.perdes_date == date)
                )
                plan.append(
                    (target, rows, "unchanged" if same else "replaced", draft, number, date, fingerprint)
                )
            elif in_force is not None and in_force.fingerprint == fingerprint:
                plan.append((target, rows, "unchanged", in_force, number, date, fingerprint))
            elif in_force is not None and not new_version:
                errors.append(
                    RowError(
                        rows[0].row,
                        "tahun",
                        _(
                            "The APBDes %(year)s of %(village)s is already published (version %(number)s). "
                            "Import the change as a new version (revision or correction)."
                        )
                        % {"year": year, "village": target.label, "number": in_force.number},
                    )
                )
            else:
                plan.append((target, rows, "created", None, number, date, fingerprint))
        if errors:
            raise ImportFileError(errors)

        new_budgets = [
            Budget(village=target, year=year) for target, *_rest in plan if target.code not in budgets
        ]
        Budget.objects.bulk_create(new_budgets)
        for budget in new_budgets:
            budgets[budget.village_id] = budget
        lines = []
        result = ImportResult()
        to_publish = []
        for target, rows, outcome, version, number, date, fingerprint in plan:
            budget = budgets[target.code]
            if outcome == "created":
                existing = versions.get(budget.pk, [])
                in_force = next((v for v in reversed(existing) if v.status == Status.PUBLISHED), None)
                version = BudgetVersion.objects.create(
                    budget=budget,
                    number=(existing[-1].number if existing else 0) + 1,
                    kind=kind,
                    based_on=in_force,
                    perdes_number=number,
                    perdes_date=date,
                    fingerprint=fingerprint,
                    line_count=len(rows),
                    created_by=user,
                )
                VERSION_WORKFLOW.begin(version, actor=user, is_public=False)
            elif outcome == "replaced":
                version.lines.all().delete()
                version.kind = kind
                version.perdes_number = number or version.perdes_number
                version.perdes_date = date or version.perdes_date
                version.fingerprint = fingerprint
                version.line_count = len(rows)
                version.save()
            if outcome != "unchanged":
                lines.extend(_line_objects(version, rows))
            if publish and version.status == Status.DRAFT:
                written = [(*row.key, row.amount) for row in rows] if outcome != "unchanged" else None
                to_publish.append((version, written))
            result.outcomes.append(VillageOutcome(target, len(rows), outcome, version=version))
        BudgetLine.objects.bulk_create(lines, batch_size=BATCH_SIZE)
        published = {}
        for version, written in to_publish:
            published[version.pk] = change_version_status(
                version=version, to=Status.PUBLISHED, by=user, note="import", lines=written
            )
        for outcome in result.outcomes:
            outcome.version = published.get(outcome.version.pk, outcome.version)
    return result


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
            amount=row.amount,
        )
        for position, row in enumerate(rows, start=1)
    ]


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
):
    """Import a realisation report (Semester I or year end) for the version in force of each village.

    Every row must match a line of the published version in force (same
    account, kegiatan, source, description and location; when ``anggaran`` is
    given it must equal the published amount); lines missing from the file
    count as 0. A draft report of the period is replaced; a file identical to
    a published report changes nothing; otherwise a period already reported
    takes the file only as a correcting new report (`new_report`). Any problem
    raises ImportFileError and saves nothing.
    """
    chart = chart or imports.Chart.load()
    parsed = imports.parse(
        upload,
        chart=chart,
        year=year,
        village_code=village.code if village else None,
        village_codes=village_codes if village_codes is not None else _regency_village_codes(),
        purpose="realisation",
    )
    with transaction.atomic():
        villages, errors = _villages_for(parsed, user)
        in_force = {}
        for version in (
            BudgetVersion.objects.published()
            .filter(budget__village__in=list(villages), budget__year=year)
            .select_related("budget")
            .order_by("number")
        ):
            in_force[version.budget.village_id] = version
        line_keys = defaultdict(dict)
        for (
            line_id,
            version_id,
            account,
            activity,
            source,
            description,
            location,
            amount,
        ) in BudgetLine.objects.filter(version__in=list(in_force.values())).values_list(
            "id",
            "version_id",
            "account_id",
            "activity_id",
            "fund_source_id",
            "description",
            "location",
            "amount",
        ):
            line_keys[version_id][(account, activity or "", source or "", description, location)] = (
                line_id,
                amount,
            )
        reports = defaultdict(list)
        for report in RealisationReport.objects.filter(
            version__in=list(in_force.values()), period=period
        ).exclude(status=Status.DISCARDED):
            reports[report.version_id].append(report)

        plan = []
        for code, rows in parsed.by_village.items():
            target = villages.get(code)
            if target is None:
                continue
            version = in_force.get(code)
            if version is None:
                errors.append(
                    RowError(
                        rows[0].row,
                        "kode_desa",
                        _("%(village)s has no published APBDes %(year)s to report on.")
                        % {"village": target.label, "year": year},
                    )
                )
                continue
            keys = line_keys[version.pk]
            amounts = {}
            for row in rows:
                match = keys.get(row.key)
                if match is None:
                    errors.append(
                        RowError(
                            row.row,
                            "kode_rekening",
                            _("This line is not in the published APBDes (version %(number)s) of %(village)s.")
                            % {"number": version.number, "village": target.label},
                        )
                    )
                    continue
                line_id, budgeted = match
                if row.amount is not None and row.amount != budgeted:
                    errors.append(
                        RowError(
                            row.row,
                            "anggaran",
                            _("The published budget of this line is %(published)s, not %(given)s.")
                            % {"published": _rupiah(budgeted), "given": _rupiah(row.amount)},
                        )
                    )
                    continue
                amounts[line_id] = row.realised
            full = [(line_id, amounts.get(line_id, 0)) for line_id, _amount in keys.values()]
            fingerprint = imports.fingerprint(full)
            existing = reports.get(version.pk, [])
            draft = next((r for r in existing if r.status == Status.DRAFT), None)
            published = [r for r in existing if r.status == Status.PUBLISHED]
            if draft is not None:
                outcome = (
                    "unchanged" if draft.fingerprint == fingerprint and draft.as_of == as_of else "replaced"
                )
                plan.append((target, rows, outcome, version, draft, full, fingerprint))
            elif any(r.fingerprint == fingerprint for r in published):
                plan.append((target, rows, "unchanged", version, published[-1], full, fingerprint))
            elif published and not new_report:
                errors.append(
                    RowError(
                        rows[0].row,
                        "kode_desa",
                        _(
                            "The %(period)s report of %(village)s is already published. "
                            "Import the change as a correcting new report."
                        )
                        % {"period": RealisationReport.Period(period).label, "village": target.label},
                    )
                )
            else:
                plan.append((target, rows, "created", version, None, full, fingerprint))
        if errors:
            raise ImportFileError(errors)

        result = ImportResult()
        realisation_lines = []
        to_publish = []
        for target, rows, outcome, version, report, full, fingerprint in plan:
            if outcome == "created":
                report = RealisationReport.objects.create(
                    version=version, period=period, as_of=as_of, fingerprint=fingerprint, created_by=user
                )
                REPORT_WORKFLOW.begin(report, actor=user, is_public=False)
            elif outcome == "replaced":
                report.lines.all().delete()
                report.as_of = as_of
                report.fingerprint = fingerprint
                report.save()
            if outcome != "unchanged":
                realisation_lines.extend(
                    RealisationLine(report=report, line_id=line_id, amount=amount) for line_id, amount in full
                )
            if publish and report.status == Status.DRAFT:
                to_publish.append(report)
            result.outcomes.append(VillageOutcome(target, len(rows), outcome, version=version, report=report))
        RealisationLine.objects.bulk_create(realisation_lines, batch_size=BATCH_SIZE)
        published = {
            report.pk: change_report_status(report=report, to=Status.PUBLISHED, by=user, note="import")
            for report in to_publish
        }
        for outcome in result.outcomes:
            outcome.report = published.get(outcome.report.pk, outcome.report)
    return result


def _rupiah(amount):
    return f"Rp{amount:,}".replace(",", ".")


# --- Openness index ----------------------------------------------------------

TWO_PLACES = Decimal("0.01")


def weighted_total(pillars, scores):
    """The total (0–100) from indicator scores, or None when no indicator is scored.

    `pillars` is a list of (pillar weight, [(indicator id, weight, max score)]);
    `scores` maps indicator id → score. Each pillar's score is the weighted
    mean of its indicators as a share of their maximum; the total is the
    weighted mean of the pillars that have a score.
    """
    weighted_sum = Decimal(0)
    weight_sum = Decimal(0)
    for pillar_weight, indicators in pillars:
        part_sum = Decimal(0)
        part_weight = Decimal(0)
        for indicator_id, weight, max_score in indicators:
            if indicator_id in scores and weight > 0:
                part_sum += Decimal(scores[indicator_id]) / Decimal(max_score) * 100 * weight
                part_weight += weight
        if part_weight and pillar_weight > 0:
            weighted_sum += part_sum / part_weight * pillar_weight
            weight_sum += pillar_weight
    if not weight_sum:
        return None
    return (weighted_sum / weight_sum).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@transaction.atomic
def recompute_score(*, village_score):
    """Recompute a village's total from its indicator scores (if it has any) and save it.

    Returns the new total, or None (and leaves the stored total alone) when no
    indicator is scored, e.g. for a published result without breakdown.
    """
    village_score = VillageScore.objects.select_for_update().get(pk=village_score.pk)
    assessment = village_score.assessment
    pillars = [
        (pillar.weight, [(i.pk, i.weight, i.max_score) for i in pillar.indicators.all()])
        for pillar in assessment.pillars.prefetch_related("indicators")
    ]
    scores = dict(village_score.indicator_scores.values_list("indicator_id", "score"))
    total = weighted_total(pillars, scores)
    if total is not None and total != village_score.total:
        village_score.total = total
        village_score.save(update_fields=["total"])
    return total


# --- Sample data -------------------------------------------------------------


def _aware(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_sample_budgets(*, villages, years, latest_year, progress=None):
    """Write the invented APBDes of `sample_budgets` for villages × years that have no budget yet.

    Sample budgets are written in bulk, year by year, one transaction per year,
    already in their final state: published versions with their frozen totals
    and history rows, published realisation reports and the village-year
    summaries, computed with the same functions publishing uses. Existing
    budgets are left alone, so running it twice changes nothing. Returns the
    number of budgets written.
    """
    existing = set(
        Budget.objects.filter(village__in=villages, year__in=years).values_list("village_id", "year")
    )
    written = 0
    for year in years:
        todo = [village for village in villages if (village.code, year) not in existing]
        if not todo:
            continue
        with transaction.atomic():
            written += _write_sample_year(todo, year, latest_year)
        if progress:
            progress(year, len(todo))
    return written


# The first history row of a seeded record (created as a draft) is not public.
PRIVATE_START = {0: {"is_public": False}}


def _write_sample_year(villages, year, latest_year):
    samples = [sample_budgets.budget(village.code, year, latest_year=latest_year) for village in villages]
    budgets = Budget.objects.bulk_create(
        [Budget(village=village, year=year, is_sample=True) for village in villages]
    )
    # Versions, oldest first so a revision can point at the version it revises.
    version_objects = {}  # (budget index, version index) → BudgetVersion
    history = {}  # id() of a version or report → its seeded, unsaved history rows
    depth = max(len(sample.versions) for sample in samples)
    for version_index in range(depth):
        batch = []
        for budget_index, (budget, sample) in enumerate(zip(budgets, samples, strict=True)):
            if version_index >= len(sample.versions):
                continue
            item = sample.versions[version_index]
            published = item.published_on is not None
            totals = figures.tally(
                (line.account, line.activity, line.source, line.amount) for line in item.lines
            )
            version = BudgetVersion(
                budget=budget,
                number=version_index + 1,
                kind=item.kind,
                perdes_number=item.perdes_number,
                perdes_date=item.perdes_date,
                note=item.note,
                based_on=version_objects.get((budget_index, version_index - 1)),
                published_at=_aware(item.published_on) if published else None,
                fingerprint=imports.fingerprint((*line.key, line.amount) for line in item.lines),
                line_count=len(item.lines),
                revenue=totals.revenue if published else 0,
                spending=totals.spending if published else 0,
                financing_receipts=totals.financing_receipts if published else 0,
                financing_expenditure=totals.financing_expenditure if published else 0,
                breakdown=totals.as_json() if published else {},
            )
            path = [(Status.DRAFT, _aware(item.perdes_date, hour=8))]
            if published:
                path.append((Status.PUBLISHED, version.published_at, "sample"))
            history[id(version)] = VERSION_WORKFLOW.seed(version, path, history_rows=PRIVATE_START)
            version_objects[(budget_index, version_index)] = version
            batch.append(version)
        BudgetVersion.objects.bulk_create(batch)

    # Lines and realisation lines are most of the rows: insert them as plain
    # tuples, giving the lines their ids up front so realisations can refer to them.
    line_ids = {}
    line_rows = []
    next_id = (BudgetLine.objects.aggregate(n=Max("id"))["n"] or 0) + 1
    for (budget_index, version_index), version in version_objects.items():
        item = samples[budget_index].versions[version_index]
        ids = []
        for position, line in enumerate(item.lines, start=1):
            line_rows.append(
                (
                    next_id,
                    version.pk,
                    position,
                    line.account,
                    line.activity or None,
                    line.source or None,
                    line.description,
                    line.location,
                    line.amount,
                )
            )
            ids.append(next_id)
            next_id += 1
        line_ids[(budget_index, version_index)] = ids
    _insert_rows(
        BudgetLine,
        [
            "id",
            "version_id",
            "position",
            "account_id",
            "activity_id",
            "fund_source_id",
            "description",
            "location",
            "amount",
        ],
        line_rows,
    )
    _reset_sequence(BudgetLine)

    reports = []
    for budget_index, sample in enumerate(samples):
        for item in sample.reports:
            version = version_objects[(budget_index, item.version_index)]
            lines = sample.versions[item.version_index].lines
            ids = line_ids[(budget_index, item.version_index)]
            totals = figures.tally(
                (line.account, line.activity, line.source, amount)
                for line, amount in zip(lines, item.realised, strict=True)
            )
            report = RealisationReport(
                version=version,
                period=item.period,
                as_of=item.as_of,
                published_at=_aware(item.published_on),
                fingerprint=imports.fingerprint(zip(ids, item.realised, strict=True)),
                revenue=totals.revenue,
                spending=totals.spending,
                financing_receipts=totals.financing_receipts,
                financing_expenditure=totals.financing_expenditure,
            )
            report_history = REPORT_WORKFLOW.seed(
                report,
                [
                    (Status.DRAFT, _aware(item.as_of, hour=8)),
                    (Status.PUBLISHED, report.published_at, "sample"),
                ],
                history_rows=PRIVATE_START,
            )
            reports.append((budget_index, report, ids, item.realised))
            history[id(report)] = report_history
    RealisationReport.objects.bulk_create([report for _index, report, _ids, _amounts in reports])
    _insert_rows(
        RealisationLine,
        ["report_id", "line_id", "amount"],
        [
            (report.pk, line_id, amount)
            for _index, report, ids, amounts in reports
            for line_id, amount in zip(ids, amounts, strict=True)
        ],
    )

    VersionStatusChange.objects.bulk_create(
        row
        for version in version_objects.values()
        for row in VERSION_WORKFLOW.attach(version, history[id(version)])
    )
    ReportStatusChange.objects.bulk_create(
        row
        for _index, report, _ids, _amounts in reports
        for row in REPORT_WORKFLOW.attach(report, history[id(report)])
    )

    latest_report = {}
    for budget_index, report, _ids, _amounts in reports:
        current = latest_report.get(budget_index)
        if current is None or (report.as_of, report.published_at) > (current.as_of, current.published_at):
            latest_report[budget_index] = report
    summaries = []
    for budget_index, budget in enumerate(budgets):
        published = [
            version_objects[(budget_index, index)]
            for index in range(len(samples[budget_index].versions))
            if version_objects[(budget_index, index)].status == Status.PUBLISHED
        ]
        if published:
            values = summary_values(
                budget=budget, published_versions=published, report=latest_report.get(budget_index)
            )
            summaries.append(BudgetSummary(budget=budget, **values))
    BudgetSummary.objects.bulk_create(summaries)
    return len(budgets)


def _insert_rows(model, columns, rows):
    """Insert many rows of plain values into a model's table: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(columns))
        for start in range(0, len(rows), 5000):
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows[start : start + 5000]
            )


def _reset_sequence(model):
    """After inserting explicit ids, move the id sequence past them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [model])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
