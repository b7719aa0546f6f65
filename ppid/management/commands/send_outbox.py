"""Every minute: send the outbox's due messages, retrying failed ones with backoff.

Safe on several hosts at once: each host claims its own messages (see
`ppid.outbox.sending`). A message the mail server refuses, or cannot take
because it is down, stays in the outbox with its error and is tried again later.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ppid import outbox


class Command(BaseCommand):
    help = "Send the e-mails waiting in the PPID outbox (run every minute)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="Most messages to send in this run.")
        parser.add_argument("--now", help="Run as if it were this time (ISO 8601, e.g. 2026-03-17T08:00).")

    def handle(self, *args, **options):
        now = None
        if options["now"]:
            try:
                now = datetime.datetime.fromisoformat(options["now"])
            except ValueError:
                raise CommandError("--now must look like 2026-03-17T08:00.") from None
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1.")
        run = outbox.send_due(now=now, limit=options["limit"])
        if options["verbosity"] or run.failed or run.given_up:
            self.stdout.write(
                f"Outbox: {run.sent} sent, {run.failed} failed (tried again later), "
                f"{run.given_up} failed for good."
            )
