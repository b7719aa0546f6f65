"""The page satisfaction widget: works without JavaScript, one vote per visitor per page."""

import re

import pytest
from django.core import signing
from django.test import Client

from portal.forms import VoteForm
from portal.models import SatisfactionVote
from portal.services import VISITOR_COOKIE, seed_votes, vote_summary

PAGE = "/wilayah/35.22.18.2007/"


def token_from(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def vote(client, choice, page=PAGE):
    token = token_from(client.get(page).content.decode())
    return client.post("/penilaian/", {"choice": choice, "token": token}, **SAME_SITE)


def test_vote_without_javascript_posts_and_redirects_back(client, db):
    response = vote(client, 4)
    assert response.status_code == 302
    assert response["Location"] == PAGE + "#penilaian"
    html = client.get(PAGE).content.decode()
    assert SatisfactionVote.objects.get().choice == 4
    assert re.search(r"Very satisfied|Sangat Puas", html)
    assert "100%" in html


def test_second_vote_from_same_visitor_replaces_the_first(client, db):
    vote(client, 4)
    vote(client, 1)
    assert list(SatisfactionVote.objects.values_list("choice", flat=True)) == [1]
    html = client.get(PAGE).content.decode()
    assert re.search(r"(Your current vote|Pilihan Anda saat ini): (Not satisfied|Tidak Puas)", html)


def test_votes_from_two_visitors_on_two_pages_are_counted_apart(db):
    first, second = Client(), Client()
    vote(first, 4)
    vote(second, 3)
    vote(first, 2, page="/wilayah/35.22.18/")
    shares, total = vote_summary(PAGE)
    assert total == 2
    assert {s.choice: s.count for s in shares} == {4: 1, 3: 1, 2: 0, 1: 0}
    assert vote_summary("/wilayah/35.22.18/")[1] == 1


def test_a_pages_indonesian_and_english_addresses_share_one_tally(db):
    indonesian, english = Client(), Client()
    vote(indonesian, 4)
    response = vote(english, 1, page="/en" + PAGE)
    assert response["Location"] == "/en" + PAGE + "#penilaian"
    assert vote_summary(PAGE)[1] == 2
    assert vote_summary("/en" + PAGE) == vote_summary(PAGE)
    html = english.get("/en" + PAGE).content.decode()
    assert "Your current vote: Not satisfied" in html
    assert "2 votes" in html
    vote(english, 3)
    assert sorted(SatisfactionVote.objects.values_list("choice", flat=True)) == [3, 4]


def test_percentages_match_the_2017_article_poll(db):
    seed_votes(path=PAGE, title="Desa Sedahkidul", counts={4: 14, 3: 2, 2: 1, 1: 2})
    shares, total = vote_summary(PAGE)
    assert total == 19
    assert [s.percent for s in shares] == [74, 11, 5, 11]


@pytest.mark.parametrize("choice", ["5", "0", "-1", "abc", "", "4; DROP TABLE"])
def test_tampered_choice_is_refused_with_a_message(client, db, choice):
    response = vote(client, choice)
    assert response.status_code == 302
    assert SatisfactionVote.objects.count() == 0
    html = client.get(PAGE).content.decode()
    assert 'class="message message--error"' in html


def test_tampered_page_token_is_refused(client, db):
    forged = signing.dumps({"path": "/elsewhere/", "title": "x"}, salt="another-salt")
    response = client.post("/penilaian/", {"choice": 4, "token": forged}, **SAME_SITE)
    assert response.status_code == 302
    assert response["Location"] == "/#penilaian"
    assert SatisfactionVote.objects.count() == 0


def test_token_for_an_external_page_is_refused(db):
    token = VoteForm.sign("//evil.example/", "")
    form = VoteForm({"choice": 4, "token": token})
    assert not form.is_valid()
    assert form.page() == "/"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {},
    ],
)
def test_cross_site_votes_are_refused(db, headers):
    """CSRF: a form on another site (or with no origin at all) cannot vote."""
    client = Client(enforce_csrf_checks=True)
    token = token_from(client.get(PAGE).content.decode())
    response = client.post("/penilaian/", {"choice": 4, "token": token}, **headers)
    assert response.status_code == 403
    assert SatisfactionVote.objects.count() == 0


def test_same_site_vote_passes_without_a_per_visitor_token(db):
    client = Client(enforce_csrf_checks=True)
    token = token_from(client.get(PAGE).content.decode())
    response = client.post(
        "/penilaian/", {"choice": 4, "token": token}, HTTP_REFERER="http://testserver" + PAGE
    )
    assert response.status_code == 302
    assert SatisfactionVote.objects.count() == 1


def test_public_pages_carry_no_per_visitor_token_and_set_no_cookie(client, db):
    response = client.get(PAGE)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_votes_are_throttled_per_client(client, db):
    token = token_from(client.get(PAGE).content.decode())
    statuses = [
        client.post("/penilaian/", {"choice": 4, "token": token}, **SAME_SITE).status_code for _ in range(12)
    ]
    assert statuses[:10] == [302] * 10
    assert statuses[10:] == [429, 429]


def test_get_is_not_allowed_on_the_vote_url(client, db):
    assert client.get("/penilaian/").status_code == 405


def test_visitor_cookie_is_httponly_and_no_raw_id_is_stored(client, db):
    response = vote(client, 3)
    cookie = response.cookies[VISITOR_COOKIE]
    assert cookie["httponly"]
    assert SatisfactionVote.objects.get().voter != cookie.value


def test_a_page_renders_the_same_token_whatever_the_clock_says(client, db):
    """A cached page and a fresh render of it must not differ by the second they were made in."""
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=1_800_000_000.0):
        first = token_from(client.get(PAGE).content.decode())
    with mock.patch("django.core.signing.time.time", return_value=1_800_000_999.0):
        later = token_from(client.get(PAGE).content.decode())
    assert first == later
