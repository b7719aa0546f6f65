"""Both status machines of the app walked through their whole table.

Every allowed move of a budget version and of a realisation report succeeds
through its service and writes one history row; every other move is refused
with ``invalid_transition`` and changes nothing.
"""

import datetime
import itertools

import pytest

from ogp import services
from ogp.models import REPORT_WORKFLOW, VERSION_WORKFLOW, RealisationReport, Status
from tests.workflow import walk_table

from .conftest import ORIGINAL, csv_upload, village

pytestmark = pytest.mark.django_db


def _years():
    return itertools.count(2010)


def _draft_version(year):
    """A draft version with lines and its Perdes, for a year of its own (one draft per budget)."""
    result = services.import_budget(
        upload=csv_upload(ORIGINAL),
        year=year,
        village=village(),
        perdes_number=f"2 Tahun {year}",
        perdes_date=datetime.date(year, 1, 10),
    )
    return result.outcomes[0].version


def test_every_move_of_a_budget_version_follows_the_table():
    years = _years()
    tried = walk_table(
        VERSION_WORKFLOW,
        create=lambda: _draft_version(next(years)),
        move=lambda version, to: services.change_version_status(version=version, to=to),
    )
    assert tried == len(Status) ** 2


def _draft_report(year):
    """A draft Semester I report on a version published for a year of its own."""
    version = services.change_version_status(version=_draft_version(year), to=Status.PUBLISHED)
    return services.start_report(
        version=version, period=RealisationReport.Period.SEMESTER_1, as_of=datetime.date(year, 6, 30)
    )


def test_every_move_of_a_realisation_report_follows_the_table():
    years = _years()
    tried = walk_table(
        REPORT_WORKFLOW,
        create=lambda: _draft_report(next(years)),
        move=lambda report, to: services.change_report_status(report=report, to=to),
    )
    assert tried == len(Status) ** 2


def test_a_new_version_enters_its_machine_as_a_draft_kept_off_the_timeline():
    version = _draft_version(2024)
    start = version.status_changes.get()
    assert (start.from_status, start.to_status, start.is_public) == ("", Status.DRAFT, False)
    services.change_version_status(version=version, to=Status.PUBLISHED, note="  Perdes 2 Tahun 2024  ")
    published = version.status_changes.get(to_status=Status.PUBLISHED)
    assert (published.from_status, published.note, published.is_public) == (
        Status.DRAFT,
        "Perdes 2 Tahun 2024",
        True,
    )


def test_a_rule_of_the_app_refuses_with_its_own_code(english):
    version = _draft_version(2024)
    services.change_version_status(version=version, to=Status.DISCARDED)
    services.start_version(budget=version.budget, kind=version.kind)
    with pytest.raises(services.StatusChangeError, match="already a draft") as refused:
        services.change_version_status(version=version, to=Status.DRAFT)
    assert refused.value.code == "draft_exists"
    version.refresh_from_db()
    assert version.status == Status.DISCARDED
