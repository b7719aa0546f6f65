"""The status table of visits, walked move by move, and the other write-side services."""

import datetime
import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.workflow import INVALID_TRANSITION
from visits import services
from visits.models import Visit, VisitHistoryEntry

Status = Visit.Status
NOW = datetime.datetime(2024, 3, 4, 9, 0, tzinfo=datetime.UTC)
PAST = NOW - datetime.timedelta(days=2)
FUTURE = NOW + datetime.timedelta(days=2)

ALLOWED = {
    (Status.DRAFT, Status.SCHEDULED),
    (Status.DRAFT, Status.PUBLISHED),
    (Status.SCHEDULED, Status.DRAFT),
    (Status.SCHEDULED, Status.PUBLISHED),
}
ALL_PAIRS = list(itertools.product(Status, Status))


def _visit_in(make_visit, status):
    """A visit in `status`, reached through the service."""
    if status == Status.DRAFT:
        return make_visit(status=Status.DRAFT)
    if status == Status.SCHEDULED:
        visit = make_visit(status=Status.DRAFT)
        services.change_status(visit=visit, to=Status.SCHEDULED, publish_at=FUTURE, now=NOW)
        return visit
    visit = make_visit(status=Status.DRAFT)
    services.change_status(visit=visit, to=Status.PUBLISHED, publish_at=PAST, now=NOW)
    return visit


def _publish_time_for(target):
    return FUTURE if target == Status.SCHEDULED else None


def test_status_table_matches_the_documented_moves():
    table = {(source, target) for source, targets in Visit.NEXT_STATUSES.items() for target in targets}
    assert table == ALLOWED


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_every_allowed_move_succeeds_and_is_recorded(make_visit, source, target):
    visit = _visit_in(make_visit, source)
    entries_before = visit.history.count()

    entry = services.change_status(
        visit=visit, to=target, publish_at=_publish_time_for(target), now=NOW, note="ok"
    )

    visit.refresh_from_db()
    assert visit.status == target
    assert visit.history.count() == entries_before + 1
    assert (entry.from_status, entry.to_status, entry.note) == (source, target, "ok")


@pytest.mark.parametrize(("source", "target"), [pair for pair in ALL_PAIRS if pair not in ALLOWED])
def test_every_other_move_is_refused_and_changes_nothing(make_visit, source, target):
    visit = _visit_in(make_visit, source)
    before = (visit.status, visit.publish_at, visit.history.count())

    with pytest.raises(services.StatusChangeError, match="cannot become") as refused:
        services.change_status(visit=visit, to=target, publish_at=_publish_time_for(target), now=NOW)
    assert refused.value.code == INVALID_TRANSITION

    visit.refresh_from_db()
    assert (visit.status, visit.publish_at, visit.history.count()) == before


def test_scheduling_needs_a_time(make_visit):
    visit = make_visit(status=Status.DRAFT)
    with pytest.raises(services.StatusChangeError, match="time"):
        services.change_status(visit=visit, to=Status.SCHEDULED, now=NOW)
    assert Visit.objects.get(pk=visit.pk).status == Status.DRAFT


def test_scheduling_refuses_a_time_in_the_past(make_visit):
    visit = make_visit(status=Status.DRAFT)
    with pytest.raises(services.StatusChangeError, match="future"):
        services.change_status(visit=visit, to=Status.SCHEDULED, publish_at=PAST, now=NOW)


def test_publishing_refuses_a_future_time(make_visit):
    visit = make_visit(status=Status.DRAFT)
    with pytest.raises(services.StatusChangeError, match="schedule"):
        services.change_status(visit=visit, to=Status.PUBLISHED, publish_at=FUTURE, now=NOW)


def test_publishing_without_a_time_publishes_now(make_visit, editor):
    visit = make_visit(status=Status.DRAFT)
    entry = services.change_status(visit=visit, to=Status.PUBLISHED, actor=editor, now=NOW)
    visit.refresh_from_db()
    assert visit.publish_at == NOW
    assert entry.actor == editor


def test_publishing_can_back_date_an_old_report(make_visit):
    visit = make_visit(status=Status.DRAFT)
    old = datetime.datetime(2017, 9, 19, 9, 0, tzinfo=datetime.UTC)
    services.change_status(visit=visit, to=Status.PUBLISHED, publish_at=old, now=NOW)
    visit.refresh_from_db()
    assert visit.publish_at == old


