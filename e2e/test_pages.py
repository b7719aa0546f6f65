"""Every public page type: accessibility (axe-core, WCAG 2.2 A/AA), valid HTML
(Nu HTML Checker), weight budget and no request to another host; every public
form: usable with the keyboard alone, with visible focus."""

import contextlib
import gzip
import subprocess
from pathlib import Path

import pytest

from .audit import HTML_DIR, audit
from .conftest import ARTIFACTS
from .keyboard import complete_form, tab_from_the_top
from .pages import FORM_PAGES, PAGE_TYPES

BUDGET_BYTES = 100 * 1024
VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_is_accessible_light_and_self_contained(phone, name):
    path = PAGE_TYPES[name]()
    weights = {}

    def measure(response):
        if response.request.resource_type in ("document", "stylesheet", "script"):
            with contextlib.suppress(Exception):
                weights[response.url] = len(gzip.compress(response.body()))

    phone.on("response", measure)
    response = phone.goto(path)
    expected = 404 if name == "not-found" else 200
    assert response.status == expected, f"{path}: {response.status}"
    phone.wait_for_load_state("load")

    audit(phone, name)

    total = sum(weights.values())
    assert total < BUDGET_BYTES, f"{path}: {total} bytes compressed: {weights}"


@pytest.mark.parametrize("name", FORM_PAGES)
def test_form_can_be_completed_with_the_keyboard_and_shows_focus(phone, name):
    path_of, selector = FORM_PAGES[name]
    phone.goto(path_of())
    tab_from_the_top(phone)
    complete_form(phone, selector)


def test_html_of_every_page_type_is_valid():
    files = sorted(str(p) for p in HTML_DIR.glob("*.html"))
    missing = sorted(set(PAGE_TYPES) - {Path(f).stem for f in files})
    assert not missing, f"no HTML kept for {missing}: their page tests failed before saving it"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "text", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    (ARTIFACTS / "vnu.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
