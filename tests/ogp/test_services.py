"""Versions, reports and their status machine; published records never change."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ogp import services
from ogp.models import (
    Budget,
    BudgetLine,
    BudgetSummary,
    BudgetVersion,
    PublishedRecordError,
    RealisationReport,
    Status,
    VersionStatusChange,
)

from .conftest import ORIGINAL, ORIGINAL_TOTALS, REVISED, SEDAHKIDUL, csv_upload, village

pytestmark = pytest.mark.django_db


def draft_version():
    """A version with lines and a Perdes, still a draft. Every move of the table is walked in test_workflows."""
    budget = services.create_budget(village=village(), year=2024)
    version = budget.versions.get()
    services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    version.refresh_from_db()
    version.perdes_number = "2 Tahun 2024"
    version.perdes_date = datetime.date(2024, 1, 10)
    version.save()
    return version


def test_a_draft_with_its_perdes_and_lines_publishes():
    version = services.change_version_status(version=draft_version(), to=Status.PUBLISHED)
    assert version.status == Status.PUBLISHED
    assert VersionStatusChange.objects.filter(
        version=version, from_status=Status.DRAFT, to_status=Status.PUBLISHED
    ).exists()


def test_publishing_freezes_the_totals_and_fills_the_summary(publish_budget):
    version = publish_budget()
    assert version.status == Status.PUBLISHED
    assert version.published_at is not None
    assert version.revenue == ORIGINAL_TOTALS["revenue"]
    assert version.spending == ORIGINAL_TOTALS["spending"]
    assert version.silpa == ORIGINAL_TOTALS["silpa"]
    summary = BudgetSummary.objects.get(village_id=SEDAHKIDUL, year=2024)
    assert summary.version == version
    assert summary.revenue_by_source == {"DDS": 800_000_000, "ADD": 400_000_000, "PAD": 50_000_000}
    # Bidang 01: 36.000.000 + 4.000.000; bidang 02: 900.000.000 + 2.000.000 (the billboard, 02.06.02).
    assert summary.spending_by_bidang == {"01": 40_000_000, "02": 902_000_000}
    assert summary.silpa == 318_000_000
    assert summary.spending_rate is None


def test_published_version_cannot_be_saved_or_deleted(publish_budget):
    version = publish_budget()
    version.perdes_number = "99 Tahun 2024"
    with pytest.raises(PublishedRecordError, match="is published and cannot change"):
        version.save()
    with pytest.raises(PublishedRecordError, match="is published and is kept"):
        BudgetVersion.objects.get(pk=version.pk).delete()
    assert BudgetVersion.objects.get(pk=version.pk).perdes_number == "2 Tahun 2024"


def test_lines_of_a_published_version_cannot_change(publish_budget):
    version = publish_budget()
    line = BudgetLine.objects.filter(version=version).select_related("version").first()
    line.amount = 1
    with pytest.raises(PublishedRecordError, match="only change while their version is a draft"):
        line.save()
    with pytest.raises(PublishedRecordError, match="Lines of a published version are kept"):
        line.delete()
    assert BudgetLine.objects.get(pk=line.pk).amount != 1


def test_a_revision_is_a_new_version_and_the_original_stays(publish_budget):
    original = publish_budget()
    revised = publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    assert revised.number == 2
    assert revised.based_on == original
    original.refresh_from_db()
    assert original.status == Status.PUBLISHED
    assert original.spending == 942_000_000
    assert revised.spending == 1_192_000_000
    assert BudgetLine.objects.filter(version=original).count() == len(ORIGINAL)
    summary = BudgetSummary.objects.get(village_id=SEDAHKIDUL, year=2024)
    assert summary.version == revised
    assert summary.published_versions == 2


def test_start_version_copies_the_lines_of_the_version_in_force(publish_budget):
    original = publish_budget()
    draft = services.start_version(budget=original.budget, kind=BudgetVersion.Kind.PERUBAHAN)
    assert draft.number == 2
    assert draft.status == Status.DRAFT
    assert sorted(draft.lines.values_list("account_id", "amount")) == sorted(
        original.lines.values_list("account_id", "amount")
    )


def test_only_one_draft_at_a_time(publish_budget, english):
    original = publish_budget()
    services.start_version(budget=original.budget, kind=BudgetVersion.Kind.PERUBAHAN)
    with pytest.raises(ValidationError, match="finish or discard it first") as refused:
        services.start_version(budget=original.budget, kind=BudgetVersion.Kind.PERUBAHAN)
    assert refused.value.code == "draft_exists"


def test_a_revision_needs_a_published_original(english):
    budget = services.create_budget(village=village(), year=2024)
    services.change_version_status(version=budget.versions.get(), to=Status.DISCARDED)
    with pytest.raises(ValidationError, match="publish the original first") as refused:
        services.start_version(budget=budget, kind=BudgetVersion.Kind.PERUBAHAN)
    assert refused.value.code == "nothing_to_revise"


def test_publishing_needs_the_perdes_and_lines(english):
    budget = services.create_budget(village=village(), year=2024)
    version = budget.versions.get()
    with pytest.raises(services.StatusChangeError, match="Perdes.*no lines") as refused:
        services.change_version_status(version=version, to=Status.PUBLISHED)
    assert refused.value.code == "not_publishable"
    assert len(refused.value.messages) == 2  # no Perdes, no lines
    assert BudgetVersion.objects.get(pk=version.pk).status == Status.DRAFT


def test_perdes_must_be_dated_in_the_budget_year_or_the_year_before(english):
    services.import_budget(
        upload=csv_upload(ORIGINAL),
        year=2024,
        village=village(),
        perdes_number="1 Tahun 2021",
        perdes_date=datetime.date(2021, 5, 1),
    )
    version = BudgetVersion.objects.get(budget__year=2024)
    with pytest.raises(services.StatusChangeError, match="is dated in 2023 or 2024") as refused:
        services.change_version_status(version=version, to=Status.PUBLISHED)
    assert refused.value.code == "not_publishable"


def test_an_older_draft_cannot_be_published_after_a_newer_version(publish_budget, english):
    original = publish_budget()
    older = services.start_version(budget=original.budget, kind=BudgetVersion.Kind.PERUBAHAN)
    services.change_version_status(version=older, to=Status.DISCARDED)
    newer = publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    assert newer.number == 3
    reopened = services.change_version_status(version=older, to=Status.DRAFT)
    reopened.perdes_number = "5 Tahun 2024"
    reopened.perdes_date = datetime.date(2024, 9, 1)
    reopened.save()
    with pytest.raises(services.StatusChangeError, match="later version is already published") as refused:
        services.change_version_status(version=reopened, to=Status.PUBLISHED)
    assert refused.value.code == "not_publishable"


def test_reports_are_made_on_the_version_in_force_only(publish_budget, english):
    original = publish_budget()
    publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    with pytest.raises(ValidationError, match="published version in force") as refused:
        services.start_report(
            version=original, period=RealisationReport.Period.YEAR_END, as_of=datetime.date(2024, 12, 31)
        )
    assert refused.value.code == "not_in_force"


def test_a_published_report_stays_with_its_version_after_a_revision(publish_budget, publish_report):
    publish_budget()
    realised = [
        400_000_000,
        200_000_000,
        25_000_000,
        18_000_000,
        2_000_000,
        300_000_000,
        2_000_000,
        30_000_000,
        0,
    ]
    report = publish_report(ORIGINAL, realised)
    revised = publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    report.refresh_from_db()
    assert report.version.number == 1
    assert report.spending == 18_000_000 + 2_000_000 + 300_000_000 + 2_000_000
    summary = BudgetSummary.objects.get(village_id=SEDAHKIDUL, year=2024)
    assert summary.version == revised
    assert summary.report == report
    # The rate is measured against the version the report is on: 322.000.000 / 942.000.000.
    assert str(summary.spending_rate) == "34.18"


def test_deleting_a_budget_with_published_versions_is_refused(publish_budget):
    from django.db.models import ProtectedError

    version = publish_budget()
    with pytest.raises(ProtectedError, match="protected foreign keys"):
        Budget.objects.get(pk=version.budget_id).delete()
    assert BudgetVersion.objects.filter(pk=version.pk).exists()
