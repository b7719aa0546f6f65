"""Phone layout without a browser: the closed menu, the header search box and chart type sizes.

The browser gates in e2e/test_phone.py measure the rendered pages; these fast
checks catch a template or stylesheet change that would undo them.
"""

import re
from pathlib import Path

from portal import charts
from portal.templatetags.tables import stack

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


def test_a_wide_table_stacks_on_a_phone_with_each_cell_labelled():
    table = stack(
        '<table class="ppid-figures"><thead><tr><th scope="col">Unit</th><th scope="col">Permohonan</th>'
        '<th scope="col" class="num">Jumlah &amp; rata-rata</th></tr></thead>'
        '<tbody><tr><th scope="row">PPID Desa</th><td>Diajukan</td><td class="num">Rp1.976.981.000</td></tr></tbody>'
        '<tfoot><tr><th colspan="2">Jumlah</th><td class="num">3</td></tr></tfoot></table>'
    )
    assert table.startswith('<table class="stacked ppid-figures">')
    assert '<th scope="row">PPID Desa</th><td data-label="Permohonan">Diajukan</td>' in table
    assert '<td class="num" data-label="Jumlah &amp; rata-rata">Rp1.976.981.000</td>' in table
    assert '<th colspan="2">Jumlah</th>' in table
    css = CSS.read_text()
    assert re.search(r"@media screen and \(max-width: 39\.99rem\) \{\s*table\.stacked", css)
    assert 'content: attr(data-label) ": "' in css


def test_every_public_table_with_column_headers_is_stacked(client, db):
    stacked = 0
    for path in ("/ppid/register/", "/ppid/dip/", "/ppid/statistik/", "/kim/", "/apbdes/", "/data/"):
        html = client.get(path).content.decode()
        for table in re.findall(r"<table[^>]*>.*?</table>", html, re.S):
            # The satisfaction poll's two narrow columns fit any phone as they are.
            if "<thead" in table and "poll__results" not in table:
                assert table.startswith('<table class="stacked'), (path, table[:80])
                stacked += 1
    assert stacked >= 3
