"""The CKAN action API, driven by the ckanapi client against a loopback server, as a harvester would."""

import ckanapi
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(loopback, published):
    return ckanapi.RemoteCKAN(loopback, user_agent="opendata-tests")


@pytest.fixture
def portal_by_get(loopback, published):
    return ckanapi.RemoteCKAN(loopback, get_only=True, user_agent="opendata-tests")


def test_package_list_names_every_entry(portal):
    names = portal.action.package_list()
    assert {"apbdes-baris-2024", "apbdes-baris-2025", "kim", "kunjungan", "ppid-statistik"} <= set(names)
    assert {"kim-kabar", "ppid-register", "ppid-dip"} <= set(names)


def test_package_show_gives_resources_and_satu_data_extras(portal_by_get, loopback):
    package = portal_by_get.action.package_show(id="apbdes-ringkasan-2025")
    assert package["title"].endswith("2025")
    assert package["organization"]["name"] == "pemerintah-desa"
    assert {r["format"] for r in package["resources"]} >= {"CSV", "JSON"}
    assert all(r["url"].startswith(loopback) for r in package["resources"])
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["walidata"] == "Dinas Komunikasi dan Informatika"
    assert extras["produsen_data"] == "Pemerintah desa"
    assert extras["kode_wilayah"] == "35.22"
    assert (extras["temporal_start"], extras["temporal_end"]) == ("2025-01-01", "2025-12-31")
    assert package["license_id"] == "cc-by"


def test_package_show_finds_a_package_by_its_id_too(portal):
    package = portal.action.package_show(id="kunjungan")
    assert portal.action.package_show(id=package["id"])["name"] == "kunjungan"


def test_unknown_package_is_ckans_not_found(portal):
    with pytest.raises(ckanapi.NotFound, match="Not found"):
        portal.action.package_show(id="tidak-ada")


def test_missing_id_is_a_validation_error_naming_the_field(portal_by_get):
    with pytest.raises(ckanapi.ValidationError) as raised:
        portal_by_get.action.package_show()
    assert raised.value.error_dict["id"] == ["Missing value"]


@pytest.mark.parametrize(("query", "expected"), [("apbdes", 4), ("KIM", 2), ("tidak-ada-kata-ini", 0)])
def test_package_search_counts_matches(portal, query, expected):
    assert portal.action.package_search(q=query)["count"] == expected


def test_package_search_pages_with_rows_and_start(portal):
    everything = portal.action.package_search(rows=100)
    first = portal.action.package_search(rows=2, start=0)
    second = portal.action.package_search(rows=2, start=2)
    assert everything["count"] == first["count"] == second["count"] >= 6
    names = [p["name"] for p in first["results"] + second["results"]]
    assert names == [p["name"] for p in everything["results"][:4]]


def test_rows_that_is_not_a_number_is_refused(portal_by_get):
    with pytest.raises(ckanapi.ValidationError) as raised:
        portal_by_get.action.package_search(rows="banyak")
    assert raised.value.error_dict["rows"] == ["Invalid integer"]


def test_search_filters_by_organization_as_harvesters_do(portal):
    result = portal.action.package_search(fq="organization:ppid-utama")
    assert [p["name"] for p in result["results"]] == ["ppid-statistik", "ppid-register", "ppid-dip"]


def test_organizations_are_the_producers(portal):
    assert portal.action.organization_list() == ["diskominfo", "pemerintah-desa", "ppid-utama"]
    detailed = portal.action.organization_list(all_fields=True)
    assert {o["name"]: o["package_count"] for o in detailed}["diskominfo"] == 3
    shown = portal.action.organization_show(id="pemerintah-desa", include_datasets=True)
    assert shown["package_count"] == len(shown["packages"]) == 4


def test_groups_are_the_themes(portal):
    assert set(portal.action.group_list()) == {"econ", "gove", "just", "soci"}


def test_unknown_action_is_a_bad_request(client, published):
    response = client.get("/api/3/action/package_delete")
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    assert body["error"]["__type"] == "Bad Request"
