"""Village budgets in the site-wide search: found by their activities, version in force only."""

from ogp.models import BudgetVersion
from portal import search
from portal.models import SearchEntry

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL


def test_a_published_budget_is_found_by_activity_and_location(
    publish_budget, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_budget(ORIGINAL, year=2024)
    entries = list(search.matching("rabat beton Krajan"))
    assert [(e.kind, e.url) for e in entries] == [("budget", f"/apbdes/2024/{SEDAHKIDUL}/")]
    assert entries[0].title == "APBDes 2024 · Desa Sedahkidul"


def test_a_revision_replaces_the_entry_with_the_version_in_force(
    publish_budget, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_budget(ORIGINAL, year=2024)
        publish_budget(REVISED, year=2024, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    assert search.matching("saluran drainase").count() == 1
    assert SearchEntry.objects.filter(kind="budget").count() == 1


def test_drafts_are_not_indexed(db):
    from ogp import services

    from .conftest import csv_upload, village

    services.import_budget(
        upload=csv_upload(ORIGINAL),
        year=2024,
        village=village(SEDAHKIDUL),
        kind=BudgetVersion.Kind.MURNI,
        new_version=False,
        perdes_number="",
        perdes_date=None,
        publish=False,
    )
    search.rebuild("budget")
    assert not SearchEntry.objects.filter(kind="budget").exists()
