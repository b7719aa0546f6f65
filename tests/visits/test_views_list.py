"""`/kunjungan/`: the visibility gate, every filter and their combination, pagination, bad input."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from visits.models import Institution, Visit
from visits.views import PAGE_SIZE

LIST = reverse("visits:list")


def titles(response):
    return [visit.title for visit in response.context["object_list"]]


@pytest.fixture
def catalogue(make_visit, make_topic, magelang, sleman):
    """Five published visits spread over years, provinces, types and topics."""
    kim, ogp, ppid = make_topic("KIM", "kim"), make_topic("OGP", "ogp"), make_topic("PPID", "ppid")
    dprd = Institution.objects.create(name="DPRD Kota Semarang", kind="dprd", region_code="33.74")
    ministry = Institution.objects.create(name="Kementerian Komunikasi dan Informatika", kind="kementerian")
    make_visit(
        title="A Magelang 2017 KIM",
        institution=magelang,
        start_date=datetime.date(2017, 9, 19),
        topics=[kim, ogp],
    )
    make_visit(
        title="B Sleman 2017 OGP", institution=sleman, start_date=datetime.date(2017, 3, 1), topics=[ogp]
    )
    make_visit(
        title="C Semarang 2018 KIM", institution=dprd, start_date=datetime.date(2018, 1, 10), topics=[kim]
    )
    make_visit(
        title="D Sleman 2018 PPID",
        institution=sleman,
        start_date=datetime.date(2018, 6, 5),
        topics=[ppid],
        kind=Visit.Kind.BENCHMARKING,
    )
    make_visit(
        title="E Kementerian 2019", institution=ministry, start_date=datetime.date(2019, 2, 2), topics=[kim]
    )


def test_only_published_visits_whose_time_has_come_are_listed(client, make_visit):
    make_visit(title="Terbit")
    make_visit(title="Draf", status=Visit.Status.DRAFT)
    make_visit(title="Terjadwal", status=Visit.Status.SCHEDULED)
    response = client.get(LIST)
    assert titles(response) == ["Terbit"]
    content = response.content.decode()
    assert "Draf" not in content and "Terjadwal" not in content


def test_a_scheduled_visit_is_hidden_until_its_time_and_its_publication(client, make_visit, monkeypatch):
    make_visit(
        title="Terjadwal",
        status=Visit.Status.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert titles(client.get(LIST)) == []
    from visits import services

    real_now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: real_now + datetime.timedelta(hours=2))
    services.publish_due()
    assert titles(client.get(LIST)) == ["Terjadwal"]


def test_visits_are_listed_newest_first(client, catalogue):
    assert titles(client.get(LIST)) == [
        "E Kementerian 2019",
        "D Sleman 2018 PPID",
        "C Semarang 2018 KIM",
        "A Magelang 2017 KIM",
        "B Sleman 2017 OGP",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tahun": "2017"}, ["A Magelang 2017 KIM", "B Sleman 2017 OGP"]),
        ({"provinsi": "34"}, ["D Sleman 2018 PPID", "B Sleman 2017 OGP"]),
        ({"provinsi": "33"}, ["C Semarang 2018 KIM", "A Magelang 2017 KIM"]),
        ({"jenis_instansi": "pemkab"}, ["D Sleman 2018 PPID", "B Sleman 2017 OGP"]),
        ({"jenis_instansi": "kementerian"}, ["E Kementerian 2019"]),
        ({"topik": "kim"}, ["E Kementerian 2019", "C Semarang 2018 KIM", "A Magelang 2017 KIM"]),
        ({"jenis": "benchmarking"}, ["D Sleman 2018 PPID"]),
    ],
)
def test_each_filter_narrows_the_list(client, catalogue, query, expected):
    assert titles(client.get(LIST, query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tahun": "2018", "topik": "kim"}, ["C Semarang 2018 KIM"]),
        ({"provinsi": "33", "topik": "kim", "tahun": "2017"}, ["A Magelang 2017 KIM"]),
        ({"provinsi": "34", "jenis_instansi": "pemkab", "topik": "ogp"}, ["B Sleman 2017 OGP"]),
        ({"tahun": "2019", "provinsi": "34"}, []),
    ],
)
def test_filters_combine(client, catalogue, query, expected):
    assert titles(client.get(LIST, query)) == expected


def test_filter_choices_offer_only_values_with_published_visits(client, catalogue, make_visit, make_topic):
    make_visit(
        title="Draf 2030",
        status=Visit.Status.DRAFT,
        start_date=datetime.date(2030, 1, 1),
        topics=[make_topic("Rahasia", "rahasia")],
    )
    form = client.get(LIST).context["filter_form"]
    assert [value for value, _label in form.fields["tahun"].choices] == ["", 2019, 2018, 2017]
    assert [label for _value, label in form.fields["provinsi"].choices] == [
        "All provinces",
        "Daerah Istimewa Yogyakarta",
        "Jawa Tengah",
    ]
    assert "rahasia" not in [value for value, _label in form.fields["topik"].choices]


def test_an_empty_result_says_so(client, catalogue):
    response = client.get(LIST, {"tahun": "2019", "provinsi": "34"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "No published visit matches these filters." in content
    assert "0 visits match your filters" in content


def test_an_empty_portal_says_nothing_is_published(client, db):
    assert "No visits have been published yet." in client.get(LIST).content.decode()


def test_filters_survive_pagination(client, make_visit, make_topic):
    kim = make_topic("KIM", "kim")
    for day in range(PAGE_SIZE + 3):
        make_visit(
            title=f"KIM {day:02d}",
            topics=[kim],
            start_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day),
        )
    make_visit(title="Tanpa topik", start_date=datetime.date(2018, 3, 1))

    first = client.get(LIST, {"topik": "kim", "tahun": "2018"})
    content = first.content.decode()
    next_link = re.search(r'href="([^"]+)" rel="next"', content).group(1).replace("&amp;", "&")
    assert "topik=kim" in next_link and "tahun=2018" in next_link and "page=2" in next_link

    second = client.get(LIST + next_link)
    assert titles(second) == ["KIM 02", "KIM 01", "KIM 00"]
    assert second.context["filter_form"]["topik"].value() == "kim"


@pytest.mark.parametrize(
    "query",
    [
        {"tahun": "abc"},
        {"tahun": "1999"},
        {"provinsi": "xx"},
        {"jenis_instansi": "pemdes"},
        {"topik": "\x00"},
        {"topik": "tidak-ada", "tahun": "2017"},
        {"jenis": "<script>"},
    ],
)
def test_a_bad_filter_value_is_reported_and_the_page_still_works(client, catalogue, query):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert "No published visit matches this choice." in response.content.decode()
    assert "<script>" not in response.content.decode().split("<main")[1].split("</main>")[0].replace(
        "&lt;script&gt;", ""
    )


def test_the_valid_filters_still_apply_beside_a_bad_one(client, catalogue):
    assert titles(client.get(LIST, {"tahun": "2017", "topik": "tidak-ada"})) == [
        "A Magelang 2017 KIM",
        "B Sleman 2017 OGP",
    ]


@pytest.mark.parametrize("page", ["99", "abc", "0", "-1", "1.5"])
def test_a_page_that_does_not_exist_is_not_found(client, catalogue, page):
    assert client.get(LIST, {"page": page}).status_code == 404


def test_the_list_shows_a_sample_badge_only_on_sample_visits(client, make_visit):
    make_visit(title="Contoh", is_sample=True)
    make_visit(title="Nyata")
    content = client.get(LIST).content.decode()
    assert content.count("badge--warn") == 1


def _fill(make_visit, make_photo, make_topic, count):
    topic = make_topic(f"Topik {count}")
    for number in range(count):
        visit = make_visit(title=f"Kunjungan {number}", topics=[topic])
        if number % 2 == 0:
            make_photo(visit, width=400, height=300)


@pytest.mark.parametrize("count", [2, 12])
def test_list_queries_do_not_grow_with_the_number_of_visits(
    client, make_visit, make_photo, make_topic, django_assert_max_num_queries, count
):
    _fill(make_visit, make_photo, make_topic, count)
    with django_assert_max_num_queries(7):
        response = client.get(LIST, {"topik": f"topik-{count}"})
    assert len(response.context["object_list"]) == count
