"""Top the demo data up to full scale for `make bench`.

Runs `load_demo` first (idempotent; development only), then each app's full-scale loader
(``<app>/full_scale.py``): 430 villages × 8 years of APBDes, 50,000 PPID
requests, 2,000 visits, 600 KIMs with 5,000 news posts. Every record it adds is
sample data. Rebuilds the search index at the end.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from portal import demo, search


class Command(BaseCommand):
    help = "Top the demo content up to the volume of a whole regency (sample data, for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--only", help="Run only the named full-scale loader (e.g. ppid).")

    def handle(self, *args, **options):
        started = time.perf_counter()
        call_command("load_demo", stdout=self.stdout)
        autodiscover_modules("full_scale")
        for item in demo.full_scale_loaders():
            if options["only"] and item.name != options["only"]:
                continue
            step = time.perf_counter()
            self.stdout.write(f"Full scale: {item.name}…")
            with transaction.atomic():
                item.load(self.stdout)
            self.stdout.write(f"  {item.name} in {time.perf_counter() - step:.1f} s")
        step = time.perf_counter()
        counts = search.rebuild()
        self.stdout.write(
            f"Search index: {sum(counts.values())} entries in {time.perf_counter() - step:.1f} s"
        )
        self.stdout.write(
            self.style.SUCCESS(f"Full-scale data ready in {time.perf_counter() - started:.1f} s.")
        )
