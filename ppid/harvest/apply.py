"""Filing harvested documents into a village's DIP, through the DIP services only.

New public documents become published DIP items with a link to the original;
a change updates only the values the officer has not changed by hand since the
last harvest and adds a document version when the original changed; a
deleted, disabled or no longer public document withdraws the item. An item the
officer withdrew by hand stays withdrawn.
"""

from collections import Counter

from django.utils.translation import gettext as _

from .. import services
from ..models import DipItem, HarvestedDocument

HARVESTED_FIELDS = ("title", "category", "year")
REMOVED_NOTE = "Removed from the village's OpenSID site or no longer public information."


def _new_item(source, doc):
    unit = source.unit
    item = DipItem(
        unit=unit,
        category=doc.category,
        title=doc.title,
        year=doc.year,
        summary=_("Taken in from the village's OpenSID site."),
        holding_official=unit.officer_position or unit.name,
        responsible_person=unit.officer_name or unit.atasan_position,
        produced_on=doc.produced_on,
        produced_place=unit.village.name if unit.village_id else "",
        retention_period=_("as kept by the village"),
    )
    services.create_dip_item(item=item)
    services.add_dip_version(item=item, link=doc.link, note=_("Harvested from OpenSID"))
    services.change_dip_status(item=item, to_status=DipItem.Status.PUBLISHED)
    HarvestedDocument.objects.create(
        source=source,
        item=item,
        kode_desa=doc.kode_desa,
        external_id=doc.external_id,
        remote_updated_at=doc.updated_at,
        link=doc.link,
        harvested_title=doc.title,
        harvested_category=doc.category,
        harvested_year=doc.year,
    )
    return "new"


def _withdrawn_by_harvest(item):
    last = item.events.order_by("-at", "-pk").first()
    return last is not None and last.actor_id is None and last.to_status == DipItem.Status.WITHDRAWN


def _update_item(record, doc):
    item = record.item
    changed = []
    for field in HARVESTED_FIELDS:
        harvested = getattr(record, f"harvested_{field}")
        # A value the officer changed since the last harvest is theirs and stays.
        if getattr(item, field) == harvested and getattr(doc, field) != harvested:
            setattr(item, field, getattr(doc, field))
            changed.append(field)
    if changed:
        item.save(update_fields=[*changed, "updated_at"])
    original_changed = doc.link != record.link or doc.updated_at != record.remote_updated_at
    if original_changed and not item.is_exempt:
        services.add_dip_version(item=item, link=doc.link, note=_("Changed on the village's OpenSID site"))
    if item.status == DipItem.Status.WITHDRAWN and _withdrawn_by_harvest(item):
        services.change_dip_status(item=item, to_status=DipItem.Status.PUBLISHED)
        changed.append("status")
    record.remote_updated_at = doc.updated_at
    record.link = doc.link
    record.harvested_title, record.harvested_category, record.harvested_year = (
        doc.title,
        doc.category,
        doc.year,
    )
    record.save()
    return "changed" if changed or original_changed else "unchanged"


def _remove(record):
    if record is None:
        return "left_out"
    if record.item.status == DipItem.Status.PUBLISHED:
        services.change_dip_status(item=record.item, to_status=DipItem.Status.WITHDRAWN, note=REMOVED_NOTE)
        return "withdrawn"
    return "unchanged"


def apply_document(source, doc):
    """File one feed row; returns what happened: new, changed, unchanged, withdrawn or left_out."""
    record = (
        HarvestedDocument.objects.select_related("item")
        .filter(source=source, kode_desa=doc.kode_desa, external_id=doc.external_id)
        .first()
    )
    if doc.deleted or not doc.enabled or not doc.is_public:
        return _remove(record)
    if record is None:
        return _new_item(source, doc)
    return _update_item(record, doc)


def apply_documents(source, docs):
    return Counter(apply_document(source, doc) for doc in docs)
