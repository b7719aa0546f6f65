"""Benchmark the APBDes import and pages at the scale of a whole regency.

    python manage.py bench_apbdes

1. Makes sure the full sample exists (every village × 2018–2025), writing it
   if absent (sample data, flagged as such).
2. Writes one CSV file per village for a further year (about 50,000 lines in
   all), imports and publishes them through the same service the back office
   and `import_apbdes` use, and times it; then rolls the import back so the
   database is left as it was.
3. Times the server-side rendering of the regency page and of village pages
   with Django's test client (median of several requests) and counts their
   queries.
"""

import csv
import random
import statistics
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client

from portal.models import Village

from ... import demo, imports, sample_budgets, services
from ...models import Budget, BudgetSummary


class Rollback(Exception):
    """Raised to undo the benchmark's import."""


class Command(BaseCommand):
    help = "Time importing a year for every village and rendering the APBDes pages (sample data)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=max(demo.SAMPLE_YEARS) + 1, help="Year to import.")
        parser.add_argument("--requests", type=int, default=30, help="Requests per page for the median.")
        parser.add_argument(
            "--keep", action="store_true", help="Keep the imported year instead of rolling back."
        )

    def handle(self, *args, **options):
        villages = list(Village.objects.order_by("code"))
        self._ensure_sample(villages)
        self._bench_import(villages, options["year"], keep=options["keep"])
        self._bench_pages(options["requests"])

    def _ensure_sample(self, villages):
        wanted = len(villages) * len(demo.SAMPLE_YEARS)
        present = Budget.objects.filter(year__in=list(demo.SAMPLE_YEARS)).count()
        if present >= wanted:
            self.stdout.write(f"Sample present: {present} budgets for {len(demo.SAMPLE_YEARS)} years.")
            return
        started = time.perf_counter()
        demo.load_budgets(self.stdout, villages=villages)
        self.stdout.write(f"Sample written in {time.perf_counter() - started:.1f} s.")

    def _write_files(self, villages, year, folder):
        rng = random.Random(year)
        total = 0
        for village in villages:
            lines = sample_budgets.detailed_lines(village.code, year)
            perdes_number = f"{rng.randint(1, 4)} Tahun {year}"
            perdes_date = f"{year - 1}-12-{rng.randint(18, 31)}"
            with (folder / f"{village.code}.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(imports.COLUMN_NAMES)
                for line in lines:
                    writer.writerow(
                        [
                            village.code,
                            year,
                            line.account,
                            line.activity,
                            line.description,
                            line.location,
                            line.source,
                            line.amount,
                            "",
                            perdes_number,
                            perdes_date,
                        ]
                    )
            total += len(lines)
        return total

    def _bench_import(self, villages, year, *, keep):
        if Budget.objects.filter(year=year).exists():
            self.stdout.write(f"Year {year} already has budgets; choose another --year.")
            return
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            lines = self._write_files(villages, year, folder)
            files = sorted(folder.iterdir())
            self.stdout.write(f"Importing {lines} lines for {len(files)} villages ({year}) from CSV files…")
            started = time.perf_counter()
            try:
                with transaction.atomic():
                    chart = imports.Chart.load()
                    codes = {v.code for v in villages}
                    by_code = {v.code: v for v in villages}
                    for number, path in enumerate(files, start=1):
                        with path.open("rb") as upload:
                            services.import_budget(
                                upload=upload,
                                year=year,
                                village=by_code[path.stem],
                                publish=True,
                                chart=chart,
                                village_codes=codes,
                            )
                        if number % 50 == 0:
                            self.stdout.write(
                                f"  {number}/{len(files)} files, {time.perf_counter() - started:.1f} s"
                            )
                    elapsed = time.perf_counter() - started
                    published = BudgetSummary.objects.filter(year=year).count()
                    if not keep:
                        raise Rollback
            except Rollback:
                pass
        self.stdout.write(
            self.style.SUCCESS(
                f"Import: {lines} lines, {len(files)} villages, {published} published in {elapsed:.1f} s "
                f"({lines / elapsed:,.0f} lines/s; target < 30 s){'' if keep else ', rolled back'}."
            )
        )

    def _time(self, client, url, requests):
        client.get(url)  # warm caches and connections
        timings = []
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings), len(queries)

    def _bench_pages(self, requests):
        latest = BudgetSummary.objects.years()[0]
        client = Client()
        regency_ms, regency_queries = self._time(client, f"/apbdes/{latest}/", requests)
        sorted_ms, _ = self._time(client, f"/apbdes/{latest}/?urut=realisasi&arah=desc", requests)
        summaries = list(
            BudgetSummary.objects.filter(year=latest - 1).order_by("-published_versions", "village_id")[:3]
        )
        village_times = []
        village_queries = 0
        for summary in summaries:
            milliseconds, count = self._time(client, summary.get_absolute_url(), max(requests // 3, 5))
            village_times.append(milliseconds)
            village_queries = max(village_queries, count)
        lines = BudgetSummary.objects.filter(year=latest).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Regency page /apbdes/{latest}/ ({lines} villages): median {regency_ms:.1f} ms, "
                f"{regency_queries} queries; sorted by realisation: {sorted_ms:.1f} ms (target < 100 ms)."
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Village page /apbdes/{latest - 1}/<kode>/ (with revisions and reports): median "
                f"{statistics.median(village_times):.1f} ms, at most {village_queries} queries (target < 100 ms)."
            )
        )
