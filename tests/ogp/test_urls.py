"""Every public URL of the app answers without login; the back office needs one."""

import io

import pytest
from django.urls import reverse

from ogp import demo
from tests.shared_data import shared_for_module

from .conftest import SEDAHKIDUL, publish_budget_version

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content_for_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """A published budget, the openness index and the OGP plan, built once for the module's tests."""
    with shared_for_module(django_db_blocker, tmp_path_factory.mktemp("ogp-urls")):
        version = publish_budget_version()
        demo.load_openness_index(io.StringIO())
        demo.load_action_plan(io.StringIO())
        yield version


@pytest.fixture
def content(content_for_module, db):
    return content_for_module


PUBLIC = [
    "/apbdes/",
    "/apbdes/2024/",
    f"/apbdes/2024/{SEDAHKIDUL}/",
    f"/apbdes/2024/{SEDAHKIDUL}.csv",
    f"/apbdes/2024/{SEDAHKIDUL}.json",
    "/apbdes/2024/baris.csv",
    "/apbdes/2024/ringkasan.csv",
    "/apbdes/2024/ringkasan.json",
    "/apbdes/api/",
    "/apbdes/api/ringkasan/",
    "/apbdes/api/versi/",
    "/keterbukaan/",
    "/keterbukaan/2017/",
    "/ogp/",
    "/ogp/BOJ0001/",
    f"/wilayah/{SEDAHKIDUL}/",
    "/wilayah/35.22.18/",
]


@pytest.mark.parametrize("url", PUBLIC)
def test_public_urls_answer_without_login(client, content, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["admin:ogp_budget_import", "admin:ogp_budgetversion_changelist", "admin:ogp_assessment_changelist"],
)
def test_back_office_urls_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_sitemaps_list_years_and_village_budgets(content):
    from ogp.sitemaps import SITEMAPS

    years = SITEMAPS["apbdes"]()
    assert [years.location(item) for item in years.items()] == ["/apbdes/2024/"]
    villages = SITEMAPS["apbdes-desa"]()
    items = list(villages.items())
    assert [villages.location(item) for item in items] == [f"/apbdes/2024/{SEDAHKIDUL}/"]
    assert villages.lastmod(items[0]) == content.published_at
    assert len(list(SITEMAPS["ogp"]().items())) == 5
