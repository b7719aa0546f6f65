"""Public region pages: the kecamatan list, one kecamatan, one village, 404s."""

import pytest

from portal.models import VillageOfficial


def test_region_index_lists_every_kecamatan_with_counts(client, db):
    response = client.get("/wilayah/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "28 kecamatan" in html and "430" in html and "419" in html
    assert 'href="/wilayah/35.22.18/"' in html  # Purwosari
    assert 'href="/wilayah/35.22.18.2007/"' in html  # Sedahkidul
    assert html.count('class="district-card"') == 28


def test_region_index_finds_villages_by_partial_name(client, db):
    html = client.get("/wilayah/", {"q": "sedahki"}).content.decode()
    assert "Desa Sedahkidul" in html and "Kecamatan Purwosari" in html


def test_region_index_search_with_no_match_says_so(client, db):
    response = client.get("/wilayah/", {"q": "zzzz'; --"})
    assert response.status_code == 200
    assert "No village matches" in response.content.decode() or "Tidak ada desa" in response.content.decode()


def test_district_page_lists_its_villages(client, db):
    html = client.get("/wilayah/35.22.18/").content.decode()
    assert "<h1>Kecamatan Purwosari</h1>" in html
    assert 'href="/wilayah/35.22.18.2007/"' in html


def test_village_page_shows_village_facts_and_officials(client, db):
    VillageOfficial.objects.create(village_id="35.22.18.2007", name="Sri Wahyuni", position="Kepala Desa")
    html = client.get("/wilayah/35.22.18.2007/").content.decode()
    assert "<h1>Desa Sedahkidul</h1>" in html
    assert "35.22.18.2007" in html
    assert "Sri Wahyuni" in html
    assert 'href="/wilayah/35.22.18/"' in html


def test_kelurahan_page_is_labelled_kelurahan(client, db):
    html = client.get("/wilayah/35.22.15.1001/").content.decode()
    assert "<h1>Kelurahan Jetak</h1>" in html


@pytest.mark.parametrize(
    "path",
    [
        "/wilayah/35.22.99/",
        "/wilayah/35.22.18.2999/",
        "/wilayah/35.22/",
        "/wilayah/3.5/",
        "/wilayah/35.22.18.3001/",
    ],
)
def test_unknown_codes_give_the_friendly_404_page(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "wilayah" in response.content.decode()  # the page links back to the region list
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.parametrize("path", ["/wilayah/", "/wilayah/35.22.18/", "/wilayah/35.22.18.2007/"])
def test_region_pages_have_a_fixed_query_count(client, db, django_assert_max_num_queries, path):
    with django_assert_max_num_queries(12):
        client.get(path)
    for n in range(10):
        VillageOfficial.objects.create(village_id="35.22.18.2007", name=f"Pejabat {n}", position="Kaur")
    with django_assert_max_num_queries(12):
        client.get(path)


def test_server_error_page_is_friendly_and_in_the_sites_look(rf, db):
    from portal.views import server_error

    response = server_error(rf.get("/apbdes/2025/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header"' in html and "Pemerintah Kabupaten Bojonegoro" in html
    assert "Terjadi kesalahan" in html or "Something went wrong" in html
    assert "Traceback" not in html
