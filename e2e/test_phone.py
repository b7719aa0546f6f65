"""Every public page fits a phone: no sideways scroll and no table cut off at 320
and 360 px in both languages (each Indonesian address and its English one under
/en/), chart text at least 12 px as rendered, amounts, registration numbers and
region codes that never break inside, the request form's first field on the
first screen, the menu closed without JavaScript and a search box in the header
of every page.

A screenshot of every page type at 360 px is kept in e2e-artifacts/phone/.
"""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import ARTIFACTS, BASE_URL
from .pages import PAGE_TYPES, in_language

WIDTHS = (320, 360)
LANGUAGES = ("id", "en")
MIN_CHART_PX = 12
SCREENSHOTS = ARTIFACTS / "phone"

# The widest element, for a helpful failure message.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    let widest = null;
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 && getComputedStyle(el).position !== "fixed") {
            let inside = el.parentElement, clipped = false;
            while (inside && inside !== document.body) {
                const style = getComputedStyle(inside);
                if (/(auto|scroll|hidden|clip)/.test(style.overflowX)
                    && inside.getBoundingClientRect().right <= width + 1) { clipped = true; break; }
                inside = inside.parentElement;
            }
            if (!clipped && (!widest || box.right > widest.right)) {
                widest = {right: Math.round(box.right), what: el.outerHTML.slice(0, 160)};
            }
        }
    }
    return {scroll: document.documentElement.scrollWidth, width, widest};
}"""

# The size of chart text as drawn: its font size times the SVG's scale on screen.
CHART_TEXT = """() => [...document.querySelectorAll("svg text")]
    .filter(t => t.getClientRects().length)
    .map(t => ({px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, text: t.textContent.slice(0, 40)}))"""

# Tables wider than the box they sit in: a column cut off, to be scrolled to.
CUT_TABLES = """() => [...document.querySelectorAll("main table")]
    .filter(t => t.offsetWidth > t.parentElement.clientWidth + 1)
    .map(t => (t.caption ? t.caption.textContent : t.outerHTML).trim().slice(0, 80))"""

# Amounts, registration numbers and region codes, each of which must stay on one line.
WHOLE = r"Rp\s?[0-9][0-9.]*[0-9]|(?:PPID|KEB)\/[0-9]{4}\/[0-9]+|\b[0-9]{2}\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?\b"
BROKEN_AMOUNTS = (
    """() => [...document.querySelectorAll("main *")]
    .filter(el => !el.closest("code, pre"))  // an address written out may wrap anywhere
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && /WHOLE/.test(n.textContent)))
    .filter(el => {
        const range = document.createRange();
        for (const n of el.childNodes) {
            if (n.nodeType !== 3) continue;
            for (const m of n.textContent.matchAll(/WHOLE/g)) {
                if (m[0].length < 6) continue;
                range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
                if (range.getClientRects().length > 1) return true;
            }
        }
        return false;
    }).map(el => el.outerHTML.slice(0, 120))"""
).replace("WHOLE", WHOLE)


def _phone_context(browser, width, language, **options):
    # The address gives a page's language; the browser's own language only matches it.
    context = browser.new_context(
        base_url=BASE_URL,
        viewport={"width": width, "height": 740},
        is_mobile=True,
        has_touch=True,
        locale={"id": "id-ID", "en": "en-US"}[language],
        **options,
    )
    context.set_default_timeout(15_000)
    return context


@pytest.fixture(scope="module")
def paths():
    return {name: path_of() for name, path_of in PAGE_TYPES.items()}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_and_charts_and_amounts_stay_readable(browser, paths, width, language):
    context = _phone_context(browser, width, language)
    page = context.new_page()
    problems = []
    try:
        for name, path in paths.items():
            page.goto(in_language(path, language))
            assert page.locator("html").get_attribute("lang") == language, path
            if width == 360:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{language}.png"), full_page=True)
            found = page.evaluate(OVERFLOW)
            if found["scroll"] > found["width"]:
                problems.append(f"{name} {path}: {found['scroll']} px wide at {width}: {found['widest']}")
            small = [t for t in page.evaluate(CHART_TEXT) if t["px"] < MIN_CHART_PX]
            if small:
                problems.append(f"{name} {path}: chart text under {MIN_CHART_PX} px: {small[:3]}")
            cut = page.evaluate(CUT_TABLES)
            if cut:
                problems.append(f"{name} {path}: a table is cut off at {width}: {cut[:3]}")
            broken = page.evaluate(BROKEN_AMOUNTS)
            if broken:
                problems.append(f"{name} {path}: an amount or number breaks across lines: {broken[:3]}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_chart_text_is_readable_on_a_desktop(desk, paths):
    problems = []
    for name in (
        "visit-statistics",
        "ppid-statistics",
        "apbdes",
        "village-budget",
        "kim-coverage",
        "openness",
    ):
        desk.goto(paths[name])
        small = [t for t in desk.evaluate(CHART_TEXT) if t["px"] < MIN_CHART_PX]
        if small:
            problems.append(f"{name}: {small[:3]}")
    assert not problems, problems


def test_request_form_starts_on_the_first_screen_and_the_menu_is_closed(no_js, paths):
    no_js.goto(paths["request-form"])
    heading = no_js.locator("main h1").bounding_box()
    first_field = no_js.locator("main form[method=post] input:not([type=hidden])").first.bounding_box()
    assert heading["y"] < 740
    assert first_field["y"] + first_field["height"] <= 740, f"first field at {first_field}"
    assert not no_js.locator("header .main-nav a").first.is_visible()
    no_js.locator("header summary").first.click()
    assert no_js.locator("header .main-nav a").first.is_visible()


def test_every_page_has_a_search_box_in_its_header(browser, paths):
    context = _phone_context(browser, 360, "id", java_script_enabled=False)
    page = context.new_page()
    missing = []
    try:
        for name, path in paths.items():
            page.goto(path)
            if page.locator("header form[role=search] input[type=search]").count() != 1:
                missing.append(name)
        page.goto("/")
        page.locator("header input[type=search]").fill("permohonan informasi")
        page.locator("header form[role=search] button").click()
        assert urlsplit(page.url).path == "/cari/"
        assert re.search(r"/ppid/permohonan/baru/", page.content())
    finally:
        context.close()
    assert not missing, missing
