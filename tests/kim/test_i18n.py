"""The KIM app speaks Indonesian by default and English on request, from a
complete, compiled catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "kim" / "locale" / "id" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_every_string_has_an_indonesian_translation():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    for entry in po:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgid


def test_the_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))
    assert {e.msgid: e.msgstr for e in po if not e.msgid_plural} == {
        e.msgid: e.msgstr for e in mo if e.msgid and not e.msgid_plural
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [("id", "Kelompok Informasi Masyarakat (KIM)"), ("en", "Community information groups (KIM)")],
)
def test_the_directory_speaks_both_languages(client, language, heading):
    with translation.override(language):
        html = client.get(reverse("kim:list")).content.decode()
    assert f"<h1>{heading}</h1>" in html
