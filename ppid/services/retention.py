"""Removing requesters' personal data once the retention period has passed (UU 27/2022)."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import REQUEST_WORKFLOW, Dispute, InfoRequest, Objection, OutboxMessage, RequestEvent
from .requests import lock_request

logger = logging.getLogger("ppid.services")

# What a requester's name becomes when the retention period has passed.
ANONYMISED_NAME = "—"
PERSONAL_FIELDS = (
    "requester_name",
    "requester_nik",
    "requester_entity_decree",
    "requester_address",
    "requester_phone",
    "requester_email",
    "requester_occupation",
    "requester_identity_scan",
    "requester_proxy_letter",
)


def retention_cutoff(*, now=None, years=None):
    now = now or timezone.now()
    years = settings.PPID_RETENTION_YEARS if years is None else years
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def due_for_anonymisation(*, now=None, years=None):
    """Closed requests past the retention period, with no objection or dispute still running."""
    cutoff = retention_cutoff(now=now, years=years)
    running_disputes = Dispute.objects.filter(decided_on__isnull=True).values("objection__request")
    return (
        InfoRequest.objects.filter(
            status__in=InfoRequest.CLOSED_STATUSES, closed_at__lt=cutoff, anonymised_at__isnull=True
        )
        .exclude(objections__status=Objection.Status.FILED)
        .exclude(pk__in=running_disputes)
        .order_by("closed_at", "pk")
    )


def personal_fields_present(info_request):
    """The personal-data fields of a request that still hold something."""
    return [
        name
        for name in PERSONAL_FIELDS
        if getattr(info_request, name) not in ("", None) and getattr(info_request, name) != ANONYMISED_NAME
    ]


@transaction.atomic
def anonymise_request(*, info_request, now=None):
    """Remove the requester's personal data (UU 27/2022) and their files; keep the rest.

    The initials shown in the public register stay. Returns the names of the
    fields that were cleared, or None when the request had already been
    anonymised (by another host running the same daily job: the row lock makes
    the second one wait and then find nothing to do). The requester's messages in
    the outbox are deleted with it. Side effect: the identity
    and proxy files are deleted from private storage after commit.
    """
    current = lock_request(info_request)
    if current.anonymised_at is not None:
        return None
    cleared = personal_fields_present(current)
    files = [
        getattr(current, name).name
        for name in ("requester_identity_scan", "requester_proxy_letter")
        if getattr(current, name)
    ]
    storage = current.requester_identity_scan.storage
    current.requester_name = ANONYMISED_NAME
    for name in PERSONAL_FIELDS[1:]:
        setattr(current, name, "")
    current.anonymised_at = now or timezone.now()
    current.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at", "updated_at"])
    REQUEST_WORKFLOW.record(current, note=", ".join(cleared), history={"kind": RequestEvent.Kind.ANONYMISED})
    # The requester's messages held their name and address: they go with the rest.
    OutboxMessage.objects.to_requester().filter(request=current).delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    logger.info("ppid: anonymised %s (%s)", current.number, ", ".join(cleared))
    return cleared
