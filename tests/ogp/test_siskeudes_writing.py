"""How a Siskeudes village-year is written: a bounded number of queries, the summary and search once."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ogp import imports
from ogp.models import Budget, BudgetSummary, RealisationReport, Status
from ogp.models.summaries import OGP_TOPIC
from ogp.services import publishing, siskeudes_import
from ogp.services.siskeudes_import import IMPORTED, apply_siskeudes, import_siskeudes, preview_siskeudes
from ogp.siskeudes.sample import build_export, generated_village
from portal import data_versions, search
from portal.models import SearchEntry, Village

from .siskeudes_exports import sedahkidul, sumberrejo, upload

SEDAHKIDUL = "35.22.18.2007"
SUMBERREJO = "35.22.12.2006"
BOTH = frozenset({"01.2001.", "02.2006."})
# Two versions, two reports, the summary and the search entry of one village-year
# (with the savepoints of the test's own transaction and the mapping remembered).
QUERIES_PER_VILLAGE_YEAR = 90
LINE_INSERTS = ('INSERT INTO "ogp_budgetline"', 'INSERT INTO "ogp_realisationline"')


def _generated(code, kd_desa, items_per_kind):
    village = Village.objects.select_related("district").get(code=code)
    sample = generated_village(
        kd_kec=kd_desa[:2],
        kd_desa=kd_desa,
        district_name=village.district.name,
        village_name=village.name,
        year=2023,
        seed=7,
        items_per_kind=items_per_kind,
    )
    return io.BytesIO(build_export([sample], year=2023))


def _import_counting_queries(upload_file):
    _read, plan = preview_siskeudes(upload_file, confirm=BOTH)
    (item,) = plan.items
    lines = sum(step.line_count for step in item.versions)
    ContentType.objects.clear_cache()  # both imports look up the audit trail's content types
    data_versions.changed(OGP_TOPIC)  # both imports find the publication counter's row in place
    data_versions.forget()  # and read the per-process caches afresh
    with CaptureQueriesContext(connection) as queries:
        result = apply_siskeudes(plan)
    assert [outcome.outcome for outcome in result.outcomes] == [IMPORTED]
    line_inserts = sum(1 for query in queries if query["sql"].startswith(LINE_INSERTS))
    return len(queries) - line_inserts, line_inserts, lines


@pytest.mark.django_db
def test_a_village_year_is_written_in_a_number_of_queries_that_does_not_grow_with_its_lines():
    small, _small_inserts, small_lines = _import_counting_queries(_generated(SEDAHKIDUL, "01.2001.", 2))
    large, large_inserts, large_lines = _import_counting_queries(_generated(SUMBERREJO, "02.2006.", 30))
    assert large_lines > 5 * small_lines
    assert large == small
    assert large <= QUERIES_PER_VILLAGE_YEAR, large
    # The lines go in batches: one statement per table and version on PostgreSQL; SQLite
    # takes at most 999 parameters a statement, so its batches are smaller.
    if connection.vendor == "postgresql":
        assert large_inserts == 4
    else:
        assert large_inserts <= 2 * large_lines // 100 + 4


@pytest.mark.django_db
def test_the_summary_and_search_entry_are_refreshed_once_per_village_year(monkeypatch):
    refreshed, summaries = [], []
    original_refresh, original_summary = search.refresh, siskeudes_import.refresh_summary

    def counting_refresh(kind, objects):
        refreshed.append((kind, [obj.pk for obj in objects]))
        return original_refresh(kind, objects)

    def counting_summary(**kwargs):
        summaries.append(kwargs["budget"].pk)
        return original_summary(**kwargs)

    monkeypatch.setattr(search, "refresh", counting_refresh)
    monkeypatch.setattr(siskeudes_import, "refresh_summary", counting_summary)
    _plan, result = import_siskeudes(upload(), confirm=BOTH)
    assert [outcome.outcome for outcome in result.outcomes] == [IMPORTED, IMPORTED]
    budgets = sorted(Budget.objects.filter(year=2024).values_list("pk", flat=True))
    assert sorted(summaries) == budgets
    assert sorted(pk for kind, pks in refreshed if kind == "budget" for pk in pks) == budgets


@pytest.mark.django_db
def test_after_import_the_summary_holds_the_version_in_force_and_the_latest_report():
    import_siskeudes(upload(), confirm=BOTH)
    summary = BudgetSummary.objects.select_related("version", "report").get(village_id=SEDAHKIDUL, year=2024)
    assert (summary.version.number, summary.version.kind, summary.published_versions) == (2, "perubahan", 2)
    assert (summary.revenue, summary.spending) == (1_300_000_000, 1_330_000_000)
    assert (summary.financing_receipts, summary.financing_expenditure) == (50_000_000, 20_000_000)
    assert summary.revenue_by_source == {"DDS": 800_000_000, "ADD": 500_000_000}
    assert summary.spending_by_bidang == {
        "01": 80_000_000,
        "02": 1_200_000_000,
        "05": 50_000_000,
    }
    assert (summary.report.period, summary.report.version_id) == ("akhir", summary.version_id)
    assert (summary.realised_revenue, summary.realised_spending) == (1_050_000_000, 975_000_000)
    assert (summary.reported_revenue_budget, summary.reported_spending_budget) == (
        1_300_000_000,
        1_330_000_000,
    )
    assert summary.last_published_at == summary.report.published_at


@pytest.mark.django_db
def test_after_import_each_village_year_has_its_search_entry():
    import_siskeudes(upload([sedahkidul(), sumberrejo()]), confirm=BOTH)
    entries = {entry.key: entry for entry in SearchEntry.objects.filter(kind="budget")}
    budget = Budget.objects.get(village_id=SEDAHKIDUL, year=2024)
    assert set(entries) == {str(pk) for pk in Budget.objects.filter(year=2024).values_list("pk", flat=True)}
    entry = entries[str(budget.pk)]
    assert entry.title.startswith("APBDes 2024 · ")
    assert entry.url == budget.summary.get_absolute_url()
    # The version in force is indexed: the disaster item exists only in the Perubahan.
    assert "perlengkapan tanggap bencana" in entry.body
    assert "depan kantor desa" in entry.body


@pytest.mark.django_db
def test_reports_published_from_the_written_lines_match_the_lines_read_back():
    import_siskeudes(upload(), confirm=BOTH)
    reports = RealisationReport.objects.filter(status=Status.PUBLISHED)
    assert reports.count() == 2
    for report in reports:
        lines = publishing._report_lines(report)
        assert report.fingerprint == imports.fingerprint((line[1], line[7]) for line in lines)
        realised = {"4": 0, "5": 0}
        for _position, _line, account, *_rest, amount in lines:
            if account[0] in realised:
                realised[account[0]] += amount
        assert (report.revenue, report.spending) == (realised["4"], realised["5"])
