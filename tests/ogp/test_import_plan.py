"""The plan step of both imports is pure: it reads and writes nothing, it only says what would happen."""

import datetime

import pytest

from ogp import imports, services
from ogp.models import (
    Budget,
    BudgetLine,
    BudgetVersion,
    RealisationLine,
    RealisationReport,
    VersionStatusChange,
)

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL, csv_upload, village

pytestmark = pytest.mark.django_db


def _parsed(rows, *, purpose="budget", realised=None, year=2024):
    return imports.parse(
        csv_upload(rows, realised=realised),
        chart=imports.Chart.load(),
        year=year,
        village_code=SEDAHKIDUL,
        village_codes={SEDAHKIDUL},
        purpose=purpose,
    )


def _row_counts():
    return [
        model.objects.count()
        for model in (
            Budget,
            BudgetVersion,
            BudgetLine,
            VersionStatusChange,
            RealisationReport,
            RealisationLine,
        )
    ]


def test_planning_a_first_budget_runs_no_query_and_writes_nothing(django_assert_num_queries):
    parsed = _parsed(ORIGINAL)
    state = services.load_budgets(parsed, year=2024)
    before = _row_counts()
    with django_assert_num_queries(0):
        plan = services.plan_budget(parsed, state, services.BudgetOptions(year=2024))
    assert _row_counts() == before
    assert plan.errors == []
    assert [(item.village.code, item.outcome, len(item.rows)) for item in plan.items] == [
        (SEDAHKIDUL, "created", len(ORIGINAL))
    ]
    assert plan.items[0].fingerprint == imports.budget_fingerprint(parsed.by_village[SEDAHKIDUL])


def test_a_plan_is_only_written_by_apply():
    parsed = _parsed(ORIGINAL)
    options = services.BudgetOptions(year=2024, perdes_number="2 Tahun 2024")
    state = services.load_budgets(parsed, year=2024)
    plan = services.plan_budget(parsed, state, options)
    assert not Budget.objects.exists()
    result = services.apply_budget(plan, state, options)
    version = result.outcomes[0].version
    assert (version.number, version.perdes_number, version.line_count) == (1, "2 Tahun 2024", len(ORIGINAL))
    assert BudgetLine.objects.filter(version=version).count() == len(ORIGINAL)


def test_the_plan_refuses_a_published_year_without_writing(
    publish_budget, english, django_assert_num_queries
):
    publish_budget()
    parsed = _parsed(REVISED)
    state = services.load_budgets(parsed, year=2024)
    before = _row_counts()
    with django_assert_num_queries(0):
        plan = services.plan_budget(parsed, state, services.BudgetOptions(year=2024))
        messages = [str(error.message) for error in plan.errors]
    assert _row_counts() == before
    assert plan.items == []
    assert len(messages) == 1
    assert "already published (version 1)" in messages[0]


def test_the_same_file_again_is_planned_as_unchanged(publish_budget, django_assert_num_queries):
    published = publish_budget()
    parsed = _parsed(ORIGINAL)
    state = services.load_budgets(parsed, year=2024)
    with django_assert_num_queries(0):
        plan = services.plan_budget(parsed, state, services.BudgetOptions(year=2024))
    assert [(item.outcome, item.version.pk) for item in plan.items] == [("unchanged", published.pk)]
    assert plan.count("unchanged") == 1


def test_planning_a_realisation_report_runs_no_query_and_writes_nothing(
    publish_budget, django_assert_num_queries
):
    version = publish_budget()
    realised = [amount // 2 for *_rest, amount in ORIGINAL]
    parsed = _parsed(ORIGINAL, purpose="realisation", realised=realised)
    state = services.load_reports(parsed, year=2024, period=RealisationReport.Period.SEMESTER_1)
    options = services.RealisationOptions(
        year=2024, period=RealisationReport.Period.SEMESTER_1, as_of=datetime.date(2024, 6, 30)
    )
    before = _row_counts()
    with django_assert_num_queries(0):
        plan = services.plan_realisation(parsed, state, options)
    assert _row_counts() == before
    assert plan.errors == []
    [item] = plan.items
    assert (item.outcome, item.version.pk, item.report) == ("created", version.pk, None)
    assert sorted(amount for _line, amount in item.amounts) == sorted(realised)


def test_the_realisation_plan_names_each_row_that_is_not_a_published_line(publish_budget, english):
    publish_budget()
    rows = [*ORIGINAL[:-1], ("6.2.2.01", "", "Penyertaan modal BUMDes", "", "", 25_000_000)]
    parsed = _parsed(rows, purpose="realisation", realised=[0] * len(rows))
    state = services.load_reports(parsed, year=2024, period=RealisationReport.Period.YEAR_END)
    options = services.RealisationOptions(
        year=2024, period=RealisationReport.Period.YEAR_END, as_of=datetime.date(2024, 12, 31)
    )
    plan = services.plan_realisation(parsed, state, options)
    assert [(error.row, error.column) for error in plan.errors] == [(len(rows) + 1, "anggaran")]
    assert "Rp20.000.000, not Rp25.000.000" in str(plan.errors[0].message)
    assert not RealisationReport.objects.filter(version__budget__village=village()).exists()
