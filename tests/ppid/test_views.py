"""Public pages: content, forms with their messages, tracking, throttling and query-count bounds."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppid import services
from ppid.forms import SurveyForm
from ppid.models import (
    DipCategory,
    DipItem,
    InfoRequest,
    Objection,
    Regulation,
    ServiceStandard,
    SurveyResponse,
)
from tests.sample_files import pdf_bytes

from .conftest import VALID_NIK, answer

D = datetime.date
NEW = "/ppid/permohonan/baru/"
TRACK = "/ppid/permohonan/lacak/"
OBJECT = "/ppid/keberatan/baru/"


def form_data(unit, **overrides):
    data = {
        "requester_kind": "person",
        "requester_name": "Sri Wulandari",
        "requester_nik": VALID_NIK,
        "requester_address": "Jalan Mawar 1, Sedahkidul",
        "requester_occupation": "Guru",
        "requester_phone": "081234567890",
        "requester_email": "sri@example.org",
        "unit": unit.pk,
        "information_requested": "Salinan APB Desa Sedahkidul 2025",
        "purpose": "Pengawasan pembangunan",
        "obtain_method": "softcopy",
        "delivery_method": "email",
        "website": "",
    }
    data.update(overrides)
    return data


def text(response):
    return response.content.decode()


def field_error(html, name):
    """The error list rendered for a field, found through the input's aria-describedby."""
    match = re.search(rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


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
        response = client.post(NEW, form_data(unit_sedahkidul))
    html = text(response)
    info_request = InfoRequest.objects.get()
    assert info_request.number in html
    code = re.search(r'id="kode">([A-Z2-7-]+)<', html).group(1)
    assert services.find_request(info_request.number, code) == info_request
    assert "no-store" in response["Cache-Control"]
    assert info_request.channel == "online" and info_request.requester_nik == VALID_NIK
    assert code in mail.outbox[0].body


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
    response = client.post(TRACK, {"number": registration.request.number, "code": registration.access_code})
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
    html = text(client.post(TRACK, {"number": registration.request.number, "code": registration.access_code}))
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
    thanks = client.post("/ppid/permohonan/survei/", {"token": token, **scores})
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
    html = text(client.post(OBJECT, data))
    objection = Objection.objects.get()
    assert objection.number in html and objection.filed_on == D(2025, 6, 20)
    no_ground = text(client.post(OBJECT, {**data, "grounds": []}))
    assert field_error(no_ground, "grounds")
    wrong = text(client.post(OBJECT, {**data, "code": "WRONG"}))
    assert "do not match" in wrong or "tidak cocok" in wrong


# --- Register, DIP and the other pages -------------------------------------------------------


def _requests(register, count, unit=None):
    made = []
    for index in range(count):
        info_request = register(
            unit=unit, received_on=D(2025, 6, 2), information_requested=f"Dokumen nomor {index}"
        ).request
        if index % 2:
            answer(
                info_request, decision="refused" if index % 4 == 1 else "granted", issued_on=D(2025, 6, 11)
            )
        made.append(info_request)
    return made


@pytest.mark.parametrize("count", [2, 12])
def test_register_query_count_does_not_grow(client, register, django_assert_max_num_queries, count):
    _requests(register, count)
    with django_assert_max_num_queries(9):
        response = client.get("/ppid/register/")
    assert "Dokumen nomor 1" in text(response)


def test_register_counts_objections_per_entry_without_joining_them(client, register):
    plain, objected = _requests(register, 2)
    services.file_objection(
        info_request=InfoRequest.objects.get(pk=objected.pk),
        grounds={"a"},
        statement="x",
        filed_on=D(2025, 6, 16),
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ppid/register/")
    counts = {entry.number: entry.objection_count for entry in response.context["requests"]}
    assert counts == {plain.number: 0, objected.number: 1}
    listing = next(q["sql"] for q in queries if q["sql"].startswith('SELECT "ppid_inforequest"."id"'))
    # A join would make the database group the whole register before picking the page.
    assert 'JOIN "ppid_objection"' not in listing


def test_register_lists_entries_with_initials_and_hides_withdrawn_ones(client, register, ppid_utama):
    shown, hidden = _requests(register, 2)
    services.exclude_from_register(info_request=hidden, reason="Urusan pribadi.", actor=ppid_utama)
    html = text(client.get("/ppid/register/"))
    assert shown.number in html and hidden.number not in html
    assert "S. W." in html
    assert client.get(hidden.get_absolute_url()).status_code == 404
    entry = text(client.get(shown.get_absolute_url()))
    assert "Dokumen nomor 0" in entry and "S. W." in entry


def test_register_filters_and_bad_values(client, register, utama):
    village_request = _requests(register, 1)[0]
    regency_request = register(unit=utama, received_on=D(2025, 6, 2)).request
    html = text(client.get("/ppid/register/?unit=ppid-utama"))
    assert regency_request.number in html and village_request.number not in html
    for query in ("?status=nope&year=abc&urut=zz&unit=%3Cscript%3E", "?year=99999", "?urut=tenggat"):
        assert client.get("/ppid/register/" + query).status_code == 200
    assert client.get("/ppid/register/?page=abc").status_code == 404


def _dip(unit, count, **fields):
    items = []
    for index in range(count):
        item = DipItem.objects.create(
            unit=unit, category=DipCategory.BERKALA, title=f"Informasi berkala {index}", holding_official="Kaur Keuangan",
            responsible_person="Kepala Desa", year=2025, retention_period="5 tahun", **fields,
        )  # fmt: skip
        services.change_dip_status(item=item, to_status="published")
        services.add_dip_version(item=item, link=f"https://desa.example/{index}.pdf")
        items.append(item)
    return items


@pytest.mark.parametrize("count", [2, 12])
def test_dip_list_query_count_does_not_grow(client, unit_sedahkidul, django_assert_max_num_queries, count):
    _dip(unit_sedahkidul, count)
    with django_assert_max_num_queries(8):
        response = client.get("/ppid/dip/")
    assert "Informasi berkala 1" in text(response)


def test_exempt_items_are_listed_without_content(client, unit_sedahkidul):
    item = DipItem.objects.create(
        unit=unit_sedahkidul, category=DipCategory.DIKECUALIKAN, title="Data penerima bantuan", holding_official="Kasi",
        responsible_person="Kades", year=2024, retention_period="5 tahun", exemption_ground="h",
        consequence_test="Membuka data merugikan penerima.", exempt_until=D(2025, 1, 31), summary="RAHASIA-ISI",
    )  # fmt: skip
    services.change_dip_status(item=item, to_status="published")
    html = text(client.get("/ppid/dip/?category=dikecualikan"))
    assert "Data penerima bantuan" in html and "RAHASIA-ISI" not in html
    assert "letter h" in html or "huruf h" in html
    detail = text(client.get(item.get_absolute_url()))
    assert "Membuka data merugikan penerima." in detail
    assert "under review" in detail or "ditinjau" in detail


def test_draft_items_stay_off_public_pages(client, unit_sedahkidul):
    draft = DipItem.objects.create(
        unit=unit_sedahkidul, category="berkala", title="Konsep rahasia", holding_official="Kaur", responsible_person="Kades",
        year=2025, retention_period="5 tahun",
    )  # fmt: skip
    assert "Konsep rahasia" not in text(client.get("/ppid/dip/"))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_dip_detail_lists_every_version(client, unit_sedahkidul):
    item = _dip(unit_sedahkidul, 1)[0]
    services.add_dip_version(item=item, link="https://desa.example/koreksi.pdf", note="Koreksi angka")
    html = text(client.get(item.get_absolute_url()))
    assert "https://desa.example/0.pdf" in html and "https://desa.example/koreksi.pdf" in html
    assert "Koreksi angka" in html


def test_dip_feed_lists_new_items(client, unit_sedahkidul):
    _dip(unit_sedahkidul, 2)
    body = text(client.get("/ppid/dip/feed/"))
    assert "<rss" in body and "Informasi berkala 1 (PPID Desa Sedahkidul)" in body


def test_ppid_home_lists_units_coverage_and_regulations(client, utama, unit_sedahkidul, agency):
    Regulation.objects.create(
        kind="uu",
        title="Undang-Undang Nomor 14 Tahun 2008",
        short_name="UU 14/2008",
        subject="Keterbukaan Informasi Publik",
        year=2008,
    )
    html = text(client.get("/ppid/"))
    assert "PPID Utama Kabupaten Bojonegoro" in html and "PPID Pelaksana Dinas Kesehatan" in html
    assert "Keterbukaan Informasi Publik" in html
    # One of the regency's 419 desa has a PPID Desa: 0.2%.
    assert re.search(r"1 (of|dari) 419", html)


def test_units_page_shows_coverage_per_kecamatan(client, unit_sedahkidul, unit_sumberrejo):
    html = text(client.get("/ppid/unit/"))
    assert "PPID Desa Sedahkidul" in html and "Sekretaris Desa Sedahkidul" in html
    assert "Purwosari" in html and "Sumberejo" in html
    unit_page = text(client.get(unit_sedahkidul.get_absolute_url()))
    assert "SK Kepala Desa Sedahkidul Nomor 7/2017" in unit_page and "Kepala Desa Sedahkidul" in unit_page


def test_maklumat_shows_the_version_in_force_and_earlier_ones(client, db):
    fields = {"statement": "Kami sanggup.", "legal_basis": "UU 14/2008", "procedure": "Isi formulir.", "completion_time": "10 hari kerja",
                  "fees": "Gratis", "guarantee": "Tepat waktu", "evaluation": "Survei tahunan", "signed_by_position": "PPID Utama"}  # fmt: skip
    old = ServiceStandard.objects.create(effective_from=D(2017, 3, 1), **fields)
    ServiceStandard.objects.create(
        effective_from=D(2021, 7, 1), **{**fields, "fees": "**Tidak** dipungut biaya"}
    )
    ServiceStandard.objects.create(effective_from=None, **{**fields, "fees": "DRAFT-BARU"})
    html = text(client.get("/ppid/maklumat/"))
    assert "<strong>Tidak</strong> dipungut biaya" in html and "DRAFT-BARU" not in html
    assert f"?versi={old.pk}" in html
    assert "Gratis" in text(client.get(f"/ppid/maklumat/?versi={old.pk}"))
    assert client.get("/ppid/maklumat/?versi=abc").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/ppid/statistik/?tahun=abc&urut=zz", "/ppid/ikm/?tahun=99999999999999", "/ppid/dip/?year=abc&category=zz",
     "/ppid/unit/?jenis=zz", "/ppid/permohonan/baru/?unit=zz", "/ppid/permohonan/lacak/?nomor=%00"],
)  # fmt: skip
def test_bad_query_strings_give_a_normal_page(client, utama, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/ppid/laporan/1990/", "/ppid/permohonan/PPID-2025-000999/", "/ppid/dip/999/", "/ppid/unit/nope/",
     "/ppid/permohonan/dokumen/x/", "/ppid/permohonan/pemberitahuan/x/", "/ppid/dip/?page=abc"],
)  # fmt: skip
def test_missing_things_are_404(client, utama, url):
    assert client.get(url).status_code == 404


