"""The admin answers no 500 to hostile posts, hides TOTP secrets and scopes its shortcuts."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from ogp.models import Budget
from tests.conftest import SEDAHKIDUL
from tests.kim.conftest import form_data


def view_on_site(obj):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def test_totp_secrets_are_hidden_from_administrators(client, settings, administrator):
    assert settings.OTP_ADMIN_HIDE_SENSITIVE_DATA is True
    device = TOTPDevice.objects.create(user=administrator, name="ponsel", confirmed=True)
    client.force_login(administrator)
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])).content.decode()
    assert device.key not in page
    assert client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk])).status_code == 403
    assert client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])).status_code == 403


@pytest.mark.parametrize("view", ["config", "qrcode", "change"])
def test_a_missing_totp_device_id_is_not_a_server_error(client, administrator, view):
    client.force_login(administrator)
    response = client.get(reverse(f"admin:otp_totp_totpdevice_{view}", args=[987654]))
    assert response.status_code in (302, 403, 404)


def test_view_on_site_redirects_only_to_objects_in_the_users_scope(
    client, portal, officer_sedahkidul, officer_sumberrejo, editor
):
    dip = portal["dip"]
    client.force_login(officer_sedahkidul)
    own = client.get(view_on_site(dip))
    assert own.status_code == 302 and own["Location"].endswith(dip.get_absolute_url())
    # A draft visit: the village officer has no visit admin at all, so no redirect reveals its address.
    assert client.get(view_on_site(portal["draft_visit"])).status_code == 404
    client.force_login(officer_sumberrejo)
    assert client.get(view_on_site(dip)).status_code == 404
    client.force_login(editor)
    assert client.get(view_on_site(portal["draft_visit"])).status_code == 302


@pytest.mark.parametrize("bad_id", ["999999", "not-a-number"])
def test_view_on_site_answers_404_for_missing_objects(client, portal, editor, bad_id):
    client.force_login(editor)
    content_type = ContentType.objects.get_for_model(portal["visit"])
    url = reverse("admin:view_on_site", args=[content_type.pk, bad_id])
    assert client.get(url).status_code == 404


def test_an_inline_form_posted_beyond_max_num_is_refused_without_a_server_error(
    client, portal, officer_sedahkidul
):
    budget = Budget.objects.get(village_id=SEDAHKIDUL)
    client.force_login(officer_sedahkidul)
    url = reverse("admin:ogp_budget_change", args=[budget.pk])
    data = form_data(client.get(url).content.decode(), "budget_form")
    initial = int(data["versions-INITIAL_FORMS"])
    data["versions-TOTAL_FORMS"] = str(initial + 2)
    for index in (initial, initial + 1):
        data[f"versions-{index}-number"] = "9"
    before = budget.versions.count()
    response = client.post(url, data)
    assert response.status_code == 200
    errors = [
        error.code
        for inline in response.context["inline_admin_formsets"]
        for error in inline.formset.non_form_errors().as_data()
    ]
    assert errors == ["too_many_forms"]
    assert budget.versions.count() == before


def test_every_inline_of_every_admin_refuses_forms_beyond_what_it_offered(rf, db):
    from django.contrib import admin
    from django.contrib.auth.models import User

    from portal.scoped_admin import MaxNumFormSetMixin

    request = rf.get("/admin/")
    request.user = User.objects.create_superuser("super", password="x" * 20)
    walked = 0
    for model_admin in admin.site._registry.values():
        if not model_admin.inlines:
            continue
        for formset, inline in model_admin.get_formsets_with_inlines(request):
            assert issubclass(formset, MaxNumFormSetMixin), (
                type(model_admin).__name__,
                type(inline).__name__,
            )
            walked += 1
    assert walked >= 10
