"""The back office: scoping of village officers, the workflow buttons by role, identity data and files."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.roles import Role
from ppid import services
from ppid.models import (
    DipCategory,
    DipItem,
    InfoRequest,
    NonWorkingDay,
    Objection,
    ServiceStandard,
    WrittenNotice,
)
from tests.sample_files import pdf_bytes

from .conftest import VALID_NIK, answer, make_requester, reload

D = datetime.date


def change_url(obj):
    return reverse(f"admin:ppid_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def two_requests(register, unit_sumberrejo):
    mine = register(received_on=D(2025, 6, 2), information_requested="Permohonan untuk Sedahkidul").request
    theirs = register(
        unit=unit_sumberrejo, received_on=D(2025, 6, 2), information_requested="Permohonan untuk Sumberrejo"
    ).request
    return mine, theirs


def test_village_officer_sees_only_their_villages_requests(
    client, officer_sedahkidul, two_requests, utama, register
):
    mine, theirs = two_requests
    regency = register(unit=utama, received_on=D(2025, 6, 2)).request
    client.force_login(officer_sedahkidul)
    listing = client.get(reverse("admin:ppid_inforequest_changelist")).content.decode()
    assert mine.number in listing and theirs.number not in listing and regency.number not in listing
    assert client.get(change_url(mine)).status_code == 200
    assert client.get(change_url(theirs)).status_code == 404
    assert client.get(change_url(regency)).status_code == 404
    for name in ("process", "extend", "answer", "withdraw", "hide", "code", "receipt"):
        assert client.get(reverse(f"admin:ppid_inforequest_{name}", args=[theirs.pk])).status_code == 404


def test_village_officer_sees_only_their_own_unit(
    client, officer_sedahkidul, unit_sedahkidul, unit_sumberrejo, utama
):
    client.force_login(officer_sedahkidul)
    listing = client.get(reverse("admin:ppid_ppidunit_changelist")).content.decode()
    assert "PPID Desa Sedahkidul" in listing
    assert "PPID Desa Sumberrejo" not in listing and "PPID Utama Kabupaten" not in listing
    assert client.get(change_url(utama)).status_code == 404


def test_ppid_utama_sees_every_request(client, ppid_utama, two_requests):
    client.force_login(ppid_utama)
    listing = client.get(reverse("admin:ppid_inforequest_changelist")).content.decode()
    assert all(info_request.number in listing for info_request in two_requests)


def test_lists_show_initials_and_never_the_nik(client, ppid_utama, two_requests):
    client.force_login(ppid_utama)
    listing = client.get(reverse("admin:ppid_inforequest_changelist")).content.decode()
    assert "S. W." in listing
    assert "Sri Wulandari" not in listing and VALID_NIK not in listing and "sri@example.org" not in listing


def test_the_officers_detail_view_shows_the_nik_in_full(client, officer_sedahkidul, two_requests):
    client.force_login(officer_sedahkidul)
    page = client.get(change_url(two_requests[0])).content.decode()
    assert VALID_NIK in page and "Sri Wulandari" in page and "Jalan Mawar 1" in page


def test_without_the_identity_permission_the_nik_stays_masked(client, make_staff, two_requests):
    from django.contrib.auth.models import Permission

    clerk = make_staff("clerk", Role.EDITOR)  # regency-wide, but not allowed to see identities
    clerk.user_permissions.add(Permission.objects.get(codename="view_inforequest"))
    client.force_login(clerk)
    page = client.get(change_url(two_requests[0])).content.decode()
    assert VALID_NIK not in page and "3522••••••••••01" in page


# --- The workflow, role by role -------------------------------------------------------------------

ROLE_TABLE = [
    # (user fixture, request, may act on it, may reassign, may decide objections)
    ("administrator", "mine", True, True, True),
    ("ppid_utama", "mine", True, True, True),
    ("officer_sedahkidul", "mine", True, False, False),
    ("officer_sumberrejo", "mine", None, False, False),  # None: the request is out of scope (404)
    ("editor", "mine", False, False, False),
]


@pytest.mark.parametrize(("user_fixture", "which", "may_act", "may_reassign", "may_decide"), ROLE_TABLE)
def test_workflow_permissions_by_role(
    request, client, two_requests, utama, user_fixture, which, may_act, may_reassign, may_decide
):
    user = request.getfixturevalue(user_fixture)
    info_request = two_requests[0]
    client.force_login(user)
    process = client.post(reverse("admin:ppid_inforequest_process", args=[info_request.pk]), {"note": ""})
    reassign = client.get(reverse("admin:ppid_inforequest_reassign", args=[info_request.pk]))
    if may_act is None:
        assert process.status_code == 404
        assert reload(info_request).status == InfoRequest.Status.REGISTERED
    elif may_act:
        assert process.status_code == 302
        assert reload(info_request).status == InfoRequest.Status.IN_PROCESS
    else:
        assert process.status_code == 403
        assert reload(info_request).status == InfoRequest.Status.REGISTERED
    if may_act:
        assert reassign.status_code == (200 if may_reassign else 403)
    answer(reload(info_request), decision="refused", issued_on=D(2025, 6, 11))
    objection = services.file_objection(
        info_request=reload(info_request), grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
    )
    decide = client.get(reverse("admin:ppid_objection_decide", args=[objection.pk]))
    assert decide.status_code in ((200,) if may_decide else (403, 404))


def test_village_officer_answers_with_a_written_notice(
    client, officer_sedahkidul, two_requests, django_capture_on_commit_callbacks
):
    info_request = two_requests[0]
    client.force_login(officer_sedahkidul)
    client.post(reverse("admin:ppid_inforequest_process", args=[info_request.pk]), {"note": "Mulai"})
    form_page = client.get(reverse("admin:ppid_inforequest_answer", args=[info_request.pk])).content.decode()
    assert "Sekdes Sedahkidul" in form_page  # the signatory is pre-filled from the unit
    incomplete = client.post(
        reverse("admin:ppid_inforequest_answer", args=[info_request.pk]),
        {
            "decision": "refused",
            "refusal_reason": "",
            "issued_on": "2025-06-11",
            "signed_by_name": "A",
            "signed_by_position": "B",
            "fee": 0,
        },
    )
    assert incomplete.status_code == 200 and not WrittenNotice.objects.exists()
    document = SimpleUploadedFile("apbdes.pdf", pdf_bytes("isi"), content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:ppid_inforequest_answer", args=[info_request.pk]),
            {
                "decision": "granted",
                "information_held": "on",
                "materials": "Salinan APB Desa 2025",
                "delivery_format": "softcopy",
                "delivery_method": "email",
                "fee": 0,
                "issued_on": "2025-06-11",
                "signed_by_name": "Sekdes Sedahkidul",
                "signed_by_position": "Sekretaris Desa Sedahkidul",
                "documents": [document],
            },  # fmt: skip
        )
    assert response.status_code == 302
    info_request = reload(info_request)
    assert info_request.status == InfoRequest.Status.GRANTED
    assert info_request.notice.documents.get().document.name.startswith("ppid/jawaban/")
    notice_page = client.get(
        reverse("admin:ppid_inforequest_notice", args=[info_request.pk])
    ).content.decode()
    assert "Salinan APB Desa 2025" in notice_page and "Sri Wulandari" in notice_page


def test_moves_the_status_does_not_allow_go_back_with_a_message(client, ppid_utama, two_requests):
    info_request = two_requests[0]
    answer(info_request, issued_on=D(2025, 6, 11))
    client.force_login(ppid_utama)
    response = client.get(reverse("admin:ppid_inforequest_extend", args=[info_request.pk]), follow=True)
    assert response.redirect_chain[-1][0] == change_url(info_request)
    assert reload(info_request).status == InfoRequest.Status.GRANTED


def test_officer_registers_a_desk_request_and_prints_the_receipt(
    client, officer_sedahkidul, unit_sedahkidul, unit_sumberrejo
):
    client.force_login(officer_sedahkidul)
    form = client.get(reverse("admin:ppid_inforequest_add")).content.decode()
    assert "PPID Desa Sedahkidul" in form and "PPID Desa Sumberrejo" not in form
    data = {
        "unit": unit_sedahkidul.pk, "channel": "phone", "received_on": "2025-06-02", "requester_kind": "person",
        "requester_name": "Pak Darto", "requester_nik": VALID_NIK, "requester_address": "Dusun Krajan",
        "requester_phone": "0812000111", "information_requested": "Jadwal posyandu", "purpose": "Keperluan keluarga",
        "obtain_method": "inspect", "delivery_method": "collect",
    }  # fmt: skip
    receipt = client.post(reverse("admin:ppid_inforequest_add"), data)
    html = receipt.content.decode()
    info_request = InfoRequest.objects.get()
    assert (
        info_request.channel == "phone"
        and info_request.received_on == D(2025, 6, 2)
        and info_request.created_by == officer_sedahkidul
    )
    assert info_request.number in html
    code = re.search(r'class="ppid-code">([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)<', html).group(1)
    assert services.find_request(info_request.number, code) == info_request
    assert "no-store" in receipt["Cache-Control"]
    forged = client.post(reverse("admin:ppid_inforequest_add"), {**data, "unit": unit_sumberrejo.pk})
    assert forged.status_code == 200 and InfoRequest.objects.count() == 1


def test_identity_scans_are_served_only_to_officers_in_scope(
    client, settings, register, officer_sedahkidul, officer_sumberrejo, editor
):
    scan = SimpleUploadedFile("ktp.pdf", pdf_bytes("KTP"), content_type="application/pdf")
    info_request = register(requester=make_requester(identity_scan=scan), received_on=D(2025, 6, 2)).request
    stored = info_request.requester_identity_scan
    # Kept in private storage, outside the public media folder, so /media/ cannot serve it.
    assert str(settings.MEDIA_ROOT) not in stored.path and stored.path.startswith(
        str(settings.STORAGES["private"]["OPTIONS"]["location"])
    )
    assert client.get("/media/" + stored.name).status_code == 404
    url = reverse("admin:ppid_inforequest_file", args=[info_request.pk, "identitas"])
    client.force_login(officer_sedahkidul)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("KTP")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff" and "no-store" in response["Cache-Control"]
    client.force_login(officer_sumberrejo)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code in (403, 404)
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_requests_cannot_be_deleted(client, administrator, two_requests):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:ppid_inforequest_delete", args=[two_requests[0].pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert InfoRequest.objects.filter(pk=two_requests[0].pk).exists()


# --- DIP items ---------------------------------------------------------------------------------

DIP_FORM = {
    "category": "berkala", "title": "APB Desa 2025", "summary": "Ringkasan", "year": 2025, "holding_official": "Kaur Keuangan",
    "responsible_person": "Kepala Desa", "retention_period": "5 tahun", "softcopy": "on",
    "versions-TOTAL_FORMS": 1, "versions-INITIAL_FORMS": 0, "versions-MIN_NUM_FORMS": 0, "versions-MAX_NUM_FORMS": 1000,
    "versions-0-link": "https://desa.example/apbdes.pdf", "versions-0-note": "Awal",
    "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0, "events-MIN_NUM_FORMS": 0, "events-MAX_NUM_FORMS": 1000,
}  # fmt: skip


def test_village_officer_adds_a_dip_item_with_its_first_version(
    client, officer_sedahkidul, unit_sedahkidul, unit_sumberrejo
):
    client.force_login(officer_sedahkidul)
    add = reverse("admin:ppid_dipitem_add")
    form = client.get(add).content.decode()
    assert f'<option value="{unit_sedahkidul.pk}" selected>' in form
    forged = client.post(add, {**DIP_FORM, "unit": unit_sumberrejo.pk})
    assert forged.status_code == 200 and not DipItem.objects.exists()
    response = client.post(add, {**DIP_FORM, "unit": unit_sedahkidul.pk})
    assert response.status_code == 302
    item = DipItem.objects.get()
    assert item.status == DipItem.Status.DRAFT and item.current_version.number == 1
    client.post(reverse("admin:ppid_dipitem_publish", args=[item.pk]))
    assert DipItem.objects.get().status == DipItem.Status.PUBLISHED


def test_a_published_dip_item_cannot_be_deleted(client, officer_sedahkidul, unit_sedahkidul):
    item = DipItem.objects.create(
        unit=unit_sedahkidul,
        category=DipCategory.BERKALA,
        title="Profil desa",
        holding_official="Sekdes",
        responsible_person="Kades",
        year=2025,
        retention_period="5 tahun",
    )
    services.change_dip_status(item=item, to_status="published")
    client.force_login(officer_sedahkidul)
    assert (
        client.post(reverse("admin:ppid_dipitem_delete", args=[item.pk]), {"post": "yes"}).status_code == 403
    )
    assert DipItem.objects.filter(pk=item.pk).exists()


def test_an_exempt_item_refuses_a_document(client, officer_sedahkidul, unit_sedahkidul):
    client.force_login(officer_sedahkidul)
    data = {
        **DIP_FORM,
        "unit": unit_sedahkidul.pk,
        "category": "dikecualikan",
        "exemption_ground": "h",
        "consequence_test": "Rahasia",
        "exempt_until": "2030-01-01",
    }
    response = client.post(reverse("admin:ppid_dipitem_add"), data)
    assert response.status_code == 200 and not DipItem.objects.exists()


def test_ppid_utama_decides_an_objection(
    client, ppid_utama, two_requests, django_capture_on_commit_callbacks
):
    info_request = two_requests[0]
    answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
    objection = services.file_objection(
        info_request=reload(info_request), grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
    )
    client.force_login(ppid_utama)
    page = client.get(change_url(objection)).content.decode()
    assert reverse("admin:ppid_objection_decide", args=[objection.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:ppid_objection_decide", args=[objection.pk]),
            {"status": "upheld", "decision": "Informasi harus diberikan.", "decided_on": "2025-06-30", "decided_by_name": "Kades", "decided_by_position": "Kepala Desa Sedahkidul",
             "obligation_kind": "hand_over", "obligation_due_on": "2025-07-07"},
        )  # fmt: skip
    assert response.status_code == 302
    assert Objection.objects.get().status == Objection.Status.UPHELD
    assert Objection.objects.get().obligation.due_on == D(2025, 7, 7)


def test_non_working_days_added_in_the_admin_move_deadlines(client, ppid_utama, register):
    info_request = register(received_on=D(2025, 10, 17)).request
    client.force_login(ppid_utama)
    client.post(
        reverse("admin:ppid_nonworkingday_add"), {"date": "2025-10-20", "description": "Hari Jadi Kabupaten"}
    )
    assert NonWorkingDay.objects.count() == 1
    assert reload(info_request).due_on == D(2025, 11, 3)


def test_a_service_standard_in_force_is_read_only(client, ppid_utama):
    standard = ServiceStandard.objects.create(
        effective_from=D(2021, 7, 1), statement="S", legal_basis="L", procedure="P", completion_time="C", fees="F",
        guarantee="G", evaluation="E", signed_by_position="PPID Utama",
    )  # fmt: skip
    client.force_login(ppid_utama)
    page = client.get(change_url(standard)).content.decode()
    assert 'name="_save"' not in page
    assert (
        client.post(
            reverse("admin:ppid_servicestandard_delete", args=[standard.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


def test_roles_hold_the_expected_permissions(administrator, ppid_utama, officer_sedahkidul, editor):
    assert administrator.has_perm("ppid.delete_dipitem") and administrator.has_perm("ppid.decide_objection")
    assert ppid_utama.has_perm("ppid.reassign_inforequest") and ppid_utama.has_perm("ppid.decide_objection")
    assert officer_sedahkidul.has_perm("ppid.change_inforequest") and not officer_sedahkidul.has_perm(
        "ppid.reassign_inforequest"
    )
    assert not officer_sedahkidul.has_perm("ppid.decide_objection")
    assert editor.has_perm("ppid.view_dipitem") and not editor.has_perm("ppid.view_inforequest")
