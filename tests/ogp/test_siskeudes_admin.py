"""The Siskeudes import page of the back office and the village mapping."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ogp.models import Budget, BudgetVersion, SiskeudesVillage

from .siskeudes_exports import upload

URL = "admin:ogp_siskeudesvillage_import"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _zip(**options):
    return SimpleUploadedFile("siskeudes.zip", upload(**options).getvalue(), content_type="application/zip")


def _check(client, **options):
    response = client.post(reverse(URL), {"file": _zip(**options)}, **EN)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_the_preview_shows_each_village_with_its_totals_and_saves_nothing(client, administrator, english):
    client.force_login(administrator)
    response = _check(client)
    html = response.content.decode()
    assert "01.2001. DESA SEDAHKIDUL (KECAMATAN PURWOSARI), 2024" in html
    assert 'name="confirm" value="01.2001."' in html
    assert "Rp1.330.000.000" in html and "Rp50.000.000" in html
    assert "(new, published on import, 9 lines, Perdes 1 Tahun 2024 of 15 January 2024)" in html
    assert "Semester I (30 June 2024): new, published on import, Rp695.000.000" in html
    assert not Budget.objects.filter(year=2024).exists()


@pytest.mark.django_db
def test_confirming_imports_the_confirmed_villages_only(client, administrator, english):
    client.force_login(administrator)
    token = _check(client).context["token"]
    response = client.post(
        reverse(URL), {"token": token, "confirm": ["02.2006."], "import": "1"}, follow=True
    )
    # The page after the redirect is in the portal's language.
    assert (
        "Impor Siskeudes: 1 desa-tahun diimpor, 0 tidak berubah, 0 gagal, 1 menunggu konfirmasi pencocokan."
        in (response.content.decode())
    )
    assert list(Budget.objects.filter(year=2024).values_list("village_id", flat=True)) == ["35.22.12.2006"]
    mapping = SiskeudesVillage.objects.get(code="02.2006.")
    assert (mapping.village_id, mapping.confirmed_by) == ("35.22.12.2006", administrator)


@pytest.mark.django_db
def test_a_wrong_header_is_listed_by_file_and_column(client, administrator, english):
    client.force_login(administrator)
    html = _check(client, replace={"Ta_Desa.csv": b"Tahun,Kd_Desa,No_Perdes\r\n"}).content.decode()
    assert (
        "<code>Ta_Desa.csv</code></td><td>1</td><td><code>Tgl_Perdes</code></td><td>The column is missing."
        in html
    )
    assert 'name="import"' not in html


@pytest.mark.django_db
def test_an_officer_imports_only_their_own_village(client, officer_sumberrejo, english):
    client.force_login(officer_sumberrejo)
    response = _check(client)
    assert "Desa Sedahkidul is outside the villages you may import." in response.content.decode()
    client.post(
        reverse(URL),
        {"token": response.context["token"], "confirm": ["01.2001.", "02.2006."], "import": "1"},
    )
    assert set(BudgetVersion.objects.values_list("budget__village_id", flat=True)) == {"35.22.12.2006"}


@pytest.mark.django_db
def test_a_stored_export_of_another_user_is_not_reachable(client, administrator, officer_sumberrejo):
    client.force_login(administrator)
    token = _check(client).context["token"]
    client.force_login(officer_sumberrejo)
    response = client.post(reverse(URL), {"token": token, "import": "1"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_only_a_zip_is_accepted(client, administrator, english):
    client.force_login(administrator)
    response = client.post(reverse(URL), {"file": SimpleUploadedFile("apbdes.csv", b"Tahun\n")}, **EN)
    assert "Upload the .zip file of Siskeudes tables." in response.content.decode()


@pytest.mark.django_db
def test_an_administrator_corrects_a_mapping(client, administrator):
    mapping = SiskeudesVillage.objects.create(code="01.2001.", village_id="35.22.12.2006")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:ogp_siskeudesvillage_change", args=[mapping.pk]),
        {
            "code": "01.2001.",
            "district_name": "Purwosari",
            "village_name": "Sedahkidul",
            "village": "35.22.18.2007",
        },
    )
    assert response.status_code == 302
    mapping.refresh_from_db()
    assert (mapping.village_id, mapping.confirmed_by) == ("35.22.18.2007", administrator)


@pytest.mark.django_db
def test_the_import_page_needs_permission_to_add_versions(client, make_staff):
    client.force_login(make_staff("tamu"))
    assert client.get(reverse(URL)).status_code == 403
