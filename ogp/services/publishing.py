"""Moving versions and reports along their workflow: publishing freezes them.

`change_version_status` and `change_report_status` are the app's only status
changes. The workflow kit checks the move against `models.STATUS_TRANSITIONS`
and writes the history row; the rules here are the app's own: the Perdes,
the order of versions, the version in force, the publish time and the frozen
totals. Publishing refreshes the village-year `BudgetSummary`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.workflow import InvalidTransition

from .. import balance, figures, imports
from ..models import REPORT_WORKFLOW, VERSION_WORKFLOW, BudgetVersion, Status
from .summaries import refresh_summary
from .versions import version_in_force

# The name this app used before every status machine ran on the workflow kit.
StatusChangeError = InvalidTransition


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
    if version.kind == BudgetVersion.Kind.PERUBAHAN and not version.note.strip():
        problems.append(_("Write the public note: what this APBDes Perubahan changes and why."))
    if any(other.number > version.number for other in published):
        problems.append(_("A later version is already published; start a new version instead."))
    if not line_count:
        problems.append(_("The version has no lines."))
    _refuse(problems, "not_publishable")


def _refuse(problems, code):
    """Raise one refusal listing every problem, so the admin shows them one per line."""
    if problems:
        refused = InvalidTransition([ValidationError(problem, code=code) for problem in problems])
        refused.code = code
        raise refused


def _check_balance(problems, explanation):
    """Books that do not balance are published only with a written explanation."""
    if problems and not explanation.strip():
        hint = _("To publish anyway, write the explanation of the books; the public page shows it.")
        _refuse([problem.message for problem in problems] + [hint], "unbalanced")


def _freeze_version(version, *, published, lines):
    """Check that `version` may be published and store its totals; return the fields set."""
    keys = list(lines) if lines is not None else _line_keys(version)
    _check_publishable(version, published=published, line_count=len(keys))
    items = [(key[0], key[1], key[2], key[5]) for key in keys]
    _check_balance(balance.budget_problems(items), version.balance_explanation)
    totals = figures.tally(items)
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


def change_version_status(*, version, to, by=None, note="", lines=None, summary=True):
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
    With ``summary=False`` the caller refreshes the village-year summary itself
    (`refresh_summary`, once after several moves in one transaction).
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
            version, to, actor=by, note=note, apply=rules, select_related=("budget__village",)
        )
        moved = entry.version
        if to == Status.PUBLISHED and summary:
            refresh_summary(budget=moved.budget, published_versions=[*published, moved])
    return moved


def version_balance(version):
    """The imbalances of a version's lines (`ogp.balance`), e.g. to warn about a draft just imported."""
    return balance.budget_problems((key[0], key[1], key[2], key[5]) for key in _line_keys(version))


def report_balance(report):
    """The lines of a report realised above their budget (`ogp.balance`), e.g. to warn about a draft."""
    return _over_budget(_report_lines(report))


def draft_balance_warnings(result):
    """(village, Imbalance) for every failed check of the drafts an import (`ImportResult`) left.

    The back office shows each as a warning and ``import_apbdes`` prints each,
    so the officer knows line by line what to correct or explain before
    publishing. Reads the lines of each draft (one query per draft).
    """
    warnings = []
    for outcome in result.outcomes:
        report, version = outcome.report, outcome.version
        if report is not None and report.status == Status.DRAFT:
            problems = report_balance(report)
        elif report is None and version is not None and version.is_draft:
            problems = version_balance(version)
        else:
            continue
        warnings.extend((outcome.village, problem) for problem in problems)
    return warnings


def _line_keys(version):
    """The lines of a version in the shape `imports.budget_fingerprint` hashes."""
    return [_line_key(*values) for values in version.lines.values_list(*LINE_KEY_FIELDS)]


LINE_KEY_FIELDS = ("account_id", "activity_id", "fund_source_id", "description", "location", "amount")


def _line_key(account, activity, source, description, location, amount):
    return (account, activity or "", source or "", description, location, amount)


def _freeze_report(report, lines=None):
    """Check that `report` may be published and store its realised totals; return the fields set."""
    in_force = version_in_force(report.version.budget)
    if in_force is None or in_force.pk != report.version_id:
        raise InvalidTransition(
            _("A newer version of this APBDes is in force; report on that version instead."),
            code="not_in_force",
        )
    if report.as_of > timezone.localdate():
        raise InvalidTransition(
            _("The report's figures stand at %(date)s, a day still to come; publish it from that day on.")
            % {"date": report.as_of.strftime("%d-%m-%Y")},
            code="future_position",
        )
    lines = sorted(lines) if lines is not None else _report_lines(report)
    if not lines:
        raise InvalidTransition(_("The report has no lines."), code="empty")
    _check_balance(_over_budget(lines), report.balance_explanation)
    totals = figures.tally(
        (account, activity, source, realised) for _p, _l, account, activity, source, _d, _b, realised in lines
    )
    report.revenue = totals.revenue
    report.spending = totals.spending
    report.financing_receipts = totals.financing_receipts
    report.financing_expenditure = totals.financing_expenditure
    report.fingerprint = imports.fingerprint((line[1], line[7]) for line in lines)
    report.published_at = timezone.now()
    return (
        "revenue",
        "spending",
        "financing_receipts",
        "financing_expenditure",
        "fingerprint",
        "published_at",
    )


def _over_budget(lines):
    """The lines (as `_report_lines` gives them) realised above their budget."""
    return balance.over_budget(
        (position, f"{account} {description}", budget, realised, "")
        for position, _line, account, _activity, _source, description, budget, realised in lines
    )


REPORT_LINE_FIELDS = (
    "line__position",
    "line_id",
    "line__account_id",
    "line__activity_id",
    "line__fund_source_id",
    "line__description",
    "line__amount",
    "amount",
)


def _report_lines(report):
    """(position, line id, account, kegiatan, source, description, budget, realised) of each line, in order."""
    return list(report.lines.values_list(*REPORT_LINE_FIELDS).order_by("line__position", "line_id"))


def change_report_status(*, report, to, by=None, note="", lines=None, summary=True):
    """Move a realisation report to status `to` along `REPORT_WORKFLOW` and record the move.

    Publishing checks that the report belongs to the version in force,
    stores its realised totals, stamps `published_at` and refreshes the
    village-year summary. Raises InvalidTransition for any move the table
    forbids or the report's state does not allow (``not_in_force``,
    ``empty``, ``draft_exists``). `lines` may pass the report's lines as
    `REPORT_LINE_FIELDS` give them when the caller has just written them (an
    import); ``summary=False`` leaves the summary to the caller, as for versions.
    """
    to = Status(to)

    def rules(locked):
        if to == Status.PUBLISHED:
            return _freeze_report(locked, lines)
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
        if to == Status.PUBLISHED and summary:
            refresh_summary(budget=moved.version.budget)
    return moved
