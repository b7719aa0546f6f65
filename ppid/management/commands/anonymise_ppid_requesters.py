"""Remove requesters' personal data once the retention period after a request closed has passed.

The period is ``settings.PPID_RETENTION_YEARS`` (or --years). Requests with an
objection awaiting an answer or a dispute not yet decided are kept. With
--dry-run nothing changes and the command lists what it would clear. Every
change is logged (logger ``ppid.services``) and written to the request's history.
"""

from django.core.management.base import BaseCommand

from ppid import services


class Command(BaseCommand):
    help = "Anonymise requester data of requests closed longer ago than PPID_RETENTION_YEARS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would change.")
        parser.add_argument("--years", type=int, help="Override PPID_RETENTION_YEARS.")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        candidates = list(services.due_for_anonymisation(years=options["years"]))
        changed = 0
        for info_request in candidates:
            if dry_run:
                fields = services.personal_fields_present(info_request)
                self.stdout.write(
                    f"Would anonymise {info_request.number}: {', '.join(fields) or '(nothing left)'}"
                )
            else:
                fields = services.anonymise_request(info_request=info_request)
                if fields is None:
                    continue  # another host got there first
                self.stdout.write(
                    f"Anonymised {info_request.number}: {', '.join(fields) or '(nothing left)'}"
                )
            changed += 1
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(self.style.SUCCESS(f"{changed} request(s) {verb}."))
