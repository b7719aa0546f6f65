"""Select boxes written in Python must be the markup Django's templates write."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from portal.form_renderer import FormRenderer


def normalised(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


class Sample(forms.Form):
    unit = forms.ChoiceField(
        choices=[("", "—"), ("1", "PPID Utama"), ("2", 'Desa "Sedah" <kidul> & co')],
        required=False,
        help_text="Pick one",
    )
    grouped = forms.ChoiceField(
        choices=[
            ("Kecamatan Kota", [("a", "Kadipaten"), ("b", "Klangon")]),
            ("Kecamatan Dander", [("c", "Ngumpakdalem")]),
            ("x", "Tanpa kecamatan"),
        ]
    )
    several = forms.MultipleChoiceField(choices=[("1", "satu"), ("2", "dua"), ("3", "tiga")])
    maybe = forms.NullBooleanField()
    typed = forms.TypedChoiceField(choices=[(2024, 2024), (2025, 2025)], coerce=int, disabled=True)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"unit": "2", "grouped": "b", "several": ["1", "3"], "maybe": "true", "typed": "2025"},
        {"unit": "<script>", "grouped": "zzz", "several": ["9"], "maybe": "unknown"},
    ],
)
def test_selects_match_djangos_own_templates(data):
    attrs = {"data-flag": True, "hidden-x": False}
    stock_form = Sample(data or None, renderer=DjangoTemplates())
    our_form = Sample(data or None, renderer=FormRenderer())
    for name in Sample.base_fields:
        stock = stock_form[name].as_widget(attrs={**attrs, "aria-describedby": f"{name}_help"})
        ours = our_form[name].as_widget(attrs={**attrs, "aria-describedby": f"{name}_help"})
        assert "<select" in stock and "<option" in stock
        assert normalised(ours) == normalised(stock), name


def test_labels_and_values_are_escaped():
    html = str(Sample(renderer=FormRenderer())["unit"])
    assert "Desa &quot;Sedah&quot; &lt;kidul&gt; &amp; co" in html
    assert "<kidul>" not in html


def test_the_portal_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "portal.form_renderer.FormRenderer"
    assert isinstance(get_default_renderer(), FormRenderer)


def test_other_widgets_still_render_through_templates():
    class Mixed(forms.Form):
        q = forms.CharField(max_length=20)
        kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)

    html = str(Mixed(renderer=FormRenderer()))
    assert 'type="text" name="q" maxlength="20"' in html
    assert 'type="radio" name="kind" value="a"' in html
