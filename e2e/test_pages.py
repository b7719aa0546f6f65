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
from .pages import FORM_PAGES, PAGE_TYPES

BUDGET_BYTES = 100 * 1024
VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Tab stops checked from the top of each form page: the skip link, the header,
# the navigation, the breadcrumbs and the start of the content.
TOP_STOPS = 25

# Marks the form's controls a keyboard user must reach, one key per tab stop
# (a group of radio buttons is one stop; arrow keys move within it). Hidden
# controls, the honeypot (aria-hidden, tabindex -1) and disabled ones are not
# stops.
MARK_CONTROLS = """form => {
    form.dataset.e2eForm = "1";
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const controls = [...form.querySelectorAll("input, select, textarea, button")].filter(el =>
        el.type !== "hidden" && !el.disabled && el.tabIndex >= 0 && shown(el)
        && !el.closest('[aria-hidden="true"], [inert]'));
    controls.forEach((el, i) => {
        el.dataset.e2eKey = el.type === "radio" ? "radio:" + el.name : el.tagName + ":" + (el.name || el.id || i);
    });
    return [...new Set(controls.map(el => el.dataset.e2eKey))];
}"""

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
        key: el.dataset.e2eKey || null,
        inForm: !!el.closest("[data-e2e-form]"),
        submit: el.type === "submit",
        radio: el.type === "radio",
        checked: !!el.checked,
        visible: outline || style.boxShadow !== "none",
        what: el.outerHTML.slice(0, 120),
    };
}"""


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
    path = path_of()
    phone.goto(path)

    # From the top of the page, every element that takes focus shows it.
    for _ in range(TOP_STOPS):
        phone.keyboard.press("Tab")
        info = phone.evaluate(FOCUSED)
        if info is not None:
            assert info["visible"], f"{path}: focus not visible on {info['what']}"

    # Through the form: every control is a tab stop and shows focus; radio
    # groups are answered with the space bar.
    form = phone.locator(selector)
    assert form.count() == 1, f"{path}: {form.count()} forms match {selector}"
    wanted = set(form.evaluate(MARK_CONTROLS))
    assert wanted, f"{path}: no controls in {selector}"
    form.evaluate("form => { form.tabIndex = -1; form.focus(); }")
    reached = set()
    for _ in range(3 * len(wanted) + 10):
        phone.keyboard.press("Tab")
        info = phone.evaluate(FOCUSED)
        if info is None or not info["inForm"]:
            break
        assert info["visible"], f"{path}: focus not visible on {info['what']}"
        if info["key"]:
            reached.add(info["key"])
        if info["radio"] and not info["checked"]:
            phone.keyboard.press("Space")
    missing = wanted - reached
    assert not missing, f"{path}: not reachable with Tab: {sorted(missing)}"

    # Back to the submit button with Shift+Tab, and send the form with Enter.
    for _ in range(10):
        phone.keyboard.press("Shift+Tab")
        info = phone.evaluate(FOCUSED)
        if info and info["inForm"] and info["submit"]:
            break
    else:
        raise AssertionError(f"{path}: no submit button reached with Shift+Tab")
    with phone.expect_navigation() as navigation:
        phone.keyboard.press("Enter")
    response = navigation.value
    assert response is not None and response.status < 400, f"{path}: sending {selector} gave {response}"


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
