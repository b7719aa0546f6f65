"""Load the deployment's kecamatan and villages from the Kemendagri data file."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal import services, wilayah


class Command(BaseCommand):
    help = "Load the kecamatan, desa and kelurahan of REGION_CODE (or --code) from the Kemendagri file."

    def add_arguments(self, parser):
        parser.add_argument("--code", help="A kabupaten/kota code PP.KK (default: the REGION_CODE setting).")

    def handle(self, *args, **options):
        code = settings.REGION_CODE if options["code"] is None else options["code"]
        try:
            result = services.load_regions(code=code)
        except wilayah.RegionCodeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.regency.government_name} ({code}): {result.districts} kecamatan, "
                f"{result.desa} desa, {result.kelurahan} kelurahan "
                f"({result.districts_created + result.villages_created} added, {result.updated} renamed)."
            )
        )
