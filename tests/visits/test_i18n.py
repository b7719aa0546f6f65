"""Indonesian is the default language of the visit pages; English is a full translation."""

import polib
import pytest
from django.conf import settings as django_settings

from visits import demo

CATALOGUE = django_settings.BASE_DIR / "visits" / "locale" / "id" / "LC_MESSAGES"


@pytest.fixture
def indonesian(settings):
    settings.LANGUAGE_CODE = "id"


def test_every_indonesian_string_is_translated_and_compiled():
    po = polib.pofile(CATALOGUE / "django.po")
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(CATALOGUE / "django.mo")}
    assert all(compiled.get(entry.msgid) == entry.msgstr for entry in po if not entry.msgid_plural)


def test_the_list_speaks_indonesian_by_default(client, indonesian, make_visit):
    make_visit()
    html = client.get("/kunjungan/").content.decode()
    assert "<h1>Kunjungan dari pemerintah lain</h1>" in html
    assert '<label for="id_tahun">Tahun</label>' in html
    assert "1 kunjungan terbit" in html
    assert "Studi banding" in html


def test_the_visit_page_speaks_indonesian_by_default(client, db, indonesian):
    visit = demo.load_magelang_2017(demo.load_vocabulary())
    html = client.get(visit.get_absolute_url()).content.decode()
    assert "<dt>Diterima oleh</dt>" in html
    assert "<dt>Desa yang dikunjungi</dt>" in html
    assert "Selasa, 19 September 2017" in html
    assert "Pemerintah kota (Pemkot)" in html


def test_english_is_one_choice_away(client, indonesian, make_visit):
    make_visit()
    html = client.get("/en/kunjungan/").content.decode()
    assert "<h1>Visits by other governments</h1>" in html
