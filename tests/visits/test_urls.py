"""Every URL of the visits section: the public ones open to all, the back-office ones behind login."""

import pytest
from django.urls import reverse

from visits.models import Visit

PUBLIC = [
    ("visits:list", "text/html"),
    ("visits:statistics", "text/html"),
    ("visits:feed", "application/rss+xml"),
    ("visits:feed-atom", "application/atom+xml"),
    ("visits:data-csv", "text/csv"),
    ("visits:data-json", "application/json"),
]


@pytest.mark.parametrize(("name", "content_type"), PUBLIC)
def test_public_pages_open_without_login(client, make_visit, name, content_type):
    make_visit()
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)


def test_a_published_visit_page_opens_without_login(client, make_visit):
    assert client.get(make_visit().get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "admin:visits_visit_changelist",
        "admin:visits_visit_add",
        "admin:visits_institution_changelist",
        "admin:visits_topic_changelist",
        "admin:visits_hostunit_changelist",
    ],
)
def test_back_office_pages_need_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize(
    "name", ["admin:visits_visit_preview", "admin:visits_visit_publication", "admin:visits_visit_change"]
)
def test_back_office_pages_of_one_visit_need_login(client, make_visit, name):
    visit = make_visit(status=Visit.Status.DRAFT)
    response = client.get(reverse(name, args=[visit.pk]))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "path",
    ["/kunjungan/tidak-ada/", "/kunjungan/statistik/x/", "/kunjungan/feed/rss/", "/kunjungan/data.xml"],
)
def test_unknown_addresses_are_not_found(client, db, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "tahun=%ff%fe",
        "page=99999999999999999999",
        "tahun=2018&tahun=2019",
        "topik=" + "x" * 5000,
        "provinsi[]=33",
    ],
)
def test_odd_query_strings_never_fail(client, make_visit, query):
    make_visit()
    assert client.get(f"/kunjungan/?{query}").status_code in (200, 404)
