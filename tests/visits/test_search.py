"""Visits in the site-wide search: published ones only, refreshed on change."""

import datetime

import pytest
from django.utils import timezone

from portal import search
from portal.models import SearchEntry
from visits import services
from visits.models import Institution, Visit


@pytest.fixture
def institution(db):
    return Institution.objects.create(name="Pemerintah Kota Magelang", kind="pemkot", region_code="33.71")


def make_visit(institution, title, **extra):
    fields = {
        "title": title,
        "kind": Visit.Kind.STUDY_VISIT,
        "institution": institution,
        "leader_name": "Drs. Indra Indah Wacana",
        "start_date": datetime.date(2017, 9, 19),
        "body": "Belajar tentang keimigrasian dan KIM.",
    }
    fields.update(extra)
    return Visit.objects.create(**fields)


def test_only_published_visits_are_found(institution, django_capture_on_commit_callbacks):
    draft = make_visit(institution, "Draf rahasia keimigrasian")
    shown = make_visit(institution, "Studi banding keimigrasian")
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(visit=shown, to=Visit.Status.PUBLISHED)
    titles = [entry.title for entry in search.matching("keimigrasian")]
    assert titles == ["Studi banding keimigrasian"]
    assert not SearchEntry.objects.filter(kind="visit", key=str(draft.pk)).exists()


def test_scheduled_visit_is_found_only_once_its_time_has_come(
    institution, django_capture_on_commit_callbacks
):
    visit = make_visit(institution, "Kunjungan terjadwal keimigrasian")
    due = timezone.now() + datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(visit=visit, to=Visit.Status.SCHEDULED, publish_at=due)
    assert not search.matching("terjadwal").exists()
    # Two days pass: the scheduled time now lies in the past.
    Visit.objects.filter(pk=visit.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_due()
    assert [e.url for e in search.matching("terjadwal")] == [visit.get_absolute_url()]


def test_rebuild_finds_visits_by_institution_and_report_text(institution):
    visit = make_visit(institution, "Kunjungan kerja")
    services.change_status(visit=visit, to=Visit.Status.PUBLISHED)
    search.rebuild("visit")
    assert [e.url for e in search.matching("Magelang imigrasi")] == [visit.get_absolute_url()]
