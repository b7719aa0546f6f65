"""Public request pages: the request form with its messages, tracking, the survey and objections."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from ppid import services
from ppid.forms import SurveyForm
from ppid.models import (
    InfoRequest,
    Objection,
    SurveyResponse,
)
from tests.sample_files import pdf_bytes

from .conftest import VALID_NIK, answer, deliver
from .pages import NEW, OBJECT, TRACK, D, field_error, form_data, text

# --- The request form ------------------------------------------------------------------


def test_request_form_groups_villages_by_kecamatan_and_explains_privacy(client, utama, unit_sedahkidul):
    html = text(client.get(NEW))
    assert '<optgroup label="Kecamatan Purwosari">' in html
    assert f'<option value="{unit_sedahkidul.pk}">PPID Desa Sedahkidul</option>' in html
    assert "Your personal data" in html or "Data pribadi Anda" in html
    assert 'class="ppid-hp" aria-hidden="true"' in html
    assert "novalidate" in html


def test_request_form_preselects_the_unit_from_the_address(client, utama, unit_sedahkidul):
    html = text(client.get(NEW + "?unit=desa-sedahkidul"))
    assert f'<option value="{unit_sedahkidul.pk}" selected>' in html


def test_mistakes_are_shown_next_to_each_field_and_nothing_is_lost(client, unit_sedahkidul):
    data = form_data(
        unit_sedahkidul,
        requester_nik="3522183208900001",
        requester_phone="",
        requester_email="",
        information_requested="",
    )
    response = client.post(NEW, data)
    html = text(response)
    assert response.status_code == 200
    assert "birth" in field_error(html, "requester_nik") or "lahir" in field_error(html, "requester_nik")
    assert field_error(html, "requester_phone") and field_error(html, "requester_email")
    assert field_error(html, "information_requested")
    assert re.search(r'name="requester_nik"[^>]*aria-describedby="[^"]*id_requester_nik_error', html)
    assert re.search(r'name="requester_nik"[^>]*aria-invalid="true"', html)
    # What was typed is still there.
    assert 'value="Sri Wulandari"' in html and "Jalan Mawar 1, Sedahkidul" in html
    assert not InfoRequest.objects.exists()


def test_a_valid_request_shows_the_number_and_the_code_once(
    client, unit_sedahkidul, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, form_data(unit_sedahkidul), follow=True)
    html = text(response)
    info_request = InfoRequest.objects.get()
    assert info_request.number in html
    code = re.search(r'id="kode">([A-Z2-7-]+)<', html).group(1)
    assert services.find_request(info_request.number, code) == info_request
    assert "no-store" in response["Cache-Control"]
    assert info_request.channel == "online" and info_request.requester_nik == VALID_NIK
    assert code in deliver("sri@example.org")[0].body


def test_filled_honeypot_is_refused(client, unit_sedahkidul):
    response = client.post(NEW, form_data(unit_sedahkidul, website="http://spam.example"))
    assert response.status_code == 200
    assert not InfoRequest.objects.exists()


def test_a_legal_entity_needs_its_decree_and_no_nik(client, unit_sedahkidul):
    html = text(client.post(NEW, form_data(unit_sedahkidul, requester_kind="entity", requester_nik="")))
    assert field_error(html, "requester_entity_decree")
    client.post(
        NEW,
        form_data(
            unit_sedahkidul, requester_kind="entity", requester_nik="123", requester_entity_decree="AHU-0001"
        ),
    )
    assert InfoRequest.objects.get().requester_nik == ""


def test_a_proxy_must_attach_the_power_of_attorney(client, unit_sedahkidul):
    html = text(client.post(NEW, form_data(unit_sedahkidul, is_proxy="on")))
    assert field_error(html, "requester_proxy_letter")
    letter = SimpleUploadedFile("kuasa.pdf", pdf_bytes("surat kuasa"), content_type="application/pdf")
    client.post(NEW, {**form_data(unit_sedahkidul, is_proxy="on"), "requester_proxy_letter": letter})
    info_request = InfoRequest.objects.get()
    assert info_request.is_proxy and info_request.requester_proxy_letter.name.startswith("ppid/kuasa/")
    assert "kuasa.pdf" not in info_request.requester_proxy_letter.name


def test_receiving_by_email_needs_an_email_address(client, unit_sedahkidul):
    html = text(client.post(NEW, form_data(unit_sedahkidul, requester_email="", delivery_method="email")))
    assert field_error(html, "requester_email")


def test_unknown_unit_is_a_field_error_not_a_crash(client, unit_sedahkidul):
    html = text(client.post(NEW, {**form_data(unit_sedahkidul), "unit": "999999"}))
    assert field_error(html, "unit")


def test_request_form_is_throttled(client, unit_sedahkidul):
    for _ in range(20):
        client.post(NEW, form_data(unit_sedahkidul, website="x"))
    assert client.post(NEW, form_data(unit_sedahkidul)).status_code == 429
    assert not InfoRequest.objects.exists()


# --- Tracking ---------------------------------------------------------------------------


def test_tracking_shows_status_and_how_the_due_date_was_computed(client, register):
    registration = register(received_on=D(2025, 3, 27))
    response = client.post(
        TRACK, {"number": registration.request.number, "code": registration.access_code}, follow=True
    )
    html = text(response)
    assert registration.request.number in html
    assert "Selasa, 22 April 2025" in html  # the due date, in Indonesian
    assert "Idul Fitri" in html  # the skipped holidays are listed
    assert "no-store" in response["Cache-Control"]
    assert "Sri Wulandari" not in html and VALID_NIK not in html


def test_wrong_pairs_get_one_generic_message(client, register):
    registration = register(received_on=D(2025, 3, 27))
    wrong_code = text(client.post(TRACK, {"number": registration.request.number, "code": "AAAA-BBBB"}))
    unknown = text(client.post(TRACK, {"number": "PPID/2025/999999", "code": registration.access_code}))
    message = "do not match a request"
    assert message in wrong_code or "tidak cocok" in wrong_code
    assert re.sub(r"\s+", " ", wrong_code.split("<form")[1].split("</form>")[0]).count("errorlist") == re.sub(
        r"\s+", " ", unknown.split("<form")[1].split("</form>")[0]
    ).count("errorlist")
    assert registration.request.unit.name not in wrong_code


def test_tracking_is_throttled(client, register):
    registration = register(received_on=D(2025, 3, 27))
    for _ in range(20):
        client.post(TRACK, {"number": registration.request.number, "code": "WRONG"})
    response = client.post(TRACK, {"number": registration.request.number, "code": registration.access_code})
    assert response.status_code == 429
    assert registration.request.number not in text(response)


def test_tracking_shows_the_notice_documents_and_the_survey(client, register):
    registration = register(received_on=D(2025, 6, 2))
    document = SimpleUploadedFile("apbdes.pdf", pdf_bytes("APB Desa"), content_type="application/pdf")
    answer(registration.request, issued_on=D(2025, 6, 11), documents=[("APB Desa 2025", document)])
    html = text(
        client.post(
            TRACK, {"number": registration.request.number, "code": registration.access_code}, follow=True
        )
    )
    assert "Salinan APB Desa 2025 (PDF)" in html  # material given, from the notice
    document_url = re.search(r'href="(/ppid/permohonan/dokumen/[^"]+/)"', html).group(1)
    notice_url = re.search(r'href="(/ppid/permohonan/pemberitahuan/[^"]+/)"', html).group(1)
    download = client.get(document_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == pdf_bytes("APB Desa")
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff" and "no-store" in download["Cache-Control"]
    notice = client.get(notice_url)
    assert "Sri Wulandari" in text(notice)  # the requester's own notice names them
    assert "no-store" in notice["Cache-Control"]
    assert 'name="q9"' in html  # the survey
    assert client.get(document_url[:-5] + "xyz/").status_code == 404


def test_survey_is_recorded_once(client, register):
    registration = register(received_on=D(2025, 6, 2))
    answer(registration.request, issued_on=D(2025, 6, 11))
    token = SurveyForm.make_token(registration.request)
    scores = {f"q{i}": 3 for i in range(1, 10)}
    incomplete = client.post("/ppid/permohonan/survei/", {"token": token, **scores, "q9": ""})
    assert field_error(text(incomplete), "q9")
    assert not SurveyResponse.objects.exists()
    thanks = client.post("/ppid/permohonan/survei/", {"token": token, **scores}, follow=True)
    assert registration.request.number in text(thanks)
    again = client.post("/ppid/permohonan/survei/", {"token": token, **scores})
    assert SurveyResponse.objects.count() == 1
    assert "has been filled in" in text(again) or "sudah diisi" in text(again)
    forged = client.post("/ppid/permohonan/survei/", {"token": "forged", **scores})
    assert forged.status_code == 400


# --- Objections -----------------------------------------------------------------------------


def test_objection_form_registers_an_objection(client, register):
    registration = register(received_on=D(2025, 6, 2))
    answer(registration.request, decision="refused", issued_on=D(2025, 6, 11))
    data = {
        "number": registration.request.number,
        "code": registration.access_code,
        "grounds": ["a", "d"],
        "statement": "Tidak setuju.",
    }
    # The window of 30 working days from 11 Jun 2025 has long closed.
    html = text(client.post(OBJECT, data))
    assert "30" in html and not Objection.objects.exists()


def test_objection_form_within_the_window(client, register, settings, monkeypatch):
    registration = register(received_on=D(2025, 6, 2))
    answer(registration.request, decision="refused", issued_on=D(2025, 6, 11))
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: D(2025, 6, 20))
    data = {
        "number": registration.request.number,
        "code": registration.access_code,
        "grounds": ["a"],
        "statement": "Tidak setuju.",
    }
    html = text(client.post(OBJECT, data, follow=True))
    objection = Objection.objects.get()
    assert objection.number in html and objection.filed_on == D(2025, 6, 20)
    no_ground = text(client.post(OBJECT, {**data, "grounds": []}))
    assert field_error(no_ground, "grounds")
    wrong = text(client.post(OBJECT, {**data, "code": "WRONG"}))
    assert "do not match" in wrong or "tidak cocok" in wrong
