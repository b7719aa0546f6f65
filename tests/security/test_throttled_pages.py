"""Every throttled form and search answer a clear 429 page and save nothing."""

import math
import time

import pytest
from django.core import signing
from django.test import Client

from portal.forms import VoteForm
from portal.models import SatisfactionVote
from ppid.forms import SurveyForm
from ppid.models import (
    InfoRequest,
    Objection,
    SurveyResponse,
)
from tests.conftest import SEDAHKIDUL
from tests.security.conftest import html_posts
from tests.security.page_checks import header_problems, inline_code

# --- The 429 page of every throttled form and of search --------------------------------------

OTHER_CLIENT = {"REMOTE_ADDR": "203.0.113.9"}
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def throttled_endpoints(site):
    """(method, path, rate limit, a valid submission, the rows it creates, extra headers) per throttle."""
    post, tracked = html_posts(site)[1][1], site["surveyed_registration"]
    answered = site["answered"].request
    vote_token = signing.Signer(salt=VoteForm.SALT).sign_object(
        {"path": f"/wilayah/{SEDAHKIDUL}/", "title": "Sedahkidul"}
    )
    return {
        "request": ("post", "/ppid/permohonan/baru/", 20, post, InfoRequest, {}),
        "tracking": (
            "post", "/ppid/permohonan/lacak/", 20,
            {"number": tracked.request.number, "code": tracked.access_code}, None, {},
        ),
        "objection": (
            "post", "/ppid/keberatan/baru/", 20,
            {"number": tracked.request.number, "code": tracked.access_code, "grounds": ["b"], "statement": "Kurang."},
            Objection, {},
        ),
        "survey": (
            "post", "/ppid/permohonan/survei/", 20,
            {"token": SurveyForm.make_token(answered), **{f"q{n}": 3 for n in range(1, 10)}}, SurveyResponse, {},
        ),
        "vote": ("post", "/penilaian/", 10, {"choice": 4, "token": vote_token}, SatisfactionVote, SAME_SITE),
        "search": ("get", "/cari/", 60, {"q": "Sedahkidul"}, None, {}),
    }  # fmt: skip


@pytest.fixture
def throttle_clock(monkeypatch):
    """The throttles' clock stopped 25 minutes into the hour, 30 seconds into the minute.

    Limits count per window (an hour, a minute); a run that crossed a window's end
    would start counting afresh halfway through. Only the throttles' clock stops.
    """
    now = time.time()
    stopped = now - now % 3600 + 25 * 60 + 30
    monkeypatch.setattr("portal.throttle.now", lambda: stopped)
    return stopped


@pytest.mark.parametrize("name", ["request", "tracking", "objection", "survey", "vote", "search"])
def test_a_throttled_client_gets_a_clear_429_page_and_nothing_is_saved(
    client, public_site, throttle_clock, name
):
    method, path, limit, valid, model, headers = throttled_endpoints(public_site)[name]
    send = getattr(client, method)
    for _attempt in range(limit):
        # Honeypot filled: refused anyway, but every attempt counts.
        assert send(path, {**valid, "website": "spam"}, **headers).status_code != 429
    before = model.objects.count() if model else None
    response = send(path, valid, **headers)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in html and "menit" in html  # the page speaks the visitor's language
    # The window ends at the next full minute (vote, search) or hour (the forms).
    wait = 30 if name in ("vote", "search") else 35 * 60 - 30
    assert response["Retry-After"] == str(wait)
    assert f"Tunggu {math.ceil(wait / 60)} menit" in html
    assert "no-store" in response["Cache-Control"]
    assert header_problems(response) == [] and inline_code(html) == []
    if model:
        assert model.objects.count() == before
    if name == "tracking":
        assert public_site["surveyed_registration"].request.number not in html
    # Another client (another address, no cookies) is not held back by this one.
    other = getattr(Client(), method)(path, valid, **headers, **OTHER_CLIENT)
    assert other.status_code in (200, 302)
    if model:
        assert model.objects.count() == before + 1


def test_the_429_page_speaks_english_to_english_visitors(client, public_site, throttle_clock):
    for _attempt in range(61):
        response = client.get("/en/cari/", {"q": "desa"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many attempts" in html and "Please wait 1 minute and try again." in html
