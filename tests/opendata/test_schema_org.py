"""schema.org JSON-LD on the open data page, read back with extruct as a search engine would."""

import extruct
import pytest

pytestmark = pytest.mark.django_db


def test_data_page_describes_the_government_and_every_dataset(client, published):
    html = client.get("/data/").content.decode()
    [catalogue] = extruct.extract(html, base_url="http://testserver/data/", syntaxes=["json-ld"])["json-ld"]
    assert catalogue["@type"] == "DataCatalog"
    assert catalogue["publisher"]["@type"] == "GovernmentOrganization"
    assert catalogue["publisher"]["name"] == "Pemerintah Kabupaten Bojonegoro"
    assert catalogue["publisher"]["areaServed"]["identifier"] == "35.22"
    by_id = {d["@id"].rsplit("/", 2)[-2]: d for d in catalogue["dataset"]}
    summaries = by_id["apbdes-ringkasan-2025"]
    assert summaries["@type"] == "Dataset"
    assert summaries["temporalCoverage"] == "2025-01-01/2025-12-31"
    downloads = {d["contentUrl"]: d for d in summaries["distribution"]}
    assert downloads["http://testserver/apbdes/2025/ringkasan.csv"]["@type"] == "DataDownload"
    assert downloads["http://testserver/apbdes/2025/ringkasan.csv"]["encodingFormat"] == "text/csv"
    assert "http://testserver/data/apbdes-ringkasan-2025.xlsx" in downloads


def test_data_page_links_the_dcat_catalogue(client):
    html = client.get("/data/").content.decode()
    assert 'type="text/turtle" href="/data/catalog.ttl"' in html
