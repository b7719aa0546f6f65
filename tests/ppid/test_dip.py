"""The Daftar Informasi Publik through the services: withdrawal, document versions, exemptions."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ppid import services
from ppid.models import DipCategory, DipItem, InfoRequest

D = datetime.date
S = InfoRequest.Status


def _item(unit, **fields):
    values = {
        "unit": unit,
        "category": DipCategory.BERKALA,
        "title": "APB Desa 2025",
        "holding_official": "Kaur Keuangan",
        "responsible_person": "Kepala Desa",
        "year": 2025,
        "retention_period": "5 tahun",
    }
    values.update(fields)
    return DipItem.objects.create(**values)


def test_withdrawing_a_dip_item_needs_a_reason(unit_sedahkidul):
    item = _item(unit_sedahkidul)
    services.change_dip_status(item=item, to_status="published")
    with pytest.raises(ValidationError, match="Say why the item is withdrawn"):
        services.change_dip_status(item=item, to_status="withdrawn", note="")


def test_a_new_document_version_keeps_the_old_one(unit_sedahkidul):
    item = _item(unit_sedahkidul)
    first = services.add_dip_version(item=item, link="https://desa.example/apbdes-v1.pdf", note="Awal")
    second = services.add_dip_version(item=item, link="https://desa.example/apbdes-v2.pdf", note="Koreksi")
    assert (first.number, second.number) == (1, 2)
    assert list(item.versions.order_by("number").values_list("link", flat=True)) == [
        "https://desa.example/apbdes-v1.pdf",
        "https://desa.example/apbdes-v2.pdf",
    ]
    assert item.current_version == second


def test_exempt_items_have_no_document(unit_sedahkidul):
    item = _item(
        unit_sedahkidul, category=DipCategory.DIKECUALIKAN, exemption_ground="h", consequence_test="Rahasia pribadi.",
        exempt_until=D(2030, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="listed without its content"):
        services.add_dip_version(item=item, link="https://desa.example/data.pdf")


def test_exempt_items_are_flagged_for_review_when_the_period_ends(unit_sedahkidul):
    ended = _item(
        unit_sedahkidul,
        category="dikecualikan",
        exemption_ground="i",
        consequence_test="Memo.",
        exempt_until=D(2025, 1, 1),
    )
    running = _item(
        unit_sedahkidul,
        category="dikecualikan",
        exemption_ground="h",
        consequence_test="Data.",
        exempt_until=D(2030, 1, 1),
    )
    assert list(DipItem.objects.exemption_ended(today=D(2025, 6, 1))) == [ended]
    assert ended.exemption_ended(today=D(2025, 1, 1)) and not running.exemption_ended(today=D(2025, 6, 1))


def test_a_new_item_starts_as_a_draft_with_its_first_history_row(unit_sedahkidul, ppid_utama):
    item = DipItem(
        unit=unit_sedahkidul,
        category=DipCategory.BERKALA,
        title="RKP Desa 2026",
        holding_official="Kaur Perencanaan",
        responsible_person="Kepala Desa",
        year=2026,
        retention_period="5 tahun",
    )
    services.create_dip_item(item=item, actor=ppid_utama)
    entry = item.events.get()
    assert (item.status, entry.from_status, entry.to_status) == (
        DipItem.Status.DRAFT,
        "",
        DipItem.Status.DRAFT,
    )
    assert entry.actor == ppid_utama and not entry.is_public
