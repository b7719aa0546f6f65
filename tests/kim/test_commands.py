"""The coverage report command agrees with the data."""

import csv
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from kim import services
from kim.models import Kim
from tests.conftest import SEDAHKIDUL

pytestmark = pytest.mark.django_db


def test_coverage_report_counts_active_kims_per_kecamatan(make_kim):
    make_kim("KIM Sendang Potro", SEDAHKIDUL)
    services.change_kim_status(
        kim=make_kim("KIM Warta Pelem", "35.22.18.2001"),
        to=Kim.Status.INACTIVE,
        on=timezone.localdate(),
        by=None,
    )
    out = io.StringIO()
    call_command("report_kim_coverage", "--csv", stdout=out)
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    # Purwosari: 12 villages, 1 with an active KIM = 8.3 %; the regency: 1 of 430 = 0.2 %.
    assert (rows["35.22.18"]["villages"], rows["35.22.18"]["covered"], rows["35.22.18"]["share_percent"]) == (
        "12",
        "1",
        "8.3",
    )
    assert (rows[""]["villages"], rows[""]["covered"], rows[""]["share_percent"]) == ("430", "1", "0.2")
    table = io.StringIO()
    call_command("report_kim_coverage", "--uncovered", stdout=table)
    assert "Pelem" in table.getvalue()
