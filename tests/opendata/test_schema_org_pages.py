"""schema.org JSON-LD on the pages, read back with extruct as a search engine would:
the office and each PPID unit, news posts and the visits with their reports."""

import extruct
import pytest

from kim.models import Post
from ppid.models import PpidUnit
from visits.models import Visit

pytestmark = pytest.mark.django_db


def _nodes(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    found = extruct.extract(
        response.content.decode(), base_url="http://testserver" + path, syntaxes=["json-ld"]
    )
    nodes = []
    for block in found["json-ld"]:
        nodes.extend(block.get("@graph", [block]))
    return {node["@type"]: node for node in nodes}


@pytest.mark.parametrize("path", ["/", "/tentang/", "/en/tentang/"])
def test_the_office_is_a_government_organization_of_the_regency(client, path):
    nodes = _nodes(client, path)
    government = nodes["GovernmentOrganization"]
    assert government["name"] in ("Pemerintah Kabupaten Bojonegoro", "Dinas Komunikasi dan Informatika")
    graph = extruct.extract(client.get(path).content.decode(), syntaxes=["json-ld"])["json-ld"][0]["@graph"]
    office = next(node for node in graph if node["@id"].endswith("#kantor"))
    assert office["parentOrganization"]["@id"] == "http://testserver/#pemerintah"
    assert office["url"] == "http://testserver/tentang/"


def test_each_ppid_unit_page_describes_the_unit(client, published):
    unit = PpidUnit.objects.get(slug="desa-sedahkidul")
    node = _nodes(client, unit.get_absolute_url())["GovernmentOrganization"]
    assert node["name"] == "PPID Desa Sedahkidul"
    assert node["url"] == "http://testserver" + unit.get_absolute_url()
    assert node["email"] == unit.email
    assert node["parentOrganization"]["name"] == "Pemerintah Kabupaten Bojonegoro"


def test_a_kim_post_is_a_news_article(client, published):
    post = Post.objects.get()
    article = _nodes(client, post.get_absolute_url())["NewsArticle"]
    assert article["headline"] == "Papan informasi APBDes dipasang"
    assert article["author"]["name"] == "KIM Sendang Potro"
    assert article["datePublished"].endswith("+07:00") and article["dateModified"] >= article["datePublished"]
    assert article["publisher"]["@type"] == "GovernmentOrganization"


def test_a_visit_is_an_event_with_its_report_as_a_news_article(client, published):
    visit = Visit.objects.get()
    nodes = _nodes(client, visit.get_absolute_url())
    event, report = nodes["Event"], nodes["NewsArticle"]
    assert event["name"] == "Studi tiru keterbukaan informasi"
    assert event["startDate"] == visit.start_date.isoformat()
    assert event["attendee"]["name"] == visit.institution.name
    assert event["location"]["@type"] == "Place"
    assert report["about"]["@id"] == event["@id"]
    assert report["inLanguage"] == "id"
    english = _nodes(client, "/en" + visit.get_absolute_url())["NewsArticle"]
    assert english["inLanguage"] == "en"


def test_json_ld_text_cannot_close_its_script(client, published):
    Post.objects.update(title="</script><script>alert(1)</script>")
    html = client.get(Post.objects.get().get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
