"""The portal as one site: home page, search, sitemap, feeds, metadata and open data."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from portal import search
from tests.conftest import SEDAHKIDUL

KINDS = {"village", "visit", "kim", "kim_post", "dip", "request", "budget", "unit"}


def test_home_page_shows_the_latest_of_every_domain(client, portal):
    html = client.get("/").content.decode()
    year = timezone.localdate().year
    assert portal["visit"].title in html and portal["post"].title in html
    assert portal["draft_visit"].title not in html and portal["draft_post"].title not in html
    # Kelurahan have no APBDes: the count is out of the 419 desa only.
    assert re.search(rf"1 (dari|of) 419 (desa|villages)[^<]*APBDes {year}", html)
    assert f'href="/apbdes/{year}/#belum"' in html
    ppid = re.search(r'aria-labelledby="beranda-ppid">.*?</section>', html, re.S).group(0)
    assert re.search(r'figure__value">1</span>', ppid)
    assert 'href="/ppid/permohonan/baru/"' in html and 'href="/wilayah/"' in html


def test_home_page_query_count_does_not_grow(
    client, portal, make_visit, publish_budget, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16) as small:
        client.get("/")
    for n in range(6):
        make_visit(title=f"Kunjungan tambahan {n}")
    from tests.ogp.conftest import ORIGINAL

    publish_budget(ORIGINAL, code="35.22.18.2001", year=timezone.localdate().year)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/")


def test_home_page_is_served_from_the_shared_cache_for_a_minute(client, portal, settings):
    settings.PAGE_CACHE_SECONDS = 60
    response = client.get("/")
    assert "max-age=60" in response["Cache-Control"]


def test_search_finds_every_kind_and_nothing_unpublished(client, portal):
    search.rebuild()
    response = client.get("/cari/", {"q": "Sedahkidul"})
    kinds = {prov.kind for prov, _n in response.context["counts"]}
    assert kinds == KINDS
    html = response.content.decode()
    assert portal["draft_visit"].title not in html
    assert not search.matching("rahasia").exists()
    assert not search.matching("belum terbit").exists()
    assert portal["request"].requester_name not in html


@pytest.mark.parametrize("limit", [1, 3])
def test_best_of_each_kind_in_two_queries_equals_each_kind_searched_alone(
    portal, limit, django_assert_num_queries
):
    search.rebuild()
    query = "Sedahkidul"
    with django_assert_num_queries(2):
        best = search.best_by_kind(query, limit)
    counts = search.counts_by_kind(query)
    assert set(best) == set(counts) == KINDS
    for kind, (matches, entries) in best.items():
        assert matches == counts[kind]
        assert entries == list(search.matching(query).filter(kind=kind)[:limit])
    assert search.best_by_kind("", limit) == {}


def test_an_entry_removed_between_the_two_queries_is_left_out(portal, monkeypatch):
    from django.db.models import QuerySet

    from portal.models import SearchEntry

    search.rebuild()
    in_bulk = QuerySet.in_bulk

    def in_bulk_after_a_refresh(queryset, ids, **kwargs):
        SearchEntry.objects.filter(kind="visit").delete()
        return in_bulk(queryset, ids, **kwargs)

    monkeypatch.setattr(QuerySet, "in_bulk", in_bulk_after_a_refresh)
    best = search.best_by_kind("Sedahkidul", 3)
    assert "visit" not in best and set(best) == KINDS - {"visit"}


def test_sitemap_lists_published_items_only(client, portal):
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", index)
    assert len(sections) >= 8
    every = "".join(client.get(section).content.decode() for section in sections)
    assert portal["visit"].get_absolute_url() in every
    assert portal["post"].get_absolute_url() in every
    assert portal["dip"].get_absolute_url() in every
    assert portal["draft_visit"].get_absolute_url() not in every
    assert portal["draft_post"].get_absolute_url() not in every
    assert "/admin/" not in every and "/lacak/" not in every
    assert "<lastmod>" in every


@pytest.mark.parametrize(
    "url",
    [
        "/kunjungan/feed/",
        "/kunjungan/feed/atom/",
        "/kim/kabar/feed/",
        "/kim/kabar/feed/atom/",
        "/ppid/dip/feed/",
        "/ppid/dip/feed/atom/",
    ],
)
def test_feeds_are_valid_xml_with_published_items_only(client, portal, url):
    body = client.get(url).content.decode()
    root = ET.fromstring(body)
    assert root.tag in ("rss", "{http://www.w3.org/2005/Atom}feed")
    for draft in (portal["draft_visit"].title, portal["draft_post"].title):
        assert draft not in body
    expected = {"kunjungan": portal["visit"].title, "kim": portal["post"].title, "ppid": portal["dip"].title}
    assert expected[url.split("/")[1]] in body


def test_feed_index_links_every_feed(client, portal):
    html = client.get("/feed/").content.decode()
    for url in ["/kunjungan/feed/", "/kim/kabar/feed/atom/", "/ppid/dip/feed/", "/ppid/dip/feed/atom/"]:
        assert f'href="{url}"' in html


PUBLIC_PAGES = [
    "/",
    "/wilayah/",
    "/wilayah/35.22.18/",
    f"/wilayah/{SEDAHKIDUL}/",
    "/kunjungan/",
    "/kunjungan/statistik/",
    "/kim/",
    "/kim/kabar/",
    "/kim/cakupan/",
    "/ppid/",
    "/ppid/dip/",
    "/ppid/register/",
    "/ppid/statistik/",
    "/ppid/ikm/",
    "/apbdes/",
    "/keterbukaan/",
    "/ogp/",
    "/data/",
    "/feed/",
    "/tentang/",
]


def test_every_public_page_has_unique_title_description_canonical_and_open_graph(client, portal):
    pages = PUBLIC_PAGES + [
        portal["visit"].get_absolute_url(),
        portal["post"].get_absolute_url(),
        portal["kim"].get_absolute_url(),
        portal["dip"].get_absolute_url(),
        portal["request"].get_absolute_url(),
        f"/apbdes/{timezone.localdate().year}/{SEDAHKIDUL}/",
    ]
    titles = {}
    for url in pages:
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title not in titles, f"{url} has the same title as {titles.get(title)}"
        titles[title] = url
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert description and description.group(1).strip(), url
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        # /apbdes/ shows the latest year and names /apbdes/<year>/ as its canonical address.
        assert canonical == f"http://testserver{url}" or (
            url == "/apbdes/" and canonical.startswith("http://testserver/apbdes/2")
        ), url
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert f'property="{prop}"' in html, (url, prop)


def test_dataset_downloads_match_the_pages(client, portal):
    catalogue = client.get("/data/")
    keys = {dataset.key for dataset, _downloads, _updated, _formats in catalogue.context["datasets"]}
    formats = {
        dataset.key: offered for dataset, _downloads, _updated, offered in catalogue.context["datasets"]
    }
    assert formats["kunjungan"] == "CSV, JSON, XLSX"  # the typed XLSX copy is named with the rest
    assert keys == {"kunjungan", "kim", "kim-kabar", "ppid-statistik", "ppid-register", "ppid-dip"} | {
        "apbdes-baris",
        "apbdes-ringkasan",
    }

    visits = json.loads(client.get("/kunjungan/data.json").content)
    assert visits["count"] == client.get("/kunjungan/").context["paginator"].count == 1

    kims = json.loads(client.get("/kim/data.json").content)
    assert [k["name"] for k in kims["kim"]] == ["KIM Sendang Potro"]
    assert client.get("/kim/").context["paginator"].count == 1

    year = timezone.localdate().year
    summary = json.loads(client.get(f"/apbdes/{year}/ringkasan.json").content)
    page = client.get(f"/apbdes/{year}/").context
    assert sum(v["belanja"] for v in summary["desa"]) == page["overview"].totals["spending"]
    lines = json.loads(b"".join(client.get(f"/apbdes/{year}/baris.json").streaming_content))
    spending = sum(line["anggaran"] for line in lines["baris"] if line["kode_rekening"].startswith("5"))
    assert spending == page["overview"].totals["spending"]

    stats = json.loads(client.get("/ppid/statistik.json").content)
    assert sum(row["requests"] for row in stats["rows"]) == 1


def test_kecamatan_page_summarises_its_villages_in_one_table(client, portal, django_assert_max_num_queries):
    response = client.get("/wilayah/35.22.18/")
    summary = response.context["summary"]
    row = next(r for r in summary.rows if r.village.code == SEDAHKIDUL)
    assert (row.budget_published, row.active_kims, row.has_ppid) == (True, 1, True)
    assert (summary.published, summary.with_kim, summary.with_ppid) == (1, 1, 1)
    others = [r for r in summary.rows if r.village.code != SEDAHKIDUL]
    assert others and not any(r.budget_published or r.active_kims or r.has_ppid for r in others)
    html = response.content.decode()
    assert f'href="/apbdes/{summary.year}/{SEDAHKIDUL}/"' in html


def test_village_page_gathers_every_domain(client, portal):
    html = client.get(f"/wilayah/{SEDAHKIDUL}/").content.decode()
    year = timezone.localdate().year
    for expected in (
        f"/apbdes/{year}/{SEDAHKIDUL}/",  # budget summary
        portal["dip"].get_absolute_url(),  # PPID and its disclosures
        portal["kim"].get_absolute_url(),  # KIMs
        portal["post"].get_absolute_url(),  # their latest news
        portal["visit"].get_absolute_url(),  # visits that came there
    ):
        assert expected in html, expected
    markers = [
        f"/apbdes/{year}/{SEDAHKIDUL}/",
        portal["dip"].get_absolute_url(),
        portal["kim"].get_absolute_url(),
    ]
    markers.append(portal["visit"].get_absolute_url())
    order = [html.index(marker) for marker in markers]
    assert order == sorted(order)
