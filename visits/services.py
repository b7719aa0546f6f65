"""Write-side workflows of visits: status changes, corrections and scheduled publishing.

`change_status()` is the only code that assigns `Visit.status`. It accepts only
the moves in `Visit.NEXT_STATUSES`, sets the publish time, and writes a
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

from .models import Visit, VisitHistoryEntry

Status = Visit.Status


class StatusChangeError(Exception):
    """A move the status table or the publish-time rules do not allow; `message` is translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@transaction.atomic
def change_status(*, visit, to, actor=None, publish_at=None, note="", now=None):
    """Move a visit to status `to` and record the move; return the history entry.

    - to ``scheduled``: `publish_at` is required and must lie in the future.
    - to ``published``: `publish_at` may be given to back-date a report (it may
      not lie in the future: schedule instead); otherwise a scheduled visit
      keeps its due time and anything else is published now.
    - to ``draft`` (from scheduled): the publish time is cleared.

    Raises StatusChangeError, and changes nothing, for any other move.
    """
    now = now or timezone.now()
    to = Status(to)
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    current = Status(locked.status)
    if to not in Visit.NEXT_STATUSES[current]:
        raise StatusChangeError(
            _("A visit that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.label, "target": to.label}
        )
    if to == Status.SCHEDULED:
        if publish_at is None:
            raise StatusChangeError(_("Choose the time at which the visit is to be published."))
        if publish_at <= now:
            raise StatusChangeError(_("A scheduled time must lie in the future; publish now instead."))
    elif to == Status.PUBLISHED:
        if publish_at is not None and publish_at > now:
            raise StatusChangeError(_("That time lies in the future: schedule the visit instead."))
        if publish_at is None:
            due = current == Status.SCHEDULED and locked.publish_at and locked.publish_at <= now
            publish_at = locked.publish_at if due else now
    else:
        publish_at = None

    entry = VisitHistoryEntry.objects.create(
        visit=locked,
        at=now,
        from_status=current,
        to_status=to,
        publish_at=publish_at,
        note=note,
        actor=actor,
    )
    locked.status = to
    locked.publish_at = publish_at
    locked.save(update_fields=["status", "publish_at", "updated_at"])
    visit.status, visit.publish_at, visit.updated_at = locked.status, locked.publish_at, locked.updated_at
    return entry


@transaction.atomic
def record_correction(*, visit, note, actor=None, now=None):
    """Record that a published visit was changed, with a note the public can read.

    Call it in the same transaction as the change. Raises StatusChangeError
    for a visit that is not published or an empty note.
    """
    note = (note or "").strip()
    if visit.status != Status.PUBLISHED:
        raise StatusChangeError(_("Only a published visit has corrections."))
    if not note:
        raise StatusChangeError(_("Describe the correction; it is shown on the visit's page."))
    return VisitHistoryEntry.objects.create(
        visit=visit,
        at=now or timezone.now(),
        from_status=Status.PUBLISHED,
        to_status=Status.PUBLISHED,
        publish_at=visit.publish_at,
        note=note,
        actor=actor,
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
