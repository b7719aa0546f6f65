"""Phone layout without a browser: the closed menu, the header search box and chart type sizes.

The browser gates in e2e/test_phone.py measure the rendered pages; these fast
checks catch a template or stylesheet change that would undo them.
"""

import re
from pathlib import Path

from portal import charts

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css"
NARROWEST_CONTENT_PX = 320 - 32  # a 320 px phone less the page's side padding


def test_every_page_has_a_closed_menu_and_a_search_box_in_its_header(client, db):
    html = client.get("/kunjungan/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert re.search(r"<details class=\"menu\">\s*<summary", header)
    assert '<details class="menu" open' not in header
    assert re.search(r'<form class="site-search" action="/cari/" method="get" role="search"', header)
    assert 'type="search" name="q"' in header


def test_chart_text_is_at_least_12_px_on_the_narrowest_phone():
    css = CSS.read_text()
    sizes = [int(size) for size in re.findall(r"\.chart__(?:label|value) \{ font-size: (\d+)px", css)]
    assert len(sizes) == 2
    assert min(sizes) * NARROWEST_CONTENT_PX / charts.WIDTH >= 12


def test_amounts_in_figures_never_break():
    css = CSS.read_text()
    rule = re.search(r"\.figure__value \{([^}]*)\}", css).group(1)
    assert "white-space: nowrap" in rule
    assert "anywhere" not in rule


def test_request_form_keeps_the_section_menu_closed(client, db):
    html = client.get("/ppid/permohonan/baru/").content.decode()
    assert re.search(r'<details class="ppid-menu">\s*<summary>', html)
    assert html.index('<form method="post"') < html.index("site-footer")