def test_every_detail_page_carries_the_satisfaction_widget(client, register, unit_sedahkidul):
    info_request = _requests(register, 1)[0]
    item = _dip(unit_sedahkidul, 1)[0]
    for url in (info_request.get_absolute_url(), item.get_absolute_url(), unit_sedahkidul.get_absolute_url()):
        assert 'id="penilaian"' in text(client.get(url))


def test_reverse_names_cover_the_url_contract():
    assert reverse("ppid:home") == "/ppid/"
    assert reverse("ppid:dip") == "/ppid/dip/"
    assert reverse("ppid:request_new") == NEW
    assert reverse("ppid:track") == TRACK
    assert reverse("ppid:register") == "/ppid/register/"
    assert reverse("ppid:objection_new") == OBJECT
    assert reverse("ppid:statistics") == "/ppid/statistik/"
    assert reverse("ppid:report", args=[2025]) == "/ppid/laporan/2025/"
    assert reverse("ppid:ikm") == "/ppid/ikm/"
    assert reverse("ppid:dip_feed") == "/ppid/dip/feed/"
    assert reverse("ppid:regulations") == "/ppid/peraturan/"
    assert reverse("ppid:maklumat") == "/ppid/maklumat/"


def test_whatsapp_delivery_can_be_switched_off(client, settings, unit_sedahkidul):
    assert 'value="whatsapp"' in text(client.get(NEW))
    settings.PPID_WHATSAPP_DELIVERY = False
    assert 'value="whatsapp"' not in text(client.get(NEW))
    html = text(client.post(NEW, form_data(unit_sedahkidul, delivery_method="whatsapp")))
    assert field_error(html, "delivery_method") and not InfoRequest.objects.exists()


