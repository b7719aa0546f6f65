"""Loading the territory from the Kemendagri file."""

import pytest
from django.core.management import CommandError, call_command

from portal import services, wilayah
from portal.models import District, Village


def counts(code):
    villages = Village.objects.filter(code__startswith=code + ".")
    return (
        District.objects.filter(code__startswith=code + ".").count(),
        villages.filter(kind="desa").count(),
        villages.filter(kind="kelurahan").count(),
    )


def test_bojonegoro_has_28_kecamatan_419_desa_11_kelurahan(db):
    result = services.load_regions(code="35.22")
    assert (result.districts, result.desa, result.kelurahan) == (28, 419, 11)
    assert counts("35.22") == (28, 419, 11)


def test_kota_magelang_has_3_kecamatan_and_17_kelurahan(db):
    result = services.load_regions(code="33.71")
    assert (result.districts, result.desa, result.kelurahan) == (3, 0, 17)
    assert counts("33.71") == (3, 0, 17)
    assert result.regency.government_name == "Pemerintah Kota Magelang"


def test_loading_twice_changes_nothing(db):
    services.load_regions(code="33.71")
    before = list(
        Village.objects.filter(code__startswith="33.71.").values_list("code", "name", "kind", "district_id")
    )
    again = services.load_regions(code="33.71")
    after = list(
        Village.objects.filter(code__startswith="33.71.").values_list("code", "name", "kind", "district_id")
    )
    assert again.districts_created == again.villages_created == again.updated == 0
    assert before == after


def test_renamed_village_is_corrected_on_reload(db):
    Village.objects.filter(code="35.22.18.2007").update(name="Sedah Kidul (lama)")
    result = services.load_regions(code="35.22")
    assert result.updated == 1
    assert Village.objects.get(code="35.22.18.2007").name == "Sedahkidul"


@pytest.mark.parametrize(
    "code, message",
    [
        ("99.99", "tidak ada dalam daftar kode wilayah Kemendagri"),
        ("35.22.18", "bukan kode kabupaten/kota"),
        ("3522", "bukan kode kabupaten/kota"),
        ("", "bukan kode kabupaten/kota"),
        ("35.22; DROP TABLE", "bukan kode kabupaten/kota"),
    ],
)
def test_bad_code_fails_clearly_and_writes_nothing(db, code, message):
    before = (District.objects.count(), Village.objects.count())
    with pytest.raises(CommandError, match=message):
        call_command("load_regions", code=code)
    assert (District.objects.count(), Village.objects.count()) == before


def test_kind_comes_from_the_code(db):
    assert Village.objects.get(code="35.22.18.2007").kind == "desa"
    assert Village.objects.get(code="35.22.15.1001").kind == "kelurahan"
    assert wilayah.village_kind("33.71.01.1001") == "kelurahan"


def test_names_come_from_the_region_data():
    bojonegoro = wilayah.regency("35.22")
    assert bojonegoro.full_name == "Kabupaten Bojonegoro"
    assert bojonegoro.government_name == "Pemerintah Kabupaten Bojonegoro"
    assert bojonegoro.province_name == "Jawa Timur"
    magelang = wilayah.regency("33.71")
    assert (magelang.kind, magelang.name, magelang.province_name) == ("kota", "Magelang", "Jawa Tengah")
    assert wilayah.province_name("33.71") == "Jawa Tengah"


def test_village_search_ignores_case_and_accents(db):
    found = list(Village.objects.search("SÉDAHkid").values_list("code", flat=True))
    assert found == ["35.22.18.2007"]
    assert not Village.objects.search("   ").exists()


def test_another_city_deploys_by_setting_its_region_code(client, db, settings):
    settings.REGION_CODE = "33.71"
    call_command("load_regions", verbosity=0)
    for path in ["/", "/wilayah/33.71.01/", "/wilayah/33.71.01.1003/", "/tentang/"]:
        html = client.get(path).content.decode()
        assert "Pemerintah Kota Magelang" in html, path
        assert "Bojonegoro" not in html, path
