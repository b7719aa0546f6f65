"""The statistics page and the annual report on paper: A4 landscape, no column lost.

Chromium's print emulation lays each page out at the printable width of A4
landscape (297 mm less two 10 mm margins: 1047 CSS pixels); every figure
table must fit that width with no header or figure spilling out of its
column, and the PDF Chromium prints is landscape A4.
"""

import re

import pytest

from .pages import first_link

PRINTABLE = {"width": 1047, "height": 718}  # (297 − 20) mm × (210 − 20) mm at 96 px per inch
A4_LANDSCAPE_POINTS = (842, 595)

FIGURE_PAGES = {
    "statistics": lambda: "/ppid/statistik/",
    "annual-report": lambda: first_link("/ppid/laporan/", r"/ppid/laporan/\d{4}/"),
}

OVERFLOW = """() => [...document.querySelectorAll("table.ppid-figures")].map(table => {
    const width = document.documentElement.clientWidth;
    const cells = [...table.querySelectorAll("th, td")];
    return {
        columns: table.rows[0].cells.length,
        tableRight: table.getBoundingClientRect().right,
        cellRight: Math.max(...cells.map(cell => cell.getBoundingClientRect().right)),
        scroll: table.parentElement.scrollWidth - table.parentElement.clientWidth,
        // A header or figure wider than its column spills into the next one.
        spilling: cells.filter(cell => cell.scrollWidth > cell.clientWidth + 1).map(cell => cell.textContent),
        width,
    };
})"""


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_tables_fit_a4_landscape_in_print(desk, name):
    desk.set_viewport_size(PRINTABLE)
    desk.emulate_media(media="print")
    response = desk.goto(FIGURE_PAGES[name]())
    assert response.status == 200
    tables = desk.evaluate(OVERFLOW)
    assert tables, "no figure table on the page"
    for table in tables:
        assert table["columns"] == 14, table
        assert table["tableRight"] <= table["width"] + 1, table
        assert table["cellRight"] <= table["width"] + 1, table
        assert table["scroll"] <= 1, table
        assert not table["spilling"], table
    pdf = desk.pdf(prefer_css_page_size=True)
    sizes = {
        tuple(round(float(v)) for v in box)
        for box in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    }
    assert sizes == {A4_LANDSCAPE_POINTS}, sizes
