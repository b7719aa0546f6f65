"""Import a Siskeudes export (the zip of Siskeudes tables as CSV) for one or many villages.

    python manage.py import_siskeudes siskeudes-2024.zip --dry-run
    python manage.py import_siskeudes siskeudes-2024.zip --konfirmasi
    python manage.py import_siskeudes siskeudes-2024.zip --desa 01.2001. --pengguna sekdes
    python manage.py import_siskeudes siskeudes-2024.zip --penjelasan "02.2006.:2024=SiLPA 2023 …"

The command prints the preview of every village-year (its match, versions
with totals per akun and bidang, realisation reports, problems). A village
matched by name only is imported once ``--konfirmasi`` confirms the matches
shown; a confirmed match is remembered. The preview lists the balance checks
of every version and report; a village-year whose books fail one is imported
only with ``--penjelasan KODE[:TAHUN]=TEKS``, the written explanation the
public page shows beside the figures. ``--dry-run`` shows the preview and
saves nothing. Ends with an error status when the file or a village-year was
refused.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ...services import siskeudes_import
from ...siskeudes.plan import NEEDS_CONFIRMATION
from ...siskeudes.preview import preview_lines


class Command(BaseCommand):
    help = "Import a Siskeudes export (zip of CSV tables): APBDes versions and realisation per village-year."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The zip of Siskeudes tables.")
        parser.add_argument("--dry-run", action="store_true", help="Show the preview; save nothing.")
        parser.add_argument(
            "--konfirmasi", action="store_true", help="Confirm the village matches found by name."
        )
        parser.add_argument(
            "--desa",
            action="append",
            default=[],
            help="Only this Siskeudes village code (KK.DDDD.); repeatable.",
        )
        parser.add_argument("--pengguna", help="Import as this user, within their scope (default: no limit).")
        parser.add_argument("--contoh", action="store_true", help="Mark new budgets as sample data.")
        parser.add_argument(
            "--penjelasan",
            action="append",
            default=[],
            metavar="KODE[:TAHUN]=TEKS",
            help="The public explanation of a village's books that fail a balance check "
            "(every year of that Siskeudes code without :TAHUN); repeatable.",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        user = self._user(options["pengguna"])
        with path.open("rb") as upload:
            read, plan = siskeudes_import.preview_siskeudes(upload, user=user)
        confirm = {
            item.match.source.code
            for item in plan.items
            if item.state == NEEDS_CONFIRMATION and options["konfirmasi"]
        }
        if confirm:
            with path.open("rb") as upload:
                read, plan = siskeudes_import.preview_siskeudes(upload, user=user, confirm=confirm)
        for line in preview_lines(plan):
            self.stdout.write(line)
        if plan.problems:
            raise CommandError("The export was refused; nothing was saved.")
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was saved.")
            return
        only = set(options["desa"]) or None
        result = siskeudes_import.apply_siskeudes(
            plan,
            user=user,
            only=only,
            is_sample=options["contoh"],
            explanations=explanations(plan, options["penjelasan"]),
        )
        for outcome in result.outcomes:
            source = outcome.item.match.source
            message = f" ({outcome.message})" if outcome.message else ""
            self.stdout.write(f"{source.code} {outcome.item.year}: {outcome.outcome}{message}")
        self.stdout.write(
            f"{result.count(siskeudes_import.IMPORTED)} imported, {result.count('unchanged')} unchanged, "
            f"{result.count(siskeudes_import.FAILED)} failed."
        )
        skipped = [
            item
            for item in plan.items
            if not item.importable and (only is None or item.match.source.code in only)
        ]
        if result.count(siskeudes_import.FAILED) or any(item.problems for item in skipped):
            raise CommandError("Some village-years were not imported.")

    def _user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username}.") from None


def explanations(plan, given):
    """{(Siskeudes code, year): text} from ``KODE[:TAHUN]=TEKS`` arguments."""
    found = {}
    for argument in given:
        target, equals, text = argument.partition("=")
        code, colon, year = target.partition(":")
        if not equals or not text.strip() or (colon and not year.isdigit()):
            raise CommandError(f"--penjelasan {argument!r}: expected KODE[:TAHUN]=TEKS, e.g. 02.2006.:2024=…")
        years = [int(year)] if colon else [item.year for item in plan.items if item.match.source.code == code]
        for each in years:
            found[(code, each)] = text.strip()
    return found
