"""Writing the invented APBDes of `ogp.sample_budgets` in bulk for the demo and the benchmark.

Sample versions and reports are seeded along their workflow (`Workflow.seed`),
so every history path is checked against the same table as the services use.
"""

import datetime

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from portal import data_versions

from .. import figures, imports, sample_budgets
from ..models import (
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
)
from .summaries import OGP_TOPIC, summary_values


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
    writer = _SampleYear(budgets, samples)
    writer.write_versions()
    writer.write_lines()
    writer.write_reports()
    writer.write_history()
    writer.write_summaries()
    return len(budgets)


LINE_COLUMNS = [
    "id",
    "version_id",
    "position",
    "account_id",
    "activity_id",
    "fund_source_id",
    "description",
    "location",
    "amount",
    "executor",
]
# Construction is carried out by the village's activity team (TPK); the rest by the village office.
SAMPLE_TPK = "Tim Pelaksana Kegiatan (TPK)"


class _SampleYear:
    """The rows of one year's sample budgets, written table by table."""

    def __init__(self, budgets, samples):
        self.budgets = budgets
        self.samples = samples
        self.versions = {}  # (budget index, version index) → BudgetVersion
        self.line_ids = {}  # (budget index, version index) → [line id]
        self.reports = []  # (budget index, RealisationReport, line ids, realised amounts)
        self.history = {}  # id() of a version or report → its seeded, unsaved history rows

    def write_versions(self):
        """Versions, oldest first so a revision can point at the version it revises."""
        depth = max(len(sample.versions) for sample in self.samples)
        for version_index in range(depth):
            batch = []
            for budget_index, (budget, sample) in enumerate(zip(self.budgets, self.samples, strict=True)):
                if version_index < len(sample.versions):
                    batch.append(
                        self._version(budget_index, budget, version_index, sample.versions[version_index])
                    )
            BudgetVersion.objects.bulk_create(batch)

    def _version(self, budget_index, budget, version_index, item):
        published = item.published_on is not None
        totals = figures.tally((line.account, line.activity, line.source, line.amount) for line in item.lines)
        version = BudgetVersion(
            budget=budget,
            number=version_index + 1,
            kind=item.kind,
            perdes_number=item.perdes_number,
            perdes_date=item.perdes_date,
            note=item.note,
            based_on=self.versions.get((budget_index, version_index - 1)),
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
        self.history[id(version)] = VERSION_WORKFLOW.seed(version, path, history_rows=PRIVATE_START)
        self.versions[(budget_index, version_index)] = version
        return version

    def write_lines(self):
        """Lines are most of the rows: insert them as plain tuples, with their ids given up front
        so realisation lines can refer to them."""
        rows = []
        next_id = (BudgetLine.objects.aggregate(n=Max("id"))["n"] or 0) + 1
        for (budget_index, version_index), version in self.versions.items():
            item = self.samples[budget_index].versions[version_index]
            ids = []
            for position, line in enumerate(item.lines, start=1):
                rows.append(
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
                        SAMPLE_TPK if line.account.startswith("5.3") else "",
                    )
                )
                ids.append(next_id)
                next_id += 1
            self.line_ids[(budget_index, version_index)] = ids
        _insert_rows(BudgetLine, LINE_COLUMNS, rows)
        _reset_sequence(BudgetLine)

    def write_reports(self):
        for budget_index, sample in enumerate(self.samples):
            for item in sample.reports:
                self.reports.append(self._report(budget_index, sample, item))
        RealisationReport.objects.bulk_create([report for _index, report, _ids, _amounts in self.reports])
        _insert_rows(
            RealisationLine,
            ["report_id", "line_id", "amount"],
            [
                (report.pk, line_id, amount)
                for _index, report, ids, amounts in self.reports
                for line_id, amount in zip(ids, amounts, strict=True)
            ],
        )

    def _report(self, budget_index, sample, item):
        lines = sample.versions[item.version_index].lines
        ids = self.line_ids[(budget_index, item.version_index)]
        totals = figures.tally(
            (line.account, line.activity, line.source, amount)
            for line, amount in zip(lines, item.realised, strict=True)
        )
        report = RealisationReport(
            version=self.versions[(budget_index, item.version_index)],
            period=item.period,
            as_of=item.as_of,
            published_at=_aware(item.published_on),
            fingerprint=imports.fingerprint(zip(ids, item.realised, strict=True)),
            revenue=totals.revenue,
            spending=totals.spending,
            financing_receipts=totals.financing_receipts,
            financing_expenditure=totals.financing_expenditure,
        )
        path = [(Status.DRAFT, _aware(item.as_of, hour=8)), (Status.PUBLISHED, report.published_at, "sample")]
        self.history[id(report)] = REPORT_WORKFLOW.seed(report, path, history_rows=PRIVATE_START)
        return budget_index, report, ids, item.realised

    def write_history(self):
        VersionStatusChange.objects.bulk_create(
            row
            for version in self.versions.values()
            for row in VERSION_WORKFLOW.attach(version, self.history[id(version)])
        )
        ReportStatusChange.objects.bulk_create(
            row
            for _index, report, _ids, _amounts in self.reports
            for row in REPORT_WORKFLOW.attach(report, self.history[id(report)])
        )

    def write_summaries(self):
        latest_report = {}
        for budget_index, report, _ids, _amounts in self.reports:
            current = latest_report.get(budget_index)
            if current is None or (report.as_of, report.published_at) > (current.as_of, current.published_at):
                latest_report[budget_index] = report
        summaries = []
        for budget_index, budget in enumerate(self.budgets):
            published = [
                self.versions[(budget_index, index)]
                for index in range(len(self.samples[budget_index].versions))
                if self.versions[(budget_index, index)].status == Status.PUBLISHED
            ]
            if published:
                values = summary_values(
                    budget=budget, published_versions=published, report=latest_report.get(budget_index)
                )
                summaries.append(BudgetSummary(budget=budget, **values))
        BudgetSummary.objects.bulk_create(summaries)
        data_versions.changed(OGP_TOPIC)


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
