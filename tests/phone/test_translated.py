"""No untranslated string: every Indonesian catalogue entry is filled, and the
pages this layout touches show no English on their Indonesian version and no
Indonesian on their English version."""

import glob
import re
from pathlib import Path

import polib
import pytest

from portal import search
from tests.ppid.conftest import unit_sedahkidul  # noqa: F401 (a fixture)
from tests.ppid.pages import NEW, form_data

ROOT = Path(__file__).resolve().parents[2]

# Interface words of the header, the search page, the PPID menu and the access code page.
ENGLISH = [
    "Search the portal",
    "More PPID services",
    "Pages and services",
    "Did you mean",
    "Copy the access code",
    "Print this page",
    "Save as a text file",
    "Your personal data",
    "Words to look for",
]
INDONESIAN = [
    "Cari di portal",
    "Layanan PPID lainnya",
    "Halaman dan layanan",
    "Maksud Anda",
    "Salin kode akses",
    "Cetak halaman ini",
    "Simpan sebagai berkas teks",
    "Data pribadi Anda",
    "Kata yang dicari",
]


def _visible_text(html):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    "path",
    sorted(
        [
            *glob.glob(str(ROOT / "locale/id/LC_MESSAGES/django.po")),
            *glob.glob(str(ROOT / "*/locale/id/LC_MESSAGES/django.po")),
        ]
    ),
)
def test_every_indonesian_catalogue_entry_is_translated(path):
    missing = [e.msgid for e in polib.pofile(path) if not e.obsolete and not e.translated()]
    assert not missing, f"{path}: {missing[:10]}"


def _pages(client, unit, prefix):
    search.rebuild("village")
    yield client.get(prefix + "/ppid/permohonan/baru/").content.decode()
    yield client.get(prefix + "/cari/", {"q": "keberatan"}).content.decode()
    yield client.get(prefix + "/cari/", {"q": "sedahkidol"}).content.decode()
    yield client.post(prefix + NEW, form_data(unit), follow=True).content.decode()


@pytest.mark.parametrize(("language", "foreign"), [("id", ENGLISH), ("en", INDONESIAN)])
def test_touched_pages_speak_one_language(client, unit_sedahkidul, language, foreign):  # noqa: F811
    for html in _pages(client, unit_sedahkidul, "" if language == "id" else "/" + language):
        assert f'<html lang="{language}">' in html
        text = _visible_text(html)
        leaked = [phrase for phrase in foreign if phrase in text]
        assert not leaked, leaked
