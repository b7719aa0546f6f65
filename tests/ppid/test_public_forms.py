"""The public forms: required fields marked, long texts refused with the limit named, the NIK explained in words."""

import re

import pytest
from django import forms
from django.utils import translation

from ppid import nik
from ppid.forms import InfoRequestForm, ObjectionForm, SurveyForm, TrackingForm
from ppid.models import InfoRequest, Objection

from .pages import NEW, field_error, form_data, text

PUBLIC_FORMS = [InfoRequestForm, TrackingForm, ObjectionForm, SurveyForm]


def _visible_fields(form):
    return [form[name] for name, field in form.fields.items() if not field.widget.is_hidden]


@pytest.mark.parametrize("form_class", PUBLIC_FORMS, ids=lambda cls: cls.__name__)
def test_required_fields_are_marked_in_words_and_for_assistive_technology(db, form_class):
    form = form_class()
    for bound in _visible_fields(form):
        html = str(bound.as_field_group())
        label = re.search(r"<(label|legend)[^>]*>(.*?)</\1>", html, re.S).group(2)
        if bound.field.required:
            assert '<span class="required-mark">(required)</span>' in label, bound.name
            if not isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
                assert re.search(r"<(input|textarea|select)[^>]* required[ >]", html), bound.name
        else:
            assert "required-mark" not in label, bound.name


@pytest.mark.parametrize("form_class", PUBLIC_FORMS, ids=lambda cls: cls.__name__)
def test_no_widget_lets_the_browser_cut_a_text(db, form_class):
    form = form_class()
    for bound in form:
        assert "maxlength" not in str(bound), bound.name


def _limited_text_fields(form):
    return [
        (name, field.max_length)
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and field.max_length and not field.widget.is_hidden
    ]


@pytest.mark.parametrize("form_class", PUBLIC_FORMS, ids=lambda cls: cls.__name__)
def test_a_text_one_character_too_long_is_refused_with_the_limit_named(db, form_class):
    fields = _limited_text_fields(form_class())
    assert fields or form_class is TrackingForm
    for name, limit in fields:
        value = ("a" * (limit - 12) + "@example.org") if name.endswith("email") else "a" * (limit + 1)
        form = form_class(data={name: value + ("a" if name.endswith("email") else "")})
        form.is_valid()
        messages = " ".join(form.errors.get(name, []))
        assert f"at most {limit} characters" in messages and "nothing has been cut" in messages, name
        assert len(form.data[name]) == limit + 1  # kept whole for the person to shorten


def test_every_limit_fits_the_database_column(db):
    form = InfoRequestForm()
    for name, field in form.fields.items():
        if not name.startswith("requester_") or not isinstance(field, forms.CharField):
            continue
        column = InfoRequest._meta.get_field(name)
        if getattr(column, "max_length", None):
            assert field.max_length and field.max_length <= column.max_length, name
    for name in ("information_requested", "purpose", "requester_address"):
        assert form.fields[name].max_length, name


def test_too_long_name_comes_back_with_its_limit_and_what_was_typed(client, unit_sedahkidul):
    long_name = "Sri Wulandari " * 11 + "Sri Wulandari"  # 167 characters
    with translation.override("id"):
        response = client.post(NEW, form_data(unit_sedahkidul, requester_name=long_name))
    html = text(response)
    assert response.status_code == 200 and not InfoRequest.objects.exists()
    error = field_error(html, "requester_name")
    assert "paling banyak 150 karakter" in error and "167" in error
    assert long_name in html  # nothing cut


def test_too_long_objection_statement_is_refused_with_its_limit(client, register):
    registration = register()
    response = client.post(
        "/ppid/keberatan/baru/",
        {
            "number": registration.request.number,
            "code": registration.access_code,
            "grounds": ["c"],
            "statement": "x" * 5001,
        },
    )
    assert "5000" in field_error(text(response), "statement") and not Objection.objects.exists()


def test_request_page_marks_required_fields(client, unit_sedahkidul):
    html = text(client.get(NEW))
    assert 'for="id_requester_name">Nama lengkap <span class="required-mark">(wajib)</span></label>' in html
    assert 'for="id_requester_occupation">Pekerjaan</label>' in html
    form = html[html.index('<form method="post" enctype="multipart/form-data"') :]
    assert "maxlength" not in form[: form.index("</form>")]


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_nik_birth_date_message_says_it_in_words(language):
    with translation.override(language):
        with pytest.raises(nik.ValidationError) as caught:
            nik.validate_nik("3522183208900001")
        message = caught.value.messages[0]
    assert caught.value.code == "nik_birth_date"
    assert "HHBBTT" not in message and "DDMMYY" not in message
    assert ("tanggal lahir" if language == "id" else "date of birth") in message
    assert "320890" in message
