"""Daily: queue e-mails to officers about requests and obligations due within 2 working days and overdue ones.

Safe to run from cron on several hosts at once: each request is reminded at
most once a day (see `services.send_due_reminders`). The digests are sent by
`send_outbox`.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from ppid import services


class Command(BaseCommand):
    help = (
        "E-mail PPID officers about requests and obligations due within 2 working days "
        "and overdue ones (once a day)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must look like 2026-03-17.") from None
        run = services.send_due_reminders(today=today)
        self.stdout.write(
            f"Reminders: {run.due_soon} due soon, {run.overdue} overdue, "
            f"{run.already_sent} already reminded today, "
            f"{run.obligations} obligation(s) due soon or overdue, {run.emails} e-mail(s) queued."
        )