def test_publishing_a_scheduled_visit_early_publishes_it_now(make_visit):
    visit = _visit_in(make_visit, Status.SCHEDULED)
    services.change_status(visit=visit, to=Status.PUBLISHED, now=NOW)
    visit.refresh_from_db()
    assert visit.publish_at == NOW


def test_unscheduling_clears_the_publish_time(make_visit):
    visit = _visit_in(make_visit, Status.SCHEDULED)
    services.change_status(visit=visit, to=Status.DRAFT, now=NOW)
    visit.refresh_from_db()
    assert (visit.status, visit.publish_at) == (Status.DRAFT, None)


def test_the_caller_s_visit_object_reflects_the_change(make_visit):
    visit = make_visit(status=Status.DRAFT)
    services.change_status(visit=visit, to=Status.PUBLISHED, now=NOW)
    assert (visit.status, visit.publish_at) == (Status.PUBLISHED, NOW)


def test_publish_due_publishes_only_scheduled_visits_whose_time_has_come(make_visit):
    due = _visit_in(make_visit, Status.SCHEDULED)  # scheduled for FUTURE
    later = make_visit(status=Status.DRAFT)
    services.change_status(
        visit=later, to=Status.SCHEDULED, publish_at=FUTURE + datetime.timedelta(days=5), now=NOW
    )
    draft = make_visit(status=Status.DRAFT)

    result = services.publish_due(now=FUTURE + datetime.timedelta(minutes=1))

    assert [v.pk for v in result.published] == [due.pk]
    due.refresh_from_db()
    assert (due.status, due.publish_at) == (Status.PUBLISHED, FUTURE)  # keeps its scheduled time
    assert Visit.objects.get(pk=later.pk).status == Status.SCHEDULED
    assert Visit.objects.get(pk=draft.pk).status == Status.DRAFT


def test_publish_due_twice_publishes_nothing_more(make_visit):
    _visit_in(make_visit, Status.SCHEDULED)
    after = FUTURE + datetime.timedelta(minutes=1)
    assert len(services.publish_due(now=after).published) == 1
    assert services.publish_due(now=after).published == []
    assert VisitHistoryEntry.objects.filter(to_status=Status.PUBLISHED).count() == 1


def test_publish_due_visits_command_publishes_due_visits(make_visit, monkeypatch):
    visit = make_visit(status=Status.DRAFT)
    real_now = timezone.now()
    services.change_status(
        visit=visit, to=Status.SCHEDULED, publish_at=real_now + datetime.timedelta(hours=1)
    )
    monkeypatch.setattr(timezone, "now", lambda: real_now + datetime.timedelta(hours=2))

    call_command("publish_due_visits", verbosity=0)

    assert Visit.objects.published().filter(pk=visit.pk).exists()


def test_a_correction_is_recorded_with_its_note(make_visit, editor):
    visit = make_visit()
    entry = services.record_correction(visit=visit, note="Nama jabatan diperbaiki.", actor=editor, now=NOW)
    assert entry.is_correction
    assert (entry.note, entry.actor, entry.at) == ("Nama jabatan diperbaiki.", editor, NOW)


def test_a_correction_needs_a_note(make_visit):
    visit = make_visit()
    with pytest.raises(services.StatusChangeError, match="Describe the correction") as refused:
        services.record_correction(visit=visit, note="  ")
    assert refused.value.code == "correction"


def test_only_published_visits_have_corrections(make_visit):
    visit = make_visit(status=Status.DRAFT)
    with pytest.raises(services.StatusChangeError, match="Only a published visit") as refused:
        services.record_correction(visit=visit, note="Perbaikan")
    assert refused.value.code == "correction"


@pytest.mark.django_db(transaction=True)
def test_publishing_due_visits_on_several_hosts_at_once_publishes_each_once(make_visit):
    from tests.concurrency import run_on_several_hosts
    from visits.models import VisitHistoryEntry

    visit = make_visit(status=Visit.Status.SCHEDULED)
    Visit.objects.filter(pk=visit.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert run_on_several_hosts("publish_due_visits") == []
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.PUBLISHED
    assert VisitHistoryEntry.objects.filter(visit=visit, to_status=Visit.Status.PUBLISHED).count() == 1
