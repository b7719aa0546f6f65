"""The visit status machine walked through `services.change_status`: every
allowed move succeeds and is recorded, every other one is refused."""

import datetime

import pytest
from django.utils import timezone

from tests.workflow import walk_table
from visits import services
from visits.models import Visit
from visits.workflows import VISIT_WORKFLOW

pytestmark = pytest.mark.django_db


def test_every_visit_status_move_is_walked(make_visit):
    def create():
        return make_visit(status=Visit.Status.DRAFT)

    def move(visit, to):
        later = timezone.now() + datetime.timedelta(days=1)
        publish_at = later if to == Visit.Status.SCHEDULED else None
        services.change_status(visit=visit, to=to, publish_at=publish_at)

    tried = walk_table(VISIT_WORKFLOW, create=create, move=move)
    assert tried == len(Visit.Status) ** 2


def test_the_public_timeline_is_publications_and_corrections(make_visit, editor):
    visit = make_visit(status=Visit.Status.DRAFT)
    later = timezone.now() + datetime.timedelta(days=1)
    services.change_status(visit=visit, to=Visit.Status.SCHEDULED, publish_at=later)
    services.change_status(visit=visit, to=Visit.Status.PUBLISHED)
    services.record_correction(visit=visit, note="Nama jabatan diperbaiki.", actor=editor)
    rows = list(visit.history.values_list("from_status", "to_status", "is_public"))
    assert rows == [
        ("draft", "scheduled", False),
        ("scheduled", "published", True),
        ("published", "published", True),
    ]
    shown = Visit.objects.for_detail().get(pk=visit.pk).public_history
    assert [entry.to_status for entry in shown] == ["published", "published"]
