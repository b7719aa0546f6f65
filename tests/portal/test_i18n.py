"""Indonesian by default, English as a full translation (formats: test_formatting)."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    p
    for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
    if not any(part.startswith(".venv") for part in p.parts)
)


def test_pages_are_indonesian_by_default(client, db):
    html = client.get("/wilayah/").content.decode()
    assert '<html lang="id">' in html
    assert "Kecamatan dan desa" in html
    assert "Beranda" in html


def test_the_english_page_has_its_own_address_and_links_back(client, db):
    html = client.get("/en/wilayah/").content.decode()
    assert '<html lang="en">' in html
    assert "Kecamatan and villages" in html
    assert 'href="/wilayah/" lang="id" hreflang="id"' in html  # the switch offers Bahasa Indonesia
    assert "Kecamatan dan desa" in client.get("/wilayah/").content.decode()


def test_the_old_language_switch_sends_to_the_address_in_that_language(client, db):
    response = client.get("/bahasa/en/", {"next": "/wilayah/?x=1"})
    assert response.status_code == 302 and response["Location"] == "/en/wilayah/?x=1"
    assert client.get("/bahasa/id/", {"next": "/en/wilayah/"})["Location"] == "/wilayah/"


def test_language_switch_is_a_plain_link_to_the_same_page_in_the_other_language(client, db):
    html = client.get("/wilayah/35.22.18/").content.decode()
    assert 'href="/en/wilayah/35.22.18/" lang="en" hreflang="en"' in html


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_language_switch_never_redirects_off_site(client, db, target):
    response = client.get("/bahasa/en/", {"next": target})
    assert response["Location"] == "/en/"


def test_unknown_language_is_404(client, db):
    assert client.get("/bahasa/fr/").status_code == 404


def test_every_catalogue_is_complete_and_compiled():
    assert any(p.parent.parent.name == "id" for p in CATALOGUES)
    for path in CATALOGUES:
        catalogue = polib.pofile(str(path))
        language = path.parent.parent.name
        if language == "id":
            untranslated = [e.msgid for e in catalogue.untranslated_entries()]
            assert not untranslated, f"{path}: untranslated {untranslated[:5]}"
        assert not catalogue.fuzzy_entries(), f"{path}: fuzzy entries"
        compiled = path.with_suffix(".mo")
        assert compiled.exists(), f"{compiled} missing: run make messages"
        with compiled.open("rb") as handle:
            mo = gettext.GNUTranslations(handle)
        for entry in catalogue.translated_entries():
            if entry.msgid_plural or entry.msgctxt:
                continue
            assert mo.gettext(entry.msgid) == entry.msgstr, f"{compiled} is stale: run make messages"
