"""The APBDes sections on the region pages (`/wilayah/<kode>/`)."""

import pytest

from ogp.models import BudgetVersion
from ogp.panels import budget_publication
from portal.models import Village

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_village_page_shows_its_budget_summary_and_versions(client, publish_budget):
    publish_budget(year=2023)
    publish_budget()
    publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    html = client.get(f"/en/wilayah/{SEDAHKIDUL}/").content.decode()
    assert "Village budget (APBDes)" in html
    assert 'href="/en/apbdes/2024/35.22.18.2007/"' in html and 'href="/en/apbdes/2023/35.22.18.2007/"' in html
    assert "Rp1.192.000.000" in html  # spending 2024, version in force
    assert "?versi=2" in html and "?versi=1" in html


def test_village_without_a_published_budget_has_no_section(client):
    html = client.get(f"/en/wilayah/{SEDAHKIDUL}/").content.decode()
    assert "Village budget (APBDes)" not in html


def test_kecamatan_page_summarises_its_villages(client, publish_budget):
    publish_budget()
    other = (
        Village.objects.desa()
        .filter(district_id="35.22.18")
        .exclude(code=SEDAHKIDUL)
        .order_by("code")
        .first()
    )
    publish_budget(REVISED, code=other.code)
    total = Village.objects.desa().filter(district_id="35.22.18").count()
    html = client.get("/en/wilayah/35.22.18/").content.decode()
    assert f"2 of {total} desa have published their APBDes 2024" in html
    assert "Rp1.600.000.000" in html  # Dana Desa of the two villages
    assert "Rp2.134.000.000" in html  # 942.000.000 + 1.192.000.000
    assert "?kecamatan=35.22.18" in html


# The APBDes sections only; the other apps' sections have their own bounds.
DISTRICT_PANEL_QUERIES = 3
VILLAGE_PANEL_QUERIES = 3


@pytest.mark.parametrize("count", [1, 6])
def test_panels_run_a_fixed_number_of_queries(client, publish_budget, count, django_assert_max_num_queries):
    codes = list(
        Village.objects.desa().filter(district_id="35.22.18").order_by("code").values_list("code", flat=True)
    )
    for code in codes[:count]:
        publish_budget(ORIGINAL, code=code)
        publish_budget(ORIGINAL, code=code, year=2023)
    from ogp.panels import district_budgets, village_budget
    from portal.models import District

    district = District.objects.get(code="35.22.18")
    village = Village.objects.get(code=codes[0])
    with django_assert_max_num_queries(DISTRICT_PANEL_QUERIES):
        district_budgets(district)
    with django_assert_max_num_queries(VILLAGE_PANEL_QUERIES):
        village_budget(village)
    assert client.get("/wilayah/35.22.18/").status_code == 200
    assert client.get(f"/wilayah/{codes[0]}/").status_code == 200


def test_home_panel_counts_the_desa_of_the_latest_published_year(publish_budget, django_assert_num_queries):
    publish_budget(year=2023)
    publish_budget(
        REVISED, code=Village.objects.desa().exclude(code=SEDAHKIDUL).order_by("code").first().code, year=2023
    )
    publish_budget(year=2024)
    with django_assert_num_queries(2):
        context = budget_publication(None)
    assert (context["year"], context["published"], context["villages"], context["missing"]) == (
        2024,
        1,
        419,
        418,
    )
    assert context["share"] == 0.2


def test_home_panel_is_left_out_before_any_budget_is_published():
    assert budget_publication(None) is None
