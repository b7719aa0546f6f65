"""A kelurahan has no APBDes: its page says so, counts leave it out, imports and the demo refuse it."""

import io

import pytest
from django.core.exceptions import ValidationError

from ogp import demo, services
from ogp.imports import ImportFileError
from ogp.models import Budget
from portal.models import Village

from .conftest import ORIGINAL, csv_upload

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def kelurahan():
    return Village.objects.kelurahan().select_related("district").order_by("code").first()


def test_the_regency_counts_419_desa_and_11_kelurahan():
    assert (Village.objects.desa().count(), Village.objects.kelurahan().count()) == (419, 11)


def test_a_kelurahan_page_says_its_spending_is_in_the_regency_budget(client):
    village = kelurahan()
    html = client.get(f"/en/wilayah/{village.code}/").content.decode()
    assert f"Kelurahan {village.name} has no APBDes." in html
    assert "its spending sits in the regency budget (APBD)" in html
    assert f"Kecamatan {village.district.name}" in html


def test_an_import_for_a_kelurahan_is_refused_with_its_reason(english):
    village = kelurahan()
    with pytest.raises(ImportFileError, match=r"^1 problem\(s\) in the file$") as refused:
        services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village)
    (error,) = refused.value.errors
    assert error.column == "kode_desa"
    assert f"Kelurahan {village.name} is a kelurahan: it is funded through the regency budget (APBD)" in str(
        error.message
    )
    assert not Budget.objects.filter(village=village).exists()


def test_a_file_naming_a_kelurahan_among_desa_is_refused(english):
    village = kelurahan()
    rows = [ORIGINAL[0]]
    upload = csv_upload(rows, village=village.code, year=2024)
    with pytest.raises(ImportFileError, match=r"problem\(s\) in the file$") as refused:
        services.import_budget(upload=upload, year=2024)
    assert [error.column for error in refused.value.errors] == ["kode_desa"]


def test_the_back_office_cannot_make_a_budget_for_a_kelurahan(english):
    with pytest.raises(ValidationError) as refused:
        Budget(village=kelurahan(), year=2024).full_clean()
    assert refused.value.message_dict["village"] == [
        "A kelurahan is funded through the regency budget (APBD) and has no APBDes."
    ]


def test_the_demo_makes_budgets_for_desa_only():
    district = kelurahan().district
    villages = list(Village.objects.filter(district=district).order_by("code"))
    demo.load_budgets(io.StringIO(), villages=villages, years=[2024])
    made = set(Budget.objects.values_list("village__kind", flat=True))
    assert made == {Village.Kind.DESA}
    assert Budget.objects.count() == sum(1 for v in villages if v.kind == Village.Kind.DESA)


def test_the_regency_page_lists_no_kelurahan_as_missing(client, publish_budget):
    publish_budget()
    html = client.get("/en/apbdes/2024/").content.decode()
    assert "1 of 419 desa have published their APBDes 2024" in html
    assert "Kelurahan are not counted" in html
    assert f'href="/wilayah/{kelurahan().code}/"' not in html


def test_a_budget_left_on_a_village_now_known_as_kelurahan_is_not_public(client, publish_budget):
    version = publish_budget()
    village = version.budget.village
    assert f"/apbdes/2024/{village.code}/" in client.get("/sitemap-apbdes-desa.xml").content.decode()
    Village.objects.filter(pk=village.pk).update(kind=Village.Kind.KELURAHAN)
    sitemap = client.get("/sitemap-apbdes-desa.xml")
    assert sitemap.status_code == 200
    assert f"/apbdes/2024/{village.code}/" not in sitemap.content.decode()
    assert client.get(f"/apbdes/2024/{village.code}/").status_code == 404
    assert client.get(f"/apbdes/api/versi/{version.pk}/").status_code == 404
    assert "0 of 418 desa" in client.get("/en/apbdes/2024/").content.decode()
