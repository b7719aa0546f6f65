"""Publishing the Daftar Informasi Publik: an item's status and its document versions.

An item's status changes only through `DIP_WORKFLOW` (the workflow kit);
the rules kept here are that a withdrawal states its reason and that the
first publication sets the publication time, which republishing keeps.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import DIP_WORKFLOW, DipDocumentVersion, DipItem


@transaction.atomic
def create_dip_item(*, item, actor=None):
    """Save a new DIP item as a draft and start its history with the workflow's first row."""
    item.save()
    DIP_WORKFLOW.begin(item, actor=actor, is_public=False)
    return item


@transaction.atomic
def change_dip_status(*, item, to_status, actor=None, note=""):
    """Publish, withdraw or republish a DIP item, with a history row. Withdrawal needs a reason.

    Returns `item`, refreshed.
    """
    to_status = DipItem.Status(to_status)

    def apply(current):
        if to_status == DipItem.Status.WITHDRAWN and not note.strip():
            raise ValidationError({"note": _("Say why the item is withdrawn.")})
        if to_status == DipItem.Status.PUBLISHED and current.published_at is None:
            current.published_at = timezone.now()
            return ["published_at"]
        return ()

    DIP_WORKFLOW.transition(item, to_status, actor=actor, note=note, apply=apply)
    item.refresh_from_db()
    return item


@transaction.atomic
def add_dip_version(*, item, document=None, link="", note="", actor=None):
    """Add a document version to a DIP item; earlier versions stay listed. Exempt items have none."""
    current = DipItem.objects.select_for_update().get(pk=item.pk)
    if current.is_exempt:
        raise ValidationError(_("Exempt information is listed without its content, so it has no document."))
    version = DipDocumentVersion(
        item=current,
        number=DipDocumentVersion.next_number(current),
        link=link,
        note=note.strip(),
        created_by=actor,
    )
    if document:
        version.document = document
    version.full_clean(exclude=["item"])
    version.save()
    DipItem.objects.filter(pk=current.pk).update(updated_at=timezone.now())
    return version