def test_the_public_timeline_names_a_reassignment(client, register, utama, ppid_utama):
    info_request = register(received_on=D(2025, 6, 2)).request
    services.reassign_request(info_request=info_request, unit=utama, actor=ppid_utama)
    html = text(client.get(info_request.get_absolute_url()))
    assert "Dialihkan ke unit lain" in html or "Reassigned to another unit" in html


@pytest.mark.parametrize(
    "data",
    [
        {"number": "x" * 5000, "code": "y" * 5000},
        {"number": "PPID/2025/000001", "code": "\u0000\u202e"},
        {"number": ["a", "b"], "code": ""},
    ],
)
def test_odd_tracking_input_gets_a_normal_page(client, register, data):
    register(received_on=D(2025, 6, 2))
    assert client.post(TRACK, data).status_code == 200


def test_odd_form_input_gets_messages_not_errors(client, unit_sedahkidul):
    odd = {
        **form_data(unit_sedahkidul),
        "requester_kind": "robot",
        "requester_nik": "３５２２１８５５０８９００００１",
        "unit": "abc",
        "obtain_method": "fax",
        "information_requested": "x" * 6000,
    }
    html = text(client.post(NEW, odd))
    for name in ("requester_kind", "unit", "obtain_method", "information_requested"):
        assert field_error(html, name), name
    assert not InfoRequest.objects.exists()
    bad_upload = SimpleUploadedFile("ktp.exe", b"MZ\x90\x00binary", content_type="application/octet-stream")
    html = text(client.post(NEW, {**form_data(unit_sedahkidul), "requester_identity_scan": bad_upload}))
    assert field_error(html, "requester_identity_scan") and not InfoRequest.objects.exists()
    assert field_error(
        text(client.post(OBJECT, {"number": "x", "code": "y", "grounds": ["z"], "statement": "s"})), "grounds"
    )
    survey = client.post("/ppid/permohonan/survei/", {"token": "x", "q1": "abc"})
    assert survey.status_code == 400


@pytest.mark.parametrize("path", ["/ppid/register/", "/ppid/dip/"])
def test_unit_filter_lists_active_units_with_the_kecamatan_of_villages(
    client, path, utama, unit_sedahkidul, unit_sumberrejo
):
    unit_sumberrejo.is_active = False
    unit_sumberrejo.save()
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    choices = [(value, str(label)) for value, label in response.context["filter_form"].fields["unit"].choices]
    assert choices == [
        ("", "All units"),
        ("ppid-utama", "PPID Utama Kabupaten Bojonegoro"),
        ("desa-sedahkidul", f"{unit_sedahkidul.name} (Kecamatan Purwosari)"),
    ]
    assert f'<option value="desa-sedahkidul">{unit_sedahkidul.name} (Kecamatan Purwosari)</option>' in text(
        response
    )
