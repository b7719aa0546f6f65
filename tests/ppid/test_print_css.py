"""The statistics page and the annual report carry the A4-landscape print rules (see also e2e/test_print.py)."""

import re
from pathlib import Path

import pytest

from .test_statistics import year_2025  # noqa: F401  (the fixture)

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "ppid-figures-print.css"


def _rules():
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    return re.sub(r"\s+", " ", text)


def test_the_page_is_a4_landscape_and_the_tables_fit_its_width():
    rules = _rules()
    assert re.search(r"@page \{ size: A4 landscape; margin: 10mm; \}", rules)
    assert re.search(r"\.table-wrap \{ overflow: visible; max-width: none; \}", rules)
    table = re.search(r"table\.ppid-figures \{([^}]*)\}", rules).group(1)
    assert "table-layout: fixed" in table and "width: 100%" in table
    assert re.search(r"th:first-child \{[^}]*overflow-wrap: anywhere", rules)  # a long unit name wraps
    assert "white-space: normal" in rules  # headers wrap inside their column
    assert "display: table-header-group" in rules  # the header repeats on every printed page


@pytest.mark.parametrize("path", ["/ppid/statistik/?tahun=2025", "/ppid/laporan/2025/"])
def test_figure_pages_link_the_print_rules_for_print_only(client, year_2025, path):  # noqa: F811
    html = client.get(path).content.decode()
    assert re.search(r'<link rel="stylesheet" href="[^"]*ppid-figures-print[^"]*\.css" media="print">', html)
    assert html.count('<table class="stacked ppid-figures">') == (2 if "statistik" in path else 1)
