"""Every public page type: accessibility (axe-core, WCAG 2.2 A/AA), valid HTML
(Nu HTML Checker), weight budget and no request to another host."""

import contextlib
import gzip
import json
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ARTIFACTS
from .pages import FORM_PAGES, PAGE_TYPES

HTML_DIR = ARTIFACTS / "html"
BUDGET_BYTES = 100 * 1024
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
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
    assert response.status in (200, 404), f"{path}: {response.status}"
    phone.wait_for_load_state("load")

    HTML_DIR.mkdir(parents=True, exist_ok=True)
    (HTML_DIR / f"{name}.html").write_text(phone.content(), encoding="utf-8")

    results = Axe().run(phone, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(violations, indent=1))
    assert not violations, f"{path}: " + "; ".join(
        f"{v['id']} ({len(v['nodes'])}×): {v['nodes'][0]['target']}" for v in violations
    )

    total = sum(weights.values())
    assert total < BUDGET_BYTES, f"{path}: {total} bytes compressed: {weights}"


@pytest.mark.parametrize("name", FORM_PAGES)
def test_forms_work_with_the_keyboard_and_show_focus(phone, name):
    phone.goto(FORM_PAGES[name]())
    # A group of radio buttons is one tab stop (arrow keys move within it).
    wanted = phone.evaluate(
        """() => new Set([...document.querySelectorAll(
            'main form :is(input:not([type=hidden]), select, textarea, button)')]
            .filter(el => !el.disabled && el.offsetParent !== null)
            .map(el => el.type === 'radio' ? 'radio:' + el.name : el)).size"""
    )
    assert wanted > 0
    reached = set()
    for _ in range(200):
        phone.keyboard.press("Tab")
        info = phone.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                    || style.boxShadow !== 'none';
                const inMainForm = !!el.closest('main form');
                const key = el.type === 'radio' ? 'radio:' + el.name
                    : el.id || el.name + ':' + (el.value || '') + ':' + el.textContent.trim();
                return {key, visible, inMainForm, tag: el.tagName};
            }"""
        )
        if info is None:
            continue
        assert info["visible"], f"focus not visible on {info}"
        if info["inMainForm"]:
            reached.add(info["key"])
        if len(reached) >= wanted:
            break
    assert len(reached) >= wanted, f"only {len(reached)} of {wanted} form controls reachable by Tab"


def test_html_of_every_page_type_is_valid():
    files = sorted(str(p) for p in HTML_DIR.glob("*.html"))
    assert len(files) == len(PAGE_TYPES), "run the page tests first"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "text", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    (ARTIFACTS / "vnu.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
