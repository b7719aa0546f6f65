"""The demo village's APBDes of the year after the sample years, imported from a generated Siskeudes export.

The export is made up (`ogp.siskeudes.sample.generated_village`) and the
budget is flagged ``is_sample``, so its pages carry the sample-data label; it
goes through the same import as a real export, match confirmed.
"""

import io

from portal.models import Village

from ..models import Budget
from ..services import siskeudes_import
from ..siskeudes.sample import build_export, generated_village
from .budgets import PHOTO_VILLAGE, SAMPLE_YEARS

SISKEUDES_YEAR = max(SAMPLE_YEARS) + 1


def load_siskeudes_sample(stdout, *, code=PHOTO_VILLAGE, year=SISKEUDES_YEAR):
    village = Village.objects.select_related("district").filter(code=code).first()
    if village is None or Budget.objects.filter(village=village, year=year).exists():
        return
    sample = generated_village(
        kd_kec="01",
        kd_desa="01.2001.",
        district_name=village.district.name,
        village_name=village.name,
        year=year,
        seed=year,
        items_per_kind=10,
    )
    upload = io.BytesIO(build_export([sample], year=year))
    _plan, result = siskeudes_import.import_siskeudes(upload, confirm={"01.2001."}, is_sample=True)
    stdout.write(
        f"  APBDes {year} {village.label}: imported from a sample Siskeudes export "
        f"({result.count(siskeudes_import.IMPORTED)} village-year)"
    )
