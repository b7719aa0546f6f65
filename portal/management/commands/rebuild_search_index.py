"""Rebuild the site-wide search index from every provider's public rows."""

from django.core.management.base import BaseCommand

from portal import search


class Command(BaseCommand):
    help = "Rebuild the search index (all kinds, or --kind)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=[p.kind for p in search.providers()])

    def handle(self, *args, **options):
        counts = search.rebuild(options["kind"])
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
