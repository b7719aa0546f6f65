"""Budgets and their versions: a new APBDes, a new draft version, a new realisation report.

Each new version or report enters its status machine as a draft
(`Workflow.begin`); the moves after that are in `ogp.services.publishing`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

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

BATCH_SIZE = 2000


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
