"""Count the rows of every table, to check a restored backup against the original."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Print rows per table as JSON, or compare with a saved count (--compare FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--compare", help="A counts.json written by an earlier run.")

    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            tables = sorted(connection.introspection.table_names(cursor))
            counts = {}
            for table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
        if not options["compare"]:
            self.stdout.write(json.dumps(counts, indent=1, sort_keys=True))
            return
        with open(options["compare"], encoding="utf-8") as handle:
            expected = json.load(handle)
        differences = {
            table: (expected.get(table), counts.get(table))
            for table in sorted(set(expected) | set(counts))
            if expected.get(table) != counts.get(table)
        }
        if differences:
            lines = [f"  {table}: backup {was}, now {now}" for table, (was, now) in differences.items()]
            raise CommandError("Row counts differ after restore:\n" + "\n".join(lines))
        self.stdout.write(
            self.style.SUCCESS(f"All {len(counts)} tables have the same row counts as the backup.")
        )
