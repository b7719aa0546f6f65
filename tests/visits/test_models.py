"""Institutions and their provinces, slugs, sanitised reports and protected published visits."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError

from visits.models import HostOfficial, Institution, Topic, Visit


def test_a_city_government_s_province_is_derived_from_its_region_code(magelang):
    assert magelang.province_code == "33"
    assert magelang.province_name == "Jawa Tengah"
    assert magelang.origin == "Kota Magelang, Jawa Tengah"


def test_a_provincial_government_takes_its_province_from_a_province_code(db):
    kaltim = Institution(name="Pemerintah Provinsi Kalimantan Timur", kind="pemprov", region_code="64")
    kaltim.full_clean()
    kaltim.save()
    assert (kaltim.province_code, kaltim.province_name, kaltim.origin) == (
        "64",
        "Kalimantan Timur",
        "Kalimantan Timur",
    )


def test_changing_the_region_code_moves_the_province_too(magelang):
    magelang.region_code = "34.71"
    magelang.kind = "pemkot"
    magelang.save(update_fields=["region_code", "kind"])
    magelang.refresh_from_db()
    assert magelang.province_code == "34"


def test_a_foreign_government_has_a_country_and_no_province(db):
    county = Institution(name="Elgeyo Marakwet County Government", kind="asing", country="Kenya")
    county.full_clean()
    county.save()
    assert (county.province_code, county.origin) == ("", "Kenya")


@pytest.mark.parametrize(
    ("kind", "code", "field", "message"),
    [
        ("pemkot", "35.22", "region_code", "does not match"),  # Bojonegoro is a kabupaten
        ("pemkab", "33.71", "region_code", "does not match"),  # Magelang 33.71 is a kota
        ("pemkot", "", "region_code", "regency or city code"),
        ("pemkab", "99.99", "region_code", "not in the Kemendagri"),
        ("pemkab", "3371", "region_code", "province code"),
        ("pemprov", "33.71", "region_code", "province code"),
        ("asing", "", "country", "country"),
    ],
)
def test_an_inconsistent_institution_is_refused_with_a_message(db, kind, code, field, message):
    institution = Institution(name="Contoh", kind=kind, region_code=code)
    with pytest.raises(ValidationError, match=message) as caught:
        institution.full_clean()
    assert message in " ".join(caught.value.message_dict[field])


def test_the_database_refuses_a_regional_government_without_a_code(db):
    with pytest.raises(IntegrityError, match="visits_institution_regional_has_code"), transaction.atomic():
        Institution.objects.create(name="Pemerintah Kota Tanpa Kode", kind="pemkot", region_code="")


def test_the_database_refuses_a_malformed_region_code(db):
    with pytest.raises(IntegrityError, match="visits_institution_region_code_form"), transaction.atomic():
        Institution.objects.create(name="Pemerintah Kota Salah Kode", kind="pemkot", region_code="3371x")


def test_database_choice_constraints_list_every_choice():
    """The check constraints repeat the choices; they must not drift apart."""

    def constraint_values(model, name):
        constraint = next(c for c in model._meta.constraints if c.name == name)
        return set(constraint.condition.children[0][1])

    assert constraint_values(Visit, "visits_visit_status_valid") == set(Visit.Status.values)
    assert constraint_values(Visit, "visits_visit_kind_valid") == set(Visit.Kind.values)
    assert constraint_values(Institution, "visits_institution_kind_valid") == set(Institution.Kind.values)
    assert constraint_values(HostOfficial, "visits_hostofficial_part_valid") == set(HostOfficial.Part.values)


def test_a_slug_is_proposed_from_the_title(make_visit):
    visit = make_visit(title="Studi Banding Pemkot Magelang tentang KIM")
    assert visit.slug == "studi-banding-pemkot-magelang-tentang-kim"


def test_two_visits_with_the_same_title_get_different_slugs(make_visit):
    first = make_visit(title="Kunjungan kerja DPRD")
    second = make_visit(title="Kunjungan kerja DPRD")
    third = make_visit(title="Kunjungan kerja DPRD")
    assert [first.slug, second.slug, third.slug] == [
        "kunjungan-kerja-dprd",
        "kunjungan-kerja-dprd-2",
        "kunjungan-kerja-dprd-3",
    ]


def test_a_slug_never_takes_the_address_of_another_page(make_visit):
    assert make_visit(title="Statistik").slug == "statistik-2"
    assert make_visit(title="Feed").slug == "feed-2"


def test_the_longest_title_gives_a_slug_that_fits(make_visit):
    visit = make_visit(title=("Studi banding " * 15)[:200])
    assert len(visit.slug) <= 220
    assert not visit.slug.endswith("-")


def test_a_long_topic_name_is_cut_at_a_word_with_room_for_a_suffix(make_topic):
    name = "Pengelolaan informasi dan dokumentasi pemerintahan desa berbasis teknologi informasi"
    first, second = make_topic(name), make_topic(name + " lanjutan")
    assert first.slug == "pengelolaan-informasi-dan-dokumentasi-pemerintahan-desa"
    assert second.slug == "pengelolaan-informasi-dan-dokumentasi-pemerintahan-desa-2"
    assert len(second.slug) <= 60


def test_a_topic_slug_is_derived_from_its_name(make_topic):
    assert make_topic("Open Government Partnership").slug == "open-government-partnership"
    assert make_topic("Open Government Partnership!").slug == "open-government-partnership-2"


def test_script_in_the_report_is_removed(make_visit):
    visit = make_visit(
        body='Paragraf **penting**.\n\n<script>alert("x")</script>\n\n<a href="javascript:alert(1)" onclick="x()">tautan</a>',
        follow_up="<img src=x onerror=alert(1)>Diterapkan",
    )
    assert "<strong>penting</strong>" in visit.body_html
    for forbidden in ("<script", "onclick", "javascript:", "onerror", "<img"):
        assert forbidden not in visit.body_html
        assert forbidden not in visit.follow_up_html
    assert "Diterapkan" in visit.follow_up_html


def test_saving_only_the_body_refreshes_its_html(make_visit):
    visit = make_visit(body="Lama")
    visit.body = "Baru *sekali*"
    visit.save(update_fields=["body"])
    visit.refresh_from_db()
    assert visit.body_html == "<p>Baru <em>sekali</em></p>"


def test_the_description_falls_back_to_the_report_start(make_visit):
    visit = make_visit(body="Rombongan **datang** pagi hari.\n\nParagraf kedua.")
    assert visit.description == "Rombongan datang pagi hari. Paragraf kedua."
    visit.summary = "Ringkasan."
    assert visit.description == "Ringkasan."


def test_a_published_visit_cannot_be_deleted(make_visit):
    visit = make_visit()
    with pytest.raises(ProtectedError, match="Published visits cannot be deleted"):
        visit.delete()
    with pytest.raises(ProtectedError, match="Published visits cannot be deleted"):
        Visit.objects.filter(pk=visit.pk).delete()
    assert Visit.objects.filter(pk=visit.pk).exists()


def test_a_draft_can_be_deleted(make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    visit.delete()
    assert not Visit.objects.filter(pk=visit.pk).exists()


def test_an_institution_with_visits_cannot_be_deleted(make_visit, magelang):
    make_visit(status=Visit.Status.DRAFT)
    with pytest.raises(ProtectedError, match="protected foreign keys"):
        magelang.delete()


def test_the_end_date_cannot_precede_the_start(make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    visit.end_date = visit.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="The end date cannot be before the date") as caught:
        visit.full_clean()
    assert "end_date" in caught.value.message_dict
    with pytest.raises(IntegrityError, match="visits_visit_end_after_start"), transaction.atomic():
        visit.save()


def test_topics_sort_by_name(make_topic):
    make_topic("PPID")
    make_topic("KIM")
    assert list(Topic.objects.values_list("name", flat=True)) == ["KIM", "PPID"]
