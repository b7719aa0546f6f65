"""Feeds name their author, offer photos as enclosures and answer 304 when nothing changed."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, ET.fromstring(response.content)


@pytest.mark.parametrize("url", ["/kunjungan/feed/atom/", "/kim/kabar/feed/atom/", "/ppid/dip/feed/atom/"])
def test_every_atom_feed_names_the_government_as_author(client, url):
    _, feed = _atom(client, url)
    author = feed.find(f"{ATOM}author/{ATOM}name")
    assert author is not None
    assert author.text == "Dinas Komunikasi dan Informatika, Pemerintah Kabupaten Bojonegoro"


def test_visit_photos_are_enclosures_with_size_and_type(client, make_visit, make_photo):
    visit = make_visit(title="Studi tiru dengan foto")
    photo = make_photo(visit)
    _, feed = _atom(client, "/kunjungan/feed/atom/")
    entry = feed.find(f"{ATOM}entry")
    enclosures = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert len(enclosures) == 1
    assert enclosures[0].get("href") == "http://testserver" + photo.image.url
    assert enclosures[0].get("type") == "image/jpeg"
    assert int(enclosures[0].get("length")) == photo.image.size > 0


def test_rss_carries_the_first_photo_as_its_one_enclosure(client, make_visit, make_photo):
    visit = make_visit(title="Kunjungan berfoto")
    make_photo(visit)
    make_photo(visit)
    assert client.get("/kunjungan/feed/").content.count(b"<enclosure ") == 1
    atom = client.get("/kunjungan/feed/atom/").content
    assert atom.count(b'rel="enclosure"') == 2


def test_an_unchanged_feed_is_answered_304_with_no_queries_for_the_feed(
    client, make_visit, django_assert_max_num_queries
):
    make_visit(title="Kunjungan")
    first = client.get("/kunjungan/feed/atom/")
    with django_assert_max_num_queries(3):
        again = client.get("/kunjungan/feed/atom/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
