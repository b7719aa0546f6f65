"""Date pickers (`<input type="date">`) get their value in ISO form.

A browser ignores any other value of a date input, so a date formatted for the
Indonesian locale ("28-11-2026") showed an empty, required field: the officer's
notice date and the atasan's decision date had to be typed again before the
form could be sent.
"""

import datetime
import inspect

import pytest
from django import forms
from django.utils import translation

import kim.forms
import ogp.forms
import ppid.forms
import visits.forms

DAY = datetime.date(2026, 11, 28)


def _defined_in(form, module):
    """Defined in the module, or in a module of its package (``ppid.forms.workflow``)."""
    return form.__module__ == module.__name__ or form.__module__.startswith(module.__name__ + ".")


def date_picker_fields():
    for module in (ppid.forms, ogp.forms, kim.forms, visits.forms):
        for name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or not _defined_in(form, module):
                continue
            for field_name, field in form.base_fields.items():
                if getattr(field.widget, "input_type", None) == "date":
                    yield pytest.param(field, id=f"{module.__name__}.{name}.{field_name}")


DATE_PICKERS = list(date_picker_fields())


def test_the_forms_have_date_pickers_to_check():
    assert len(DATE_PICKERS) >= 5


@pytest.mark.parametrize("field", DATE_PICKERS)
def test_date_picker_value_is_iso_in_every_language(field):
    for language in ("id", "en"):
        with translation.override(language):
            html = field.widget.render("day", DAY)
        assert 'value="2026-11-28"' in html, f"{language}: {html}"
