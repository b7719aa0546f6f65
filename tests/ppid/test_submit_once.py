"""Each public form submits once: a repeated POST shows the first result, a reload creates nothing."""

import re

from ppid import services
from ppid.forms import SurveyForm
from ppid.models import FormSubmission, InfoRequest, Objection, SurveyResponse

from .conftest import answer
from .pages import NEW, OBJECT, TRACK, D, form_data, text

ONCE = "t0k3n-0f-th1s-f0rm-page"
REGISTERED = "/ppid/permohonan/terdaftar/"


def shown_code(html):
    match = re.search(r'id="kode">([A-Z2-7-]+)<', html)
    return match.group(1) if match else None


def test_the_form_carries_a_fresh_one_time_token(client, unit_sedahkidul):
    first = re.search(r'name="once" value="([^"]+)"', text(client.get(NEW))).group(1)
    second = re.search(r'name="once" value="([^"]+)"', text(client.get(NEW))).group(1)
    assert len(first) >= 16 and first != second


def test_two_identical_request_posts_make_one_request_and_show_it(client, unit_sedahkidul):
    data = form_data(unit_sedahkidul, once=ONCE)
    first = client.post(NEW, data)
    assert first.status_code == 302 and first["Location"] == REGISTERED
    again = client.post(NEW, data)
    assert again.status_code == 302 and again["Location"] == REGISTERED
    assert InfoRequest.objects.count() == 1
    html = text(client.get(REGISTERED))
    info_request = InfoRequest.objects.get()
    code = shown_code(html)
    assert info_request.number in html and services.find_request(info_request.number, code) == info_request
    assert FormSubmission.objects.get(token=ONCE).object_id == info_request.pk


def test_the_access_code_is_shown_once_and_never_in_the_address(client, unit_sedahkidul):
    response = client.post(NEW, form_data(unit_sedahkidul, once=ONCE))
    assert "kode" not in response["Location"] and "code" not in response["Location"]
    page = client.get(REGISTERED)
    code = shown_code(text(page))
    assert code and "no-store" in page["Cache-Control"]
    assert code not in str(dict(client.session))  # held encrypted, and gone after the page
    reload = text(client.get(REGISTERED))
    info_request = InfoRequest.objects.get()
    assert info_request.number in reload and shown_code(reload) is None and code not in reload
    assert InfoRequest.objects.count() == 1


def test_the_result_page_without_a_submission_goes_to_the_form(client, unit_sedahkidul):
    assert client.get(REGISTERED)["Location"] == NEW
    assert client.get("/ppid/keberatan/terdaftar/")["Location"] == OBJECT
    assert client.get("/ppid/permohonan/lacak/hasil/")["Location"] == TRACK


def test_two_identical_objection_posts_file_one_objection(client, register, monkeypatch):
    registration = register(received_on=D(2025, 6, 2))
    answer(registration.request, decision="refused", issued_on=D(2025, 6, 11))
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: D(2025, 6, 20))
    data = {
        "number": registration.request.number,
        "code": registration.access_code,
        "grounds": ["a"],
        "statement": "Tidak setuju.",
        "once": ONCE,
    }
    first = client.post(OBJECT, data)
    again = client.post(OBJECT, data)
    assert first["Location"] == again["Location"] == "/ppid/keberatan/terdaftar/"
    objection = Objection.objects.get()
    assert objection.number in text(client.get(first["Location"]))
    assert objection.number in text(client.get(first["Location"]))  # a reload shows it again
    assert Objection.objects.count() == 1


def test_tracking_redirects_and_a_reload_shows_the_request_again(client, register):
    registration = register(received_on=D(2025, 3, 27))
    data = {"number": registration.request.number, "code": registration.access_code, "once": ONCE}
    first = client.post(TRACK, data)
    again = client.post(TRACK, data)
    assert first["Location"] == again["Location"] == "/ppid/permohonan/lacak/hasil/"
    page = client.get(first["Location"])
    assert registration.request.number in text(page) and "no-store" in page["Cache-Control"]
    assert registration.request.number in text(client.get(first["Location"]))
    assert registration.access_code not in text(page)


def test_two_identical_survey_posts_record_one_survey(client, register):
    registration = register(received_on=D(2025, 6, 2))
    answer(registration.request, issued_on=D(2025, 6, 11))
    data = {"token": SurveyForm.make_token(registration.request), "once": ONCE}
    data.update({f"q{i}": 3 for i in range(1, 10)})
    first = client.post("/ppid/permohonan/survei/", data)
    again = client.post("/ppid/permohonan/survei/", data)
    assert first["Location"] == again["Location"] == "/ppid/permohonan/survei/terima-kasih/"
    assert SurveyResponse.objects.count() == 1
    assert registration.request.number in text(client.get(first["Location"]))
    assert registration.request.number in text(client.get(first["Location"]))
    assert SurveyResponse.objects.count() == 1
