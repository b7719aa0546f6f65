"""Daily: take in the public-information documents of villages that run OpenSID.

Each village's problem, if any, is kept for its admin page; the command itself
fails only when it cannot run at all.
"""

from django.core.management.base import BaseCommand

from ppid.harvest import harvest_all


class Command(BaseCommand):
    help = "Harvest the /ppid feed of every village's OpenSID site into its Daftar Informasi Publik."

    def handle(self, *args, **options):
        for source, counts in harvest_all():
            if counts is None:
                self.stdout.write(f"{source.unit}: {source.last_error}")
            else:
                self.stdout.write(f"{source.unit}: {source.last_summary}")
