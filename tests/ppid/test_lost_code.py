"""A lost access code: a new one by e-mail, once per form, throttled, and never telling whether the e-mail matched."""

import datetime
import re

import pytest
from django.urls import reverse

from ppid import services
from ppid.models import MessageKind, OutboxMessage, RequestEvent

D = datetime.date
URL = "/ppid/permohonan/kode-hilang/"


@pytest.fixture
def filed(register):
    return register(received_on=D(2025, 6, 2))


def _token(client):
    page = client.get(URL).content.decode()
    return re.search(r'name="once" value="([^"]+)"', page).group(1)


def _ask(client, capture, number, email, token=None):
    data = {"number": number, "email": email, "once": token or _token(client), "website": ""}
    with capture(execute=True):
        return client.post(URL, data)


def _new_codes():
    """The new-code e-mails queued in the outbox (the registration's own e-mail is not one)."""
    return list(OutboxMessage.objects.filter(kind=MessageKind.CODE_REISSUED).order_by("pk"))


def _sent_page(client):
    page = client.get(reverse("ppid:lost_code_sent")).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_the_matching_e_mail_gets_a_new_code_and_the_old_one_stops_working(
    client, filed, django_capture_on_commit_callbacks
):
    number = filed.request.number
    response = _ask(client, django_capture_on_commit_callbacks, number.lower(), " SRI@example.org ")
    assert response.status_code == 302 and response["Location"] == reverse("ppid:lost_code_sent")
    assert [m.to for m in _new_codes()] == ["sri@example.org"]
    new_code = re.search(r"[A-Z2-7]{4}(?:-[A-Z2-7]{2,4}){6}", _new_codes()[0].body).group(0)
    assert services.find_request(number, new_code) == filed.request
    assert services.find_request(number, filed.access_code) is None
    assert filed.request.events.filter(kind=RequestEvent.Kind.CODE_RESET).count() == 1


@pytest.mark.parametrize(
    ("number", "email"),
    [
        ("PPID/2025/000001", "someone@example.org"),
        ("PPID/2025/999999", "sri@example.org"),
        ("KEB/2025/000001", "x@y.id"),
    ],
)
def test_the_answer_is_the_same_whether_or_not_the_e_mail_matched(
    client, filed, django_capture_on_commit_callbacks, number, email
):
    number = number if number != "PPID/2025/000001" else filed.request.number
    miss = _ask(client, django_capture_on_commit_callbacks, number, email)
    miss_page, miss_session = _sent_page(client), dict(client.session["ppid_results"])
    assert not _new_codes()
    assert services.find_request(filed.request.number, filed.access_code) == filed.request
    other = client.__class__()
    hit = _ask(other, django_capture_on_commit_callbacks, filed.request.number, "sri@example.org")
    assert len(_new_codes()) == 1
    assert (miss.status_code, miss["Location"]) == (hit.status_code, hit["Location"])
    assert _sent_page(other) == miss_page
    assert dict(other.session["ppid_results"]) == miss_session
    assert "sri@example.org" not in miss_page


def test_a_repeated_post_and_a_reload_issue_no_second_code(client, filed, django_capture_on_commit_callbacks):
    token = _token(client)
    for _ in range(2):
        response = _ask(
            client, django_capture_on_commit_callbacks, filed.request.number, "sri@example.org", token
        )
        assert response.status_code == 302
    assert client.get(reverse("ppid:lost_code_sent")).status_code == 200
    assert client.get(reverse("ppid:lost_code_sent")).status_code == 200
    assert len(_new_codes()) == 1


def test_the_form_is_throttled_per_client(client, filed, django_capture_on_commit_callbacks):
    for _ in range(5):
        assert (
            _ask(client, django_capture_on_commit_callbacks, "PPID/2025/999999", "a@b.id").status_code == 302
        )
    response = _ask(client, django_capture_on_commit_callbacks, filed.request.number, "sri@example.org")
    assert response.status_code == 429 and response["Retry-After"]
    assert not _new_codes()


def test_a_request_gets_at_most_three_new_codes_a_day_whoever_asks(
    filed, django_capture_on_commit_callbacks, monkeypatch
):
    from django.test import Client

    from ppid.services import request_acts

    clients = [Client(REMOTE_ADDR=f"192.0.2.{n}") for n in range(1, 6)]
    for each in clients:
        response = _ask(each, django_capture_on_commit_callbacks, filed.request.number, "sri@example.org")
        assert response.status_code == 302
    assert len(_new_codes()) == request_acts.LOST_CODES_PER_REQUEST == 3
    assert filed.request.events.filter(kind=RequestEvent.Kind.CODE_RESET).count() == 3
    assert _sent_page(clients[-1]) == _sent_page(clients[0])  # the same answer, issued or not
    later = request_acts.timezone.now() + request_acts.LOST_CODE_WINDOW
    monkeypatch.setattr(request_acts.timezone, "now", lambda: later)
    _ask(
        Client(REMOTE_ADDR="192.0.2.9"),
        django_capture_on_commit_callbacks,
        filed.request.number,
        "sri@example.org",
    )
    assert len(_new_codes()) == 4


def test_a_malformed_e_mail_is_shown_next_to_the_field(client, db):
    response = client.post(URL, {"number": "PPID/2025/000001", "email": "not an address", "once": "x" * 20})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert 'aria-describedby="id_email_error' in response.content.decode()


def test_the_result_page_without_a_request_goes_back_to_the_form(client, db):
    response = client.get(URL + "terkirim/")
    assert response.status_code == 302 and response["Location"] == URL


def test_the_tracking_form_links_to_it(client, db):
    assert URL in client.get(reverse("ppid:track")).content.decode()
