"""Site-wide search: the index, hostile queries and the page."""

import pytest

from portal import search
from portal.models import SearchEntry, Village


@pytest.fixture
def indexed(db):
    search.rebuild("village")


def test_rebuild_indexes_every_village(indexed):
    assert SearchEntry.objects.filter(kind="village").count() == Village.objects.count()


def test_partial_name_finds_the_village(client, indexed):
    html = client.get("/cari/", {"q": "sedahki"}).content.decode()
    assert 'href="/wilayah/35.22.18.2007/"' in html
    assert "Desa Sedahkidul" in html


def test_every_word_must_match(indexed):
    assert [e.title for e in search.matching("Sedahkidul Purwosari")] == ["Desa Sedahkidul"]
    assert not search.matching("Sedahkidul Sumberejo").exists()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "'; DROP TABLE portal_village; --",
        "%_%",
        "😀🙈",
        "a\x00b",
        "\u202e\u0000\x1b[31m",
        "x" * 5000,
        "!!! ??? &&& || :* <script>alert(1)</script>",
        "sedah:* & !",
    ],
)
def test_hostile_queries_return_a_page(client, indexed, query):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_query_is_cleaned_and_capped():
    assert search.clean_query("  a\x00b\n\tc  ") == "a b c"
    assert len(search.clean_query("x" * 5000)) == search.MAX_QUERY_LENGTH


def test_saving_a_village_refreshes_its_entry(indexed, django_capture_on_commit_callbacks):
    village = Village.objects.get(code="35.22.18.2007")
    village.name = "Sedahkidul Baru"
    with django_capture_on_commit_callbacks(execute=True):
        village.save()
    assert SearchEntry.objects.get(kind="village", key="35.22.18.2007").title == "Desa Sedahkidul Baru"


def test_entries_not_yet_visible_are_not_found(indexed):
    from datetime import timedelta

    from django.utils import timezone

    SearchEntry.objects.filter(key="35.22.18.2007").update(visible_from=timezone.now() + timedelta(days=1))
    assert not search.matching("Sedahkidul").exists()


def test_unknown_kind_is_ignored(client, indexed):
    response = client.get("/cari/", {"q": "sedah", "jenis": "nope"})
    assert response.status_code == 200
    assert "Desa Sedahkidul" in response.content.decode()


def test_one_kind_is_paginated(client, indexed):
    response = client.get("/cari/", {"q": "desa", "jenis": "village"})
    page = response.context["page_obj"]
    assert page.paginator.per_page == 20 and page.paginator.count > 400
    second = client.get("/cari/", {"q": "desa", "jenis": "village", "page": 2}).context["page_obj"]
    assert second.number == 2
    assert client.get("/cari/", {"q": "desa", "jenis": "village", "page": "abc"}).status_code == 200


def test_search_query_count_is_fixed(client, indexed, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        client.get("/cari/", {"q": "desa"})
    with django_assert_max_num_queries(10):
        client.get("/cari/", {"q": "desa", "jenis": "village", "page": 3})


def test_search_is_throttled_per_client(client, indexed):
    statuses = {client.get("/cari/", {"q": "x"}).status_code for _ in range(61)}
    assert 429 in statuses


@pytest.mark.django_db(transaction=True)
def test_a_failing_index_refresh_never_fails_or_undoes_the_save(monkeypatch, caplog):
    def broken(kind, objects):
        raise RuntimeError("search index unavailable")

    monkeypatch.setattr(search, "refresh", broken)
    village = Village.objects.get(code="35.22.18.2007")
    village.website = "https://sedahkidul.desa.id"
    with caplog.at_level("ERROR"):
        village.save()  # autocommit: the on-commit refresh runs here, and fails
    assert Village.objects.get(code="35.22.18.2007").website == "https://sedahkidul.desa.id"
    assert "search index unavailable" in caplog.text
