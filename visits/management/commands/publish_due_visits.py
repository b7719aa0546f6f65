"""Publish scheduled visits whose time has come. Run it from cron, e.g. every five minutes."""

from django.core.management.base import BaseCommand

from visits import services


class Command(BaseCommand):
    help = "Publish every scheduled visit whose publish time has come (idempotent)."

    def handle(self, *args, **options):
        result = services.publish_due()
        for visit in result.published:
            self.stdout.write(f"Published: {visit.title}")
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"{len(result.published)} visit(s) published."))
