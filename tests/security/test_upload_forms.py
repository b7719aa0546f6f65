"""Every upload field of every screen refuses a disguised file with a message next to it."""

import io
import re
from importlib import import_module

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kim.models import Kim, PostPhoto
from ogp.models import BillboardPhoto, Budget, BudgetVersion
from ppid.models import (
    DipItem,
    InfoRequest,
    Regulation,
    WrittenNotice,
)
from tests.conftest import SEDAHKIDUL
from tests.kim.conftest import form_data
from tests.security.conftest import TODAY, html_posts
from visits.models import VisitPhoto

# --- Uploads are judged by their content ---------------------------------------------------------


def disguised(kind):
    """A file whose name and declared type say one thing and whose content is another."""

    if kind == "gif-as-jpeg":  # a real image Django's own check accepts, in a format the portal refuses
        buffer = io.BytesIO()
        Image.new("RGB", (400, 300), (10, 120, 60)).save(buffer, "GIF")
        return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    if kind == "html-as-pdf":
        body = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
        return SimpleUploadedFile("dokumen.pdf", body, content_type="application/pdf")
    if kind == "exe-as-csv":
        return SimpleUploadedFile(
            "apbdes.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", content_type="text/csv"
        )
    raise ValueError(kind)


def admin_form(client, url, form_id):

    return form_data(client.get(url).content.decode(), form_id)


