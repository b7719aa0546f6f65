"""Print the KIM coverage per kecamatan: villages, villages with an active KIM and the share.

python manage.py report_kim_coverage            # table
python manage.py report_kim_coverage --uncovered  # also list the villages without one
python manage.py report_kim_coverage --csv       # for a spreadsheet
"""

from django.core.management.base import BaseCommand

from portal import csv_export, wilayah

from ...coverage import coverage_report


class Command(BaseCommand):
    help = "Print the share of villages with at least one active KIM, per kecamatan and for the regency."

    def add_arguments(self, parser):
        parser.add_argument("--csv", action="store_true", help="Write CSV instead of a table.")
        parser.add_argument(
            "--uncovered", action="store_true", help="List the villages without an active KIM."
        )

    def handle(self, *args, **options):
        report = coverage_report(total_name=wilayah.deployment().full_name)
        rows = [*report.districts, report.total]
        if options["csv"]:
            writer = csv_export.writer(self.stdout)
            writer.writerow(["code", "name", "villages", "covered", "share_percent", "active_kims"])
            for area in rows:
                writer.writerow([area.code, area.name, area.villages, area.covered, area.share, area.kims])
            return
        width = max(len(area.name) for area in rows)
        self.stdout.write(f"{'':{width}}  villages  covered   share  active KIM")
        for area in rows:
            share = "–" if area.share is None else f"{area.share:.1f}%"
            self.stdout.write(
                f"{area.name:{width}}  {area.villages:8}  {area.covered:7}  {share:>6}  {area.kims:10}"
            )
            if options["uncovered"] and area.district is not None and area.uncovered:
                self.stdout.write("    without: " + ", ".join(v.name for v in area.uncovered))
