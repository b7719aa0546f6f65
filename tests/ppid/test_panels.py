import pytest

from portal.models import District, Village
from ppid import panels as ppid_panels
from ppid import services
from ppid.models import DipCategory, DipItem
from tests.conftest import SEDAHKIDUL, SUMBERREJO


def _items(unit, count):
    for index in range(count):
        item = DipItem.objects.create(
            unit=unit, category=DipCategory.BERKALA, title=f"Laporan desa {index}", holding_official="Sekdes",
            responsible_person="Kades", year=2025, retention_period="5 tahun",
        )  # fmt: skip
        services.change_dip_status(item=item, to_status="published")


def test_village_page_shows_its_ppid_officer_decree_and_disclosures(client, unit_sedahkidul):
    _items(unit_sedahkidul, 3)
    html = client.get(f"/wilayah/{SEDAHKIDUL}/").content.decode()
    assert "Sekdes Sedahkidul" in html and "SK Kepala Desa Sedahkidul Nomor 7/2017" in html
    assert "Laporan desa 2" in html
    assert "/ppid/permohonan/baru/?unit=desa-sedahkidul" in html


def test_village_without_a_ppid_says_so(client, unit_sedahkidul):
    html = client.get(f"/wilayah/{SUMBERREJO}/").content.decode()
    assert "PPID Utama" in html and "Sekdes Sedahkidul" not in html


@pytest.mark.parametrize("count", [2, 12])
def test_village_panel_runs_two_queries(unit_sedahkidul, django_assert_num_queries, count):
    _items(unit_sedahkidul, count)
    village = Village.objects.get(code=SEDAHKIDUL)
    with django_assert_num_queries(2):
        context = ppid_panels.village_ppid(village)
    assert len(context["dip_items"]) == min(count, 8)
    assert context["more_items"] == (count > 8)


def test_district_panel_shows_coverage(client, unit_sedahkidul, django_assert_num_queries):
    district = District.objects.get(code="35.22.18")
    with django_assert_num_queries(2):
        context = ppid_panels.district_coverage(district)
    desa = district.villages.filter(kind="desa").count()
    assert (context["coverage"].with_ppid, context["coverage"].villages) == (1, desa)
    html = client.get("/wilayah/35.22.18/").content.decode()
    assert "PPID Desa Sedahkidul" in html
    assert f"1 of {desa}" in html or f"1 dari {desa}" in html
