"""The checks every public page gets, wherever a test reaches it.

`audit(page, name)` runs axe-core (WCAG 2.2 A and AA) on the page as it is
now and keeps the HTML the server sent for it for the Nu HTML Checker, which
`test_pages.test_html_of_every_page_type_is_valid` runs once over every page
kept. Page types with an address go through `test_pages`; pages that only
exist after a form is sent (a registration receipt, a tracking result, an
objection receipt) are audited by the journeys that reach them.
"""

import json

from axe_playwright_python.sync_playwright import Axe

from .conftest import ARTIFACTS

HTML_DIR = ARTIFACTS / "html"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Only violations are collected: the same rules run, but axe skips gathering
# every passing node, which makes large tables (430 villages) several times faster.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def audit(page, name):
    """Keep the page's HTML for the Nu HTML Checker and fail on any axe violation."""
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    document = getattr(page, "last_document", None)
    assert document is not None, f"{name}: no document loaded"
    (HTML_DIR / f"{name}.html").write_text(document.text(), encoding="utf-8")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(violations, indent=1, ensure_ascii=False))
    assert not violations, f"{page.url}: axe-core: " + "; ".join(
        f"{v['id']} ({len(v['nodes'])}×): {v['help']} at {v['nodes'][0]['target']}" for v in violations
    )
