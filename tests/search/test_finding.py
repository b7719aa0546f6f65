"""Search finds what citizens type: accents, spacing, typos, task words, no over-stemming."""

import pytest
from django.db import connection

from portal import search
from portal.models import Village
from portal.search_text import compact_pairs, fold, terms


@pytest.fixture
def indexed(db):
    search.rebuild("district")
    search.rebuild("village")


def test_text_is_folded_and_names_compacted():
    assert fold("Bálihó APBDes") == "baliho apbdes"
    assert terms("  Sedah-Kidul!! a ") == ["sedah", "kidul"]
    assert compact_pairs("KIM Sendang Potro") == "kimsendang sendangpotro"


@pytest.mark.parametrize("query", ["Sedah Kidul", "sedah kidul", "SEDAHKIDUL", "sédahkidul", "sedahki"])
def test_village_is_found_written_together_apart_or_with_accents(indexed, query):
    assert search.top_urls(query, 1) == ["/wilayah/35.22.18.2007/"]


def test_a_typo_is_corrected_and_suggested(client, indexed):
    pages, entries, used, suggested = search.search("sedahkidol")
    assert suggested == used == "sedahkidul"
    assert entries.first().url == "/wilayah/35.22.18.2007/"
    html = client.get("/cari/", {"q": "sedahkidol"}).content.decode()
    assert '<a href="?q=sedahkidul">sedahkidul</a>' in html


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("keberatan", "/ppid/keberatan/baru/"),
        ("objection", "/ppid/keberatan/baru/"),
        ("permohonan informasi", "/ppid/permohonan/baru/"),
        ("village budget", "/apbdes/"),
        ("anggaran desa", "/apbdes/"),
        ("lacak", "/ppid/permohonan/lacak/"),
        ("statistik ppid", "/ppid/statistik/"),
    ],
)
def test_task_words_lead_to_the_page(client, db, query, url):
    assert search.matching_pages(query)[0].url == url
    html = client.get("/cari/", {"q": query}).content.decode()
    assert f'<a href="{url}">' in html


def test_a_name_is_not_stemmed(indexed):
    village = Village.objects.get(code="35.22.18.2007")
    village.name = "Perintah"
    village.save()
    search.rebuild("village")
    found = [entry.title for entry in search.matching("perintah")[:3]]
    assert found[0] == "Desa Perintah"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT names FROM portal_searchentry WHERE key = %s", ["35.22.18.2007"])
            assert "perintah" in cursor.fetchone()[0]
            cursor.execute(
                "SELECT search_document::text FROM portal_searchentry WHERE key = %s", ["35.22.18.2007"]
            )
            assert "'perintah':" in cursor.fetchone()[0]


def test_a_page_number_beyond_the_last_shows_the_last_page(client, indexed):
    response = client.get("/cari/", {"q": "desa", "jenis": "village", "page": "9999"})
    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert page_obj.number == page_obj.paginator.num_pages > 1
