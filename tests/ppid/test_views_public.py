"""Public lists and pages: the register, the DIP, the PPID home, units, maklumat and query-count bounds."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ppid import services
from ppid.models import (
    DipCategory,
    DipItem,
    InfoRequest,
    Regulation,
    ServiceStandard,
)

from .conftest import answer
from .pages import NEW, OBJECT, TRACK, D, field_error, form_data, text

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
    translation.activate("id")  # the Indonesian addresses; English ones are the same under /en/
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
    response = client.get("/en" + path)
    choices = [(value, str(label)) for value, label in response.context["filter_form"].fields["unit"].choices]
    assert choices == [
        ("", "All units"),
        ("ppid-utama", "PPID Utama Kabupaten Bojonegoro"),
        ("desa-sedahkidul", f"{unit_sedahkidul.name} (Kecamatan Purwosari)"),
    ]
    assert f'<option value="desa-sedahkidul">{unit_sedahkidul.name} (Kecamatan Purwosari)</option>' in text(
        response
    )
