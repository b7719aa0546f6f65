"""Write-side workflows of visits: status changes, corrections and scheduled publishing.

`change_status()` moves a visit through `VISIT_WORKFLOW` (the moves in
`Visit.NEXT_STATUSES`), sets the publish time, and writes a
`VisitHistoryEntry` in the same transaction. Changing a published visit is
recorded with `record_correction()`, which the visit page shows as a dated
correction note. `publish_due()` publishes scheduled visits whose time has
come; the `publish_due_visits` command runs it from cron. None of these send
e-mail or touch other apps.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.workflow import InvalidTransition

from .models import Visit
from .workflows import VISIT_WORKFLOW

Status = Visit.Status


# Every refusal is an `InvalidTransition`: code ``invalid_transition`` for a move
# outside the table, ``publish_time`` for the publish-time rules and
# ``correction`` for a correction that cannot be recorded.
StatusChangeError = InvalidTransition


def change_status(*, visit, to, actor=None, publish_at=None, note="", now=None):
    """Move a visit to status `to` and record the move; return the history entry.

    - to ``scheduled``: `publish_at` is required and must lie in the future.
    - to ``published``: `publish_at` may be given to back-date a report (it may
      not lie in the future: schedule instead); otherwise a scheduled visit
      keeps its due time and anything else is published now.
    - to ``draft`` (from scheduled): the publish time is cleared.

    Raises StatusChangeError, and changes nothing, for any other move. The
    entry is public when the visit is published.
    """
    now = now or timezone.now()
    to = Status(to)
    # Filled on the locked row, before the history row is written.
    history = {"publish_at": None}

    def timed(locked):
        chosen = _publish_time(Status(locked.status), to, locked.publish_at, publish_at, now)
        locked.publish_at = history["publish_at"] = chosen
        return ["publish_at"]

    return VISIT_WORKFLOW.transition(
        visit,
        to,
        actor=actor,
        note=note,
        at=now,
        is_public=to == Status.PUBLISHED,
        apply=timed,
        history=history,
    )


def _publish_time(current, to, current_publish_at, publish_at, now):
    """The publish time a visit has after moving from `current` to `to`."""
    if to == Status.SCHEDULED:
        if publish_at is None:
            raise StatusChangeError(
                _("Choose the time at which the visit is to be published."), code="publish_time"
            )
        if publish_at <= now:
            raise StatusChangeError(
                _("A scheduled time must lie in the future; publish now instead."), code="publish_time"
            )
        return publish_at
    if to == Status.PUBLISHED:
        if publish_at is not None and publish_at > now:
            raise StatusChangeError(
                _("That time lies in the future: schedule the visit instead."), code="publish_time"
            )
        if publish_at is None:
            due = current == Status.SCHEDULED and current_publish_at and current_publish_at <= now
            publish_at = current_publish_at if due else now
        return publish_at
    return None


@transaction.atomic
def record_correction(*, visit, note, actor=None, now=None):
    """Record that a published visit was changed, with a note the public can read.

    Call it in the same transaction as the change. Raises StatusChangeError
    for a visit that is not published or an empty note.
    """
    note = (note or "").strip()
    if visit.status != Status.PUBLISHED:
        raise StatusChangeError(_("Only a published visit has corrections."), code="correction")
    if not note:
        raise StatusChangeError(
            _("Describe the correction; it is shown on the visit's page."), code="correction"
        )
    return VISIT_WORKFLOW.record(
        visit, actor=actor, note=note, at=now, is_public=True, history={"publish_at": visit.publish_at}
    )


@dataclass(frozen=True)
class DueResult:
    published: list


def publish_due(*, now=None):
    """Publish every scheduled visit whose time has come, keeping its scheduled time.

    Each visit is published in its own transaction, so one failure does not
    hold back the others; running it again publishes nothing more.
    """
    now = now or timezone.now()
    published = []
    due = Visit.objects.filter(status=Status.SCHEDULED, publish_at__lte=now).order_by("publish_at", "pk")
    for visit in due:
        try:
            change_status(visit=visit, to=Status.PUBLISHED, now=now)
        except StatusChangeError:
            continue  # changed by an editor meanwhile
        published.append(visit)
    return DueResult(published=published)
