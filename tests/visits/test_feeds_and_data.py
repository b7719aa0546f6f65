"""RSS and Atom feeds, the CSV and JSON downloads and the sitemap: published visits only."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.sitemaps.views import sitemap
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from portal.models import Village
from tests.conftest import SEDAHKIDUL
from visits.models import Visit
from visits.sitemaps import sitemaps

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published_and_hidden(make_visit, make_topic):
    kim = make_topic("KIM", "kim")
    sedahkidul = Village.objects.get(code=SEDAHKIDUL)
    older = make_visit(
        title="Kunjungan lama",
        publish_at=datetime.datetime(2017, 9, 19, 9, 0, tzinfo=datetime.UTC),
        topics=[kim],
        villages=[sedahkidul],
        summary="Ringkasan lama.",
        author_credit="Nuty/Dinkominfo",
        start_date=datetime.date(2017, 9, 19),
    )
    newer = make_visit(
        title="Kunjungan baru",
        is_sample=True,
        summary="Ringkasan baru.",
        start_date=datetime.date(2019, 1, 7),
    )
    make_visit(title="Draf rahasia", status=Visit.Status.DRAFT)
    make_visit(title="Terjadwal rahasia", status=Visit.Status.SCHEDULED)
    return older, newer


def test_rss_feed_lists_published_visits_newest_publication_first(client, published_and_hidden):
    older, newer = published_and_hidden
    response = client.get(reverse("visits:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Kunjungan baru", "Kunjungan lama"]
    first, second = items
    assert first.findtext("link") == f"http://testserver{newer.get_absolute_url()}"
    assert first.findtext("description") == "Sample data, not an official record. Ringkasan baru."
    assert second.findtext("description") == "Ringkasan lama."
    assert second.findtext("pubDate") == "Tue, 19 Sep 2017 09:00:00 +0000"
    assert [c.text for c in second.findall("category")] == ["KIM"]
    assert "Pemerintah Kabupaten Bojonegoro" in channel.findtext("title")


def test_atom_feed_carries_the_same_entries(client, published_and_hidden):
    response = client.get(reverse("visits:feed-atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Kunjungan baru", "Kunjungan lama"]
    assert entries[1].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Nuty/Dinkominfo"
    assert entries[1].findtext(f"{ATOM}published").startswith("2017-09-19T")


def test_csv_lists_every_published_visit(client, published_and_hidden):
    older, _newer = published_and_hidden
    response = client.get(reverse("visits:data-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["judul"] for row in rows] == ["Kunjungan baru", "Kunjungan lama"]
    old = rows[1]
    assert old["tanggal"] == "2017-09-19"
    assert old["jenis"] == "studi_banding"
    assert old["instansi"] == "Pemerintah Kota Magelang"
    assert old["jenis_instansi"] == "pemkot"
    assert (old["kode_provinsi"], old["provinsi"]) == ("33", "Jawa Tengah")
    assert old["topik"] == "KIM"
    assert old["desa"] == f"{SEDAHKIDUL} Sedahkidul"
    assert old["url"] == f"http://testserver{older.get_absolute_url()}"
    assert old["diterbitkan"] == "2017-09-19T16:00:00+07:00"
    assert (rows[0]["data_contoh"], old["data_contoh"]) == ("true", "false")


def test_json_has_the_same_visits_with_lists(client, published_and_hidden):
    data = json.loads(client.get(reverse("visits:data-json")).content)
    assert data["count"] == 2
    old = data["visits"][1]
    assert old["topik"] == ["KIM"]
    assert old["desa"][0]["kode"] == SEDAHKIDUL and old["desa"][0]["nama"] == "Sedahkidul"
    assert old["data_contoh"] is False
    assert "Draf rahasia" not in json.dumps(data)


def test_sitemap_lists_published_visits_with_their_last_change(published_and_hidden):
    older, newer = published_and_hidden
    request = RequestFactory().get("/sitemap.xml")
    response = sitemap(request, sitemaps=sitemaps)
    response.render()
    xml = response.content.decode()
    assert f"http://testserver{older.get_absolute_url()}" in xml
    assert f"http://testserver{newer.get_absolute_url()}" in xml
    assert "rahasia" not in xml
    assert f"<lastmod>{timezone.localtime(older.updated_at).date().isoformat()}</lastmod>" in xml
    assert "http://testserver/kunjungan/statistik/" in xml


@pytest.mark.parametrize("extra", [0, 10])
def test_feed_and_data_queries_do_not_grow_with_visits(
    client, published_and_hidden, make_visit, django_assert_max_num_queries, extra
):
    for _ in range(extra):
        make_visit()
    # The visits, their topics and their photos (the enclosures).
    with django_assert_max_num_queries(3):
        client.get(reverse("visits:feed"))
    # One of them is the last change, read first so that a 304 costs only that query.
    with django_assert_max_num_queries(4):
        client.get(reverse("visits:data-csv"))