def field_error(html, field_id):
    match = re.search(rf'<ul class="errorlist" id="id_{re.escape(field_id)}_error">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def _visit_photo(client, site, users):
    client.force_login(users["editor"])
    url = reverse("admin:visits_visit_change", args=[site["draft_visit"].pk])
    data = admin_form(client, url, "visit_form")
    data.update({"photos-TOTAL_FORMS": "1", "photos-0-order": "0", "photos-0-alt_text": "Rombongan"})
    return url, data, "photos-0-image", "gif-as-jpeg", VisitPhoto.objects.count


def _post_photo(client, site, users):
    client.force_login(users["editor"])
    url = reverse("admin:kim_post_change", args=[site["draft_post"].pk])
    data = admin_form(client, url, "post_form")
    data.update({"photos-TOTAL_FORMS": "1", "photos-0-order": "0", "photos-0-alt_text": "Baliho"})
    return url, data, "photos-0-image", "gif-as-jpeg", PostPhoto.objects.count


def _billboard_photo(client, site, users):
    client.force_login(users["officer"])
    budget = Budget.objects.get(village_id=SEDAHKIDUL, year=TODAY.year)
    data = {"budget": budget.pk, "alt_text": "Baliho APBDes", "order": "0"}
    return reverse("admin:ogp_billboardphoto_add"), data, "image", "gif-as-jpeg", BillboardPhoto.objects.count


def _kim_decree(client, site, users):
    client.force_login(users["editor"])
    url = reverse("admin:kim_kim_change", args=[site["kim"].pk])
    data = admin_form(client, url, "kim_form")
    return url, data, "decree_file", "html-as-pdf", lambda: Kim.objects.exclude(decree_file="").count()


def _regulation_document(client, site, users):
    client.force_login(users["ppid_utama"])
    data = {"kind": "perbup", "title": "Perbup Nomor 1 Tahun 2026", "short_name": "Perbup 1/2026", "year": "2026",
            "order": "0", "is_published": "on"}  # fmt: skip
    return reverse("admin:ppid_regulation_add"), data, "document", "html-as-pdf", Regulation.objects.count


def _dip_document(client, site, users):
    client.force_login(users["officer"])
    url = reverse("admin:ppid_dipitem_add")
    data = admin_form(client, url, "dipitem_form")
    data.update(
        {"category": "berkala", "title": "RKP Desa 2026", "year": "2026", "holding_official": "Sekdes",
         "responsible_person": "Kades", "retention_period": "5 tahun", "softcopy": "on",
         "versions-TOTAL_FORMS": "1", "versions-0-note": "Awal"}
    )  # fmt: skip
    return url, data, "versions-0-document", "html-as-pdf", DipItem.objects.count


def _answer_documents(client, site, users):
    client.force_login(users["officer"])
    info_request = site["request"]
    data = {"decision": "granted", "information_held": "on", "materials": "Salinan APB Desa", "fee": "0",
            "delivery_format": "softcopy", "delivery_method": "email", "issued_on": TODAY.isoformat(),
            "signed_by_name": "Sekdes", "signed_by_position": "Sekretaris Desa"}  # fmt: skip
    url = reverse("admin:ppid_inforequest_answer", args=[info_request.pk])
    return url, data, "documents", "html-as-pdf", WrittenNotice.objects.count


def _budget_import(client, site, users):
    client.force_login(users["officer"])
    data = {"what": "budget", "village": SEDAHKIDUL, "year": "2025", "kind": "murni"}
    return reverse("admin:ogp_budget_import"), data, "file", "exe-as-csv", BudgetVersion.objects.count


def _desk_request_scan(client, site, users):
    client.force_login(users["officer"])
    data = {**html_posts(site)[1][1], "channel": "desk", "received_on": TODAY.isoformat()}
    url = reverse("admin:ppid_inforequest_add")
    return url, data, "requester_identity_scan", "html-as-pdf", InfoRequest.objects.count


def _citizen_identity_scan(client, site, users):
    data = html_posts(site)[1][1]
    return "/ppid/permohonan/baru/", data, "requester_identity_scan", "html-as-pdf", InfoRequest.objects.count


def _citizen_power_of_attorney(client, site, users):
    data = {**html_posts(site)[1][1], "is_proxy": "on"}
    return "/ppid/permohonan/baru/", data, "requester_proxy_letter", "html-as-pdf", InfoRequest.objects.count


UPLOAD_FIELDS = {
    "visit photo": _visit_photo,
    "KIM news photo": _post_photo,
    "APBDes billboard photo": _billboard_photo,
    "KIM decree scan": _kim_decree,
    "regulation document": _regulation_document,
    "DIP document": _dip_document,
    "documents given with an answer": _answer_documents,
    "APBDes import file": _budget_import,
    "identity scan of a desk request": _desk_request_scan,
    "identity scan on the request form": _citizen_identity_scan,
    "power of attorney on the request form": _citizen_power_of_attorney,
}
# What the refusal names: the format found, or the kinds the field accepts.
NAMED_IN_MESSAGE = {"gif-as-jpeg": "GIF", "html-as-pdf": "PDF", "exe-as-csv": "XLSX"}


@pytest.fixture
def back_office(public_site, editor, ppid_utama, officer_sedahkidul):
    return {"editor": editor, "ppid_utama": ppid_utama, "officer": officer_sedahkidul}


@pytest.mark.parametrize("field", list(UPLOAD_FIELDS))
def test_every_upload_field_refuses_a_disguised_file_with_a_message_next_to_it(
    client, public_site, back_office, field
):
    url, data, field_id, kind, saved = UPLOAD_FIELDS[field](client, public_site, back_office)
    before = saved()
    name = field_id.rsplit("-", 1)[-1]
    response = client.post(url, {**data, field_id: disguised(kind)})
    assert response.status_code == 200, response.status_code
    message = field_error(response.content.decode(), field_id)
    assert NAMED_IN_MESSAGE[kind] in message, (name, message)
    assert saved() == before


# --- No upload field of any screen goes without a content check -----------------------------------

PORTAL_PACKAGES = ("portal", "visits", "kim", "ppid", "ogp")


def screen_forms():
    """Every form class of the portal's apps (their forms modules and admins are loaded by now)."""
    from django import forms

    for package in PORTAL_PACKAGES:
        import_module(f"{package}.forms")
    found, stack = set(), [forms.BaseForm]
    while stack:
        cls = stack.pop()
        for subclass in cls.__subclasses__():
            if subclass not in found:
                found.add(subclass)
                stack.append(subclass)
    return sorted(
        (cls for cls in found if cls.__module__.split(".")[0] in PORTAL_PACKAGES),
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


def test_every_file_field_of_every_form_judges_the_content():
    from django import forms

    unchecked, upload_fields = [], 0
    for form_class in screen_forms():
        for name, field in getattr(form_class, "base_fields", {}).items():
            if not isinstance(field, forms.FileField):
                continue
            upload_fields += 1
            if not field.validators and not hasattr(form_class, f"clean_{name}"):
                unchecked.append(f"{form_class.__module__}.{form_class.__qualname__}.{name}")
    assert upload_fields >= 6
    assert unchecked == []


def test_the_obligation_fulfilment_refuses_a_disguised_document():
    from ppid.forms import FulfilObligationForm

    form = FulfilObligationForm({"fulfilled_on": TODAY.isoformat()}, {"document": disguised("html-as-pdf")})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["document"]] == ["document_type"]
