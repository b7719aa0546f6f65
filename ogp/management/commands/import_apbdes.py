"""Import APBDes or realisation files for many villages at once.

    python manage.py import_apbdes berkas/ --tahun 2024 --terbitkan
    python manage.py import_apbdes semua-desa.xlsx --tahun 2024
    python manage.py import_apbdes laporan/ --tahun 2024 --realisasi akhir --posisi 2024-12-31

Each path is a file or a folder of ``.csv``/``.xlsx`` files. A file named
after a village code (``35.22.18.2007.csv`` or ``3522182007.xlsx``) is for
that village; any other file needs a ``kode_desa`` column. Every file is
checked and saved on its own, all or nothing, so one bad file does not stop
the others; the command lists each problem with its row and column and ends
with an error status when any file was refused.

A draft whose books do not balance (`ogp.balance`) is saved but reported
check by check, village by village, as the back office warns after an
upload: publishing it needs the books corrected or ``--penjelasan`` (the
explanation the public page shows). ``--terbitkan`` refuses such books unless
``--penjelasan`` is given; a Perubahan published needs ``--catatan``.
"""

import datetime
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.models import Village

from ... import imports, services
from ...models import BudgetVersion, RealisationReport

VILLAGE_FILE = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})\.?([12]\d{3})$")


def village_code_from_name(path):
    match = VILLAGE_FILE.match(path.stem)
    return ".".join(match.groups()) if match else None


def collect(paths):
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".xlsx")))
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return files


class Command(BaseCommand):
    help = "Import APBDes (or realisation) files in the template for one or many villages."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders of .csv/.xlsx files.")
        parser.add_argument("--tahun", type=int, required=True, help="Fiscal year, e.g. 2024.")
        parser.add_argument(
            "--jenis",
            choices=BudgetVersion.Kind.values,
            default=BudgetVersion.Kind.MURNI,
            help="Kind of version.",
        )
        parser.add_argument(
            "--versi-baru", action="store_true", help="Import into a published year as a new version."
        )
        parser.add_argument("--perdes-nomor", default="", help="Perdes number, when the files have none.")
        parser.add_argument(
            "--perdes-tanggal", type=datetime.date.fromisoformat, help="Perdes date (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--realisasi",
            choices=RealisationReport.Period.values,
            help="Import realisation reports of this period.",
        )
        parser.add_argument(
            "--posisi", type=datetime.date.fromisoformat, help="Report position date (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--laporan-baru", action="store_true", help="Correct an already published report."
        )
        parser.add_argument("--terbitkan", action="store_true", help="Publish what was imported.")
        parser.add_argument("--catatan", default="", help="Public note of what a Perubahan changes and why.")
        parser.add_argument(
            "--penjelasan", default="", help="Why the books do not balance, shown on the public page."
        )
        parser.add_argument("--pengguna", help="Import as this user, within their scope (default: no limit).")

    def handle(self, *args, **options):
        files = collect(options["paths"])
        if not files:
            raise CommandError("No .csv or .xlsx files found.")
        if options["realisasi"] and not options["posisi"]:
            raise CommandError("--realisasi needs --posisi (the date the figures stand at).")
        user = None
        if options["pengguna"]:
            user = get_user_model().objects.filter(username=options["pengguna"]).first()
            if user is None:
                raise CommandError(f"No user {options['pengguna']}.")
        chart = imports.Chart.load()
        village_codes = set(Village.objects.values_list("code", flat=True))
        failed = warnings = 0
        lines = 0
        counts = {"created": 0, "replaced": 0, "unchanged": 0}
        width = len(str(len(files)))
        for number, path in enumerate(files, start=1):
            code = village_code_from_name(path)
            village = None
            if code is not None:
                village = Village.objects.filter(code=code).first()
                if village is None:
                    self.stderr.write(f"[{number:>{width}}/{len(files)}] {path.name}: no village {code}")
                    failed += 1
                    continue
            try:
                with path.open("rb") as upload:
                    result = self._import(upload, options, user, village, chart, village_codes)
            except imports.ImportFileError as error:
                failed += 1
                self.stderr.write(f"[{number:>{width}}/{len(files)}] {path.name}: refused, nothing saved")
                for problem in error.errors:
                    self.stderr.write(f"    {problem}")
                continue
            except services.StatusChangeError as error:
                failed += 1
                self.stderr.write(f"[{number:>{width}}/{len(files)}] {path.name}: {' '.join(error.messages)}")
                continue
            for key in counts:
                counts[key] += result.count(key)
            lines += result.lines
            summary = ", ".join(f"{result.count(key)} {key}" for key in counts if result.count(key))
            self.stdout.write(
                f"[{number:>{width}}/{len(files)}] {path.name}: {summary} ({result.lines} lines)"
            )
            warnings += self._warn_about_balance(result)
        self.stdout.write(
            f"{len(files) - failed} of {len(files)} files imported: {counts['created']} created, "
            f"{counts['replaced']} replaced, {counts['unchanged']} unchanged, {lines} lines."
        )
        if warnings:
            self.stdout.write(
                self.style.WARNING(
                    f"{warnings} balance check(s) failed on drafts: correct the books or publish "
                    "with --penjelasan."
                )
            )
        if failed:
            raise CommandError(f"{failed} file(s) refused; see the problems above.")

    def _warn_about_balance(self, result):
        """One warning per failed check of each draft left, as the back office shows them."""
        problems = services.draft_balance_warnings(result)
        for village, problem in problems:
            self.stdout.write(self.style.WARNING(f"    warning: {village.label}: {problem.message}"))
        return len(problems)

    def _import(self, upload, options, user, village, chart, village_codes):
        if options["realisasi"]:
            return services.import_realisation(
                upload=upload,
                year=options["tahun"],
                period=options["realisasi"],
                as_of=options["posisi"],
                user=user,
                village=village,
                new_report=options["laporan_baru"],
                publish=options["terbitkan"],
                chart=chart,
                village_codes=village_codes,
                explanation=options["penjelasan"],
            )
        return services.import_budget(
            upload=upload,
            year=options["tahun"],
            user=user,
            village=village,
            kind=options["jenis"],
            new_version=options["versi_baru"],
            perdes_number=options["perdes_nomor"],
            perdes_date=options["perdes_tanggal"],
            publish=options["terbitkan"],
            chart=chart,
            village_codes=village_codes,
            note=options["catatan"],
            explanation=options["penjelasan"],
        )
