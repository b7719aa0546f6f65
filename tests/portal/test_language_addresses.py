"""Each page at an address per language: Indonesian unprefixed, English under /en/.

hreflang alternates (id, en, x-default) and og:locale on every public page,
the sitemap listing both languages, and the addresses that are not pages
(admin, API, feeds, data files) keeping their one unprefixed address.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/wilayah/",
    "/wilayah/35.22.18/",
    "/kunjungan/",
    "/kim/",
    "/kim/kabar/",
    "/ppid/",
    "/ppid/dip/",
]
PAGES += [
    "/ppid/register/",
    "/ppid/permohonan/baru/",
    "/apbdes/",
    "/keterbukaan/",
    "/ogp/",
    "/data/",
    "/feed/",
]
PAGES += ["/cari/?q=desa", "/tentang/"]


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-zA-Z-]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_its_english_address_with_alternates_and_locale(client, path):
    indonesian = client.get(path)
    english = client.get("/en" + path)
    assert (indonesian.status_code, english.status_code) == (200, 200), path
    id_html, en_html = indonesian.content.decode(), english.content.decode()
    assert '<html lang="id">' in id_html and '<html lang="en">' in en_html
    expected = {"id": "http://testserver" + path, "en": "http://testserver/en" + path}
    expected["x-default"] = expected["id"]
    assert _alternates(id_html) == _alternates(en_html) == expected
    assert '<meta property="og:locale" content="id_ID">' in id_html
    assert '<meta property="og:locale:alternate" content="en_US">' in id_html
    assert '<meta property="og:locale" content="en_US">' in en_html
    assert f'href="/en{path.replace("&", "&amp;")}" lang="en" hreflang="en"' in id_html


def test_an_unprefixed_page_is_indonesian_whatever_the_browser_asks(client):
    response = client.get("/wilayah/", HTTP_ACCEPT_LANGUAGE="en", headers={"Cookie": "django_language=en"})
    assert '<html lang="id">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")


def test_reverse_gives_the_address_of_the_active_language():
    with translation.override("en"):
        assert reverse("visits:list") == "/en/kunjungan/"
        assert reverse("admin:index") == "/admin/"
        assert reverse("opendata:catalog_jsonld") == "/data/catalog.jsonld"
    assert reverse("visits:list") == "/kunjungan/"


@pytest.mark.parametrize("path", ["/kunjungan/data.csv", "/kim/kabar/feed/", "/ppid/statistik.json?x=1"])
def test_data_files_and_feeds_keep_their_one_unprefixed_address(client, path):
    response = client.get("/en" + path)
    assert response.status_code == 301 and response["Location"] == path


def test_the_admin_api_and_data_keep_the_visitors_language(client):
    assert client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    assert client.get("/api/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    assert client.get("/en/admin/login/").status_code == 404


def test_the_page_cache_keeps_one_entry_per_language(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for _ in range(2):
        assert '<html lang="id">' in client.get("/wilayah/").content.decode()
        assert '<html lang="en">' in client.get("/en/wilayah/").content.decode()


def test_the_sitemap_lists_both_languages_with_alternates(client):
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert "<loc>http://testserver/wilayah/</loc>" in xml
    assert "<loc>http://testserver/en/wilayah/</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/wilayah/"' in xml
    assert 'hreflang="x-default" href="http://testserver/wilayah/"' in xml
    api = client.get("/sitemap-api.xml").content.decode()
    assert api.count("<loc>") == 1 and "/en/api/" not in api
