"""The sitemap lists the open data pages, the feeds page, the OGP pages and the annual reports."""

import pytest

pytestmark = pytest.mark.django_db


def _all_locations(client):
    index = client.get("/sitemap.xml").content.decode()
    sections = [part.split("</loc>")[0] for part in index.split("<loc>")[1:]]
    return "".join(client.get(url.removeprefix("http://testserver")).content.decode() for url in sections)


def test_sitemap_lists_data_feed_api_and_ogp_pages(client):
    xml = _all_locations(client)
    for path in ("/data/", "/feed/", "/api/", "/ogp/", "/keterbukaan/", "/apbdes/"):
        assert f"<loc>http://testserver{path}</loc>" in xml, path


def test_sitemap_lists_each_annual_report(client, monkeypatch):
    from ppid import statistics

    monkeypatch.setattr(statistics, "years_with_requests", lambda: [2024, 2025])
    xml = _all_locations(client)
    assert "<loc>http://testserver/ppid/laporan/2025/</loc>" in xml
    assert "<loc>http://testserver/ppid/laporan/2024/</loc>" in xml
