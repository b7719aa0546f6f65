"""The visits section of a village page: delegations that came to that village."""

import datetime

import pytest

from portal.models import Village
from tests.conftest import SEDAHKIDUL, SUMBERREJO
from visits.models import Visit


@pytest.fixture
def villages(db):
    return Village.objects.get(code=SEDAHKIDUL), Village.objects.get(code=SUMBERREJO)


def test_the_village_page_lists_published_visits_to_that_village(client, make_visit, villages):
    sedahkidul, sumberrejo = villages
    make_visit(title="Ke Sedahkidul 2017", villages=[sedahkidul], start_date=datetime.date(2017, 9, 19))
    make_visit(
        title="Ke Sedahkidul 2019", villages=[sedahkidul, sumberrejo], start_date=datetime.date(2019, 1, 7)
    )
    make_visit(title="Ke Sumberrejo saja", villages=[sumberrejo])
    make_visit(title="Draf ke Sedahkidul", villages=[sedahkidul], status=Visit.Status.DRAFT)

    html = client.get(sedahkidul.get_absolute_url()).content.decode()

    assert "Visits by other governments" in html
    assert "2 delegations came to Desa Sedahkidul on a visit." in html
    assert html.index("Ke Sedahkidul 2019") < html.index("Ke Sedahkidul 2017")
    assert "Ke Sumberrejo saja" not in html
    assert "Draf ke Sedahkidul" not in html


def test_a_village_without_visits_has_no_visits_section(client, make_visit, villages):
    sedahkidul, sumberrejo = villages
    make_visit(villages=[sumberrejo])
    html = client.get(sedahkidul.get_absolute_url()).content.decode()
    assert "kunjungan-desa" not in html


@pytest.mark.parametrize("count", [1, 8])
def test_the_panel_runs_one_query_whatever_the_number_of_visits(
    make_visit, villages, django_assert_num_queries, count
):
    from visits.panels import village_visits

    sedahkidul, _ = villages
    for _ in range(count):
        make_visit(villages=[sedahkidul])
    with django_assert_num_queries(1):
        context = village_visits(sedahkidul)
        titles = [visit.institution.name for visit in context["visits"]]
    assert len(titles) == count
