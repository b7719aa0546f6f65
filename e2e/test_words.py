"""Every page type speaks one language: no English on an Indonesian page, no
Indonesian on an English one, no doubled brackets and no internal labels, on
the rendered page (e2e/words.py); and so do the officers' admin pages."""

import re

import pytest

from .conftest import admin_login
from .pages import PAGE_TYPES, in_language
from .words import page_problems, slips

LANGUAGES = ("id", "en")
# The change pages of the records with a history, as the regency's PPID officer sees them.
ADMIN_LISTS = (
    "/admin/ppid/inforequest/",
    "/admin/ppid/dipitem/",
    "/admin/ppid/objection/",
    "/admin/ogp/budgetversion/",
    "/admin/visits/visit/",
    "/admin/kim/post/",
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_speaks_its_own_language(phone, language):
    problems = []
    for name, path_of in PAGE_TYPES.items():
        path = in_language(path_of(), language)
        phone.goto(path)
        problems += [f"{name} {path}: {problem}" for problem in page_problems(phone, language)]
    assert not problems, "\n".join(problems)


def test_admin_pages_show_no_internal_labels(desk):
    admin_login(desk, "admin")
    problems = []
    for listing in ADMIN_LISTS:
        desk.goto(listing)
        first = desk.locator("#result_list tbody th a, #result_list tbody td a").first
        if not first.count():
            problems.append(f"{listing}: no record to open")
            continue
        first.click()
        texts = desk.locator("#content").inner_text().splitlines()
        found = [text for text in slips(texts, raw_values=False) if not re.search(r"https?://|@", text)]
        if found:
            problems.append(f"{desk.url}: {found[:5]}")
    assert not problems, "\n".join(problems)
