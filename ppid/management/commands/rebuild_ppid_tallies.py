"""`manage.py rebuild_ppid_tallies [--check]`: recompute the counted figures from the records."""

from django.core.management.base import BaseCommand, CommandError

from ppid import tallies


class Command(BaseCommand):
    help = "Recompute the PPID figures (requests, answers, objections, disputes) from the records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only compare the stored figures with the records; exit 1 when they differ.",
        )

    def handle(self, *args, check=False, **options):
        if check:
            stored, fresh = tallies.stored_counts(), tallies.fresh_counts()
            wrong = sorted(str(key) for key in stored.keys() | fresh.keys() if stored[key] != fresh[key])
            if wrong:
                raise CommandError(f"{len(wrong)} counted figures differ from the records, e.g. {wrong[0]}")
            self.stdout.write(f"{len(fresh)} counted figures match the records")
            return
        written = tallies.rebuild()
        self.stdout.write(f"{written} counted figures written")
