"""`/kunjungan/statistik/`: the counts per year, province, type and topic against known data."""

import datetime
import re

import pytest
from django.urls import reverse

from portal.models import Village
from tests.conftest import SEDAHKIDUL, SUMBERREJO
from visits.models import Institution, Visit
from visits.statistics import visit_statistics

STATS = reverse("visits:statistics")


@pytest.fixture
def dataset(make_visit, make_topic, magelang, sleman):
    """Six published visits and one draft; the expected counts are worked out by hand below.

    | visit | year | institution (province, type) | topics   | villages              |
    | 1     | 2016 | Magelang (33, pemkot)        | KIM, OGP | Sedahkidul            |
    | 2     | 2016 | Sleman (34, pemkab)          | KIM      | Sedahkidul, Sumberrejo |
    | 3     | 2018 | Sleman (34, pemkab)          | OGP, PPID| –                     |
    | 4     | 2018 | Magelang (33, pemkot)        | KIM      | –                     |
    | 5     | 2018 | Semarang DPRD (33, dprd)     | –        | –                     |
    | 6     | 2019 | Kenya (–, foreign)           | OGP      | Sumberrejo            |
    | draft | 2020 | Magelang                     | PPID     | –                     |
    """
    kim, ogp, ppid = make_topic("KIM", "kim"), make_topic("OGP", "ogp"), make_topic("PPID", "ppid")
    dprd = Institution.objects.create(name="DPRD Kota Semarang", kind="dprd", region_code="33.74")
    kenya = Institution.objects.create(
        name="Elgeyo Marakwet County Government", kind="asing", country="Kenya"
    )
    sedahkidul, sumberrejo = Village.objects.get(code=SEDAHKIDUL), Village.objects.get(code=SUMBERREJO)
    day = datetime.date
    make_visit(institution=magelang, start_date=day(2016, 3, 1), topics=[kim, ogp], villages=[sedahkidul])
    make_visit(
        institution=sleman, start_date=day(2016, 8, 1), topics=[kim], villages=[sedahkidul, sumberrejo]
    )
    make_visit(institution=sleman, start_date=day(2018, 2, 1), topics=[ogp, ppid])
    make_visit(institution=magelang, start_date=day(2018, 5, 1), topics=[kim])
    make_visit(institution=dprd, start_date=day(2018, 9, 1))
    make_visit(institution=kenya, start_date=day(2019, 4, 1), topics=[ogp], villages=[sumberrejo])
    make_visit(institution=magelang, start_date=day(2020, 1, 1), topics=[ppid], status=Visit.Status.DRAFT)


def rows(items):
    return [(row.label, row.count) for row in items]


def test_counts_per_year_include_quiet_years_and_skip_drafts(dataset):
    stats = visit_statistics(Visit.objects.published())
    assert rows(stats.by_year) == [("2016", 2), ("2017", 0), ("2018", 3), ("2019", 1)]
    assert stats.total == 6


def test_counts_by_province_put_institutions_without_province_last(dataset):
    stats = visit_statistics(Visit.objects.published())
    assert rows(stats.by_province) == [
        ("Jawa Tengah", 3),
        ("Daerah Istimewa Yogyakarta", 2),
        ("No province (ministries, foreign governments and others)", 1),
    ]
    assert stats.provinces == 2


def test_counts_by_institution_type(dataset):
    stats = visit_statistics(Visit.objects.published())
    assert rows(stats.by_institution_kind) == [
        ("City government (Pemkot)", 2),
        ("Regency government (Pemkab)", 2),
        ("Foreign government", 1),
        ("Regional parliament (DPRD)", 1),
    ]


def test_top_topics_count_published_visits_only(dataset):
    stats = visit_statistics(Visit.objects.published())
    assert rows(stats.top_topics) == [("KIM", 3), ("OGP", 3), ("PPID", 1)]


def test_totals_of_institutions_and_villages(dataset):
    stats = visit_statistics(Visit.objects.published())
    assert (stats.institutions, stats.villages) == (4, 2)


def test_the_page_shows_the_numbers_in_charts_and_tables(client, dataset):
    html = client.get(STATS).content.decode()
    figures = re.findall(r'<span class="figure__value">(\d+)</span>', html)
    assert figures == ["6", "4", "2", "2"]
    assert html.count("<svg") == 4
    assert html.count('<table class="stacked">') == 4
    year_table = re.search(r"Visits per year.*?<tbody>(.*?)</tbody>", html, re.S).group(1)
    assert re.findall(
        r'<th scope="row">(?:<a href="[^"]*">)?(\d{4})(?:</a>)?</th><td class="num"[^>]*>(\d+)</td>',
        year_table,
    ) == [
        ("2016", "2"),
        ("2017", "0"),
        ("2018", "3"),
        ("2019", "1"),
    ]
    assert '<a href="/kunjungan/?topik=kim">KIM</a>' in html
    assert '<a href="/kunjungan/?provinsi=33">Jawa Tengah</a>' in html
    assert "<script" not in html


def test_the_page_without_visits_says_so(client, db):
    html = client.get(STATS).content.decode()
    assert "No visits have been published yet." in html
    assert "<svg" not in html


@pytest.mark.parametrize("extra", [0, 10])
def test_statistics_queries_do_not_grow_with_visits(
    client, dataset, make_visit, django_assert_max_num_queries, extra
):
    for number in range(extra):
        make_visit(start_date=datetime.date(2015 + number % 8, 1, 1))
    with django_assert_max_num_queries(6):
        assert client.get(STATS).status_code == 200
