"""HTTP conventions of the data, JSON and feed addresses: CORS, HEAD, validators, 304, JSON errors."""

import pytest

pytestmark = pytest.mark.django_db

DATA_URLS = [
    "/data/catalog.jsonld",
    "/data/catalog.ttl",
    "/data/kunjungan/datapackage.json",
    "/api/3/action/package_list",
    "/apbdes/api/",
    "/apbdes/api/ringkasan/?tahun=2025",
    "/apbdes/api/versi/",
    "/apbdes/2025/ringkasan.csv",
    "/apbdes/2025/ringkasan.json",
    "/apbdes/2025/baris.csv",
    "/apbdes/2025/baris.json",
    "/apbdes/2025/35.22.18.2007.csv",
    "/apbdes/2025/35.22.18.2007.json",
    "/kunjungan/data.csv",
    "/kunjungan/data.json",
    "/kim/data.csv",
    "/kim/data.json",
    "/ppid/statistik.csv",
    "/ppid/statistik.json",
]
FEED_URLS = ["/kunjungan/feed/", "/kunjungan/feed/atom/", "/kim/kabar/feed/atom/", "/ppid/dip/feed/atom/"]


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url", DATA_URLS + FEED_URLS)
def test_get_is_open_to_every_origin_with_validators(client, published, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"]
    assert response["Last-Modified"]


@pytest.mark.parametrize("url", DATA_URLS + FEED_URLS)
def test_head_answers_like_get_without_a_body(client, published, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert _body(head) == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert head["ETag"] == get["ETag"]


@pytest.mark.parametrize("url", DATA_URLS + FEED_URLS)
def test_a_matching_etag_is_answered_304(client, published, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert _body(response) == b""
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", ["/apbdes/2025/baris.csv", "/kunjungan/data.json", "/kim/kabar/feed/atom/"])
def test_unchanged_since_last_modified_is_answered_304(client, published, url):
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_a_stale_etag_gets_the_full_answer(client, published):
    response = client.get("/kim/data.json", HTTP_IF_NONE_MATCH='"lama"')
    assert response.status_code == 200
    assert response.json()


def test_preflight_allows_reading_from_any_origin(client, published):
    response = client.options("/apbdes/api/ringkasan/", HTTP_ORIGIN="https://example.org")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/apbdes/2031/ringkasan.json", 404),
        ("/apbdes/2031/baris.json", 404),
        ("/apbdes/2025/35.22.12.2006.json", 404),
        ("/apbdes/api/versi/999999/", 404),
        ("/apbdes/api/ringkasan/?tahun=dua", 400),
        ("/data/tidak-ada/datapackage.json", 404),
        ("/api/tidak-ada/", 404),
        ("/apbdes/api/tidak-ada/", 404),
    ],
)
def test_json_addresses_answer_errors_in_json(client, published, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["galat"]


def test_writing_to_a_data_address_is_refused_in_json(client, published):
    response = client.post("/kunjungan/data.json")
    assert response.status_code == 405
    assert response.json()["status"] == 405
    assert "GET" in response["Allow"]
