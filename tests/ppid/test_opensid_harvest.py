"""Harvesting a village's OpenSID ``/ppid`` feed into its DIP, against a fake site on loopback."""

import datetime

import pytest
from django.core.management import call_command

from ppid.harvest import harvest_source
from ppid.models import DipCategory, DipItem, HarvestedDocument, OpenSidSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(opensid, unit_sedahkidul):
    return OpenSidSource.objects.create(unit=unit_sedahkidul, site_url=opensid.url)


def harvested(external_id):
    return HarvestedDocument.objects.select_related("item").get(external_id=str(external_id)).item


def test_first_harvest_files_public_documents_and_leaves_out_the_rest(opensid, source):
    opensid.feed(
        [
            opensid.row(12, nama="APBDes 2024", kategori="1", tahun="2024"),
            opensid.row(13, nama="Laporan bencana", kategori="2"),
            opensid.row(14, nama="Daftar aset", kategori="3"),
            opensid.row(15, nama="Hasil penyidikan", kategori="4"),
            opensid.row(16, nama="Dokumen nonaktif", enabled="0"),
            opensid.row(17, nama="SK Kades", kategori="2", kategori_info_publik="1"),
        ]
    )
    counts = harvest_source(source)
    assert counts["new"] == 3 and counts["left_out"] == 3
    assert opensid.requests == ["/ppid"]
    item = harvested(12)
    assert (item.title, item.category, item.year, item.status) == (
        "APBDes 2024",
        DipCategory.BERKALA,
        2024,
        DipItem.Status.PUBLISHED,
    )
    assert (
        item.unit == source.unit and item.current_version.link == f"{opensid.url}/dokumen_web/unduh_berkas/12"
    )
    assert item.events.count() == 2
    assert harvested(13).category == DipCategory.SERTA_MERTA
    assert not HarvestedDocument.objects.filter(external_id__in=["15", "16", "17"]).exists()
    source.refresh_from_db()
    assert source.last_error == "" and source.synced_until is not None
    assert source.last_summary.startswith("3 ")


def test_next_harvest_asks_for_changes_since_the_last_one(opensid, source):
    opensid.feed([opensid.row(12)])
    harvest_source(source, now=datetime.datetime(2025, 3, 1, 6, tzinfo=datetime.UTC))
    opensid.feed([opensid.row(12, aksi="2", nama="APBDes 2025 perubahan", updated_at="2025-03-02 08:00:00")])
    counts = harvest_source(source)
    assert opensid.requests[-1] == "/ppid?tgl_dari=01-03-2025"
    assert counts["changed"] == 1
    item = harvested(12)
    assert item.title == "APBDes 2025 perubahan" and item.versions.count() == 2


def test_a_value_the_officer_changed_is_never_overwritten(opensid, source):
    opensid.feed([opensid.row(12, nama="APBDes", tahun="2024")])
    harvest_source(source)
    item = harvested(12)
    item.title = "APBDes Desa Sedahkidul 2024 (diperbaiki)"
    item.save()
    opensid.feed([opensid.row(12, aksi="2", nama="APBDes baru", tahun="2025")])
    harvest_source(source)
    item.refresh_from_db()
    assert item.title == "APBDes Desa Sedahkidul 2024 (diperbaiki)" and item.year == 2025


def test_items_entered_by_hand_are_left_alone(opensid, source, unit_sedahkidul):
    from ppid import services

    own = services.create_dip_item(
        item=DipItem(
            unit=unit_sedahkidul,
            category=DipCategory.BERKALA,
            title="Dokumen 12",
            year=2025,
            holding_official="Sekdes",
            responsible_person="Sekdes",
            retention_period="5 tahun",
        )
    )
    opensid.feed([opensid.row(12, aksi="3")])
    harvest_source(source)
    own.refresh_from_db()
    assert own.status == DipItem.Status.DRAFT and own.title == "Dokumen 12"


def test_deleted_document_is_withdrawn_and_comes_back_when_restored(opensid, source):
    opensid.feed([opensid.row(12)])
    harvest_source(source)
    opensid.feed([opensid.row(12, aksi="3")])
    assert harvest_source(source)["withdrawn"] == 1
    assert harvested(12).status == DipItem.Status.WITHDRAWN
    opensid.feed([opensid.row(12, aksi="2", updated_at="2025-04-01 09:00:00")])
    harvest_source(source)
    assert harvested(12).status == DipItem.Status.PUBLISHED


def test_repeating_a_harvest_files_nothing_twice(opensid, source):
    opensid.feed([opensid.row(12), opensid.row(13)])
    harvest_source(source)
    counts = harvest_source(source)
    assert counts["unchanged"] == 2 and DipItem.objects.count() == 2


def test_command_harvests_every_active_site(opensid, source, capsys):
    opensid.feed([opensid.row(12)])
    call_command("harvest_opensid")
    assert "1 new" in capsys.readouterr().out
    assert DipItem.objects.filter(status=DipItem.Status.PUBLISHED).count() == 1
