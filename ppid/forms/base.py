"""What the information service's forms share: the honeypot, unit choices, multiple uploads, error placement."""

import re
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.models import District

# Long enough for any real request; keeps pasted novels out of the register.
TEXT_LIMIT = 5000
# A postal address, with room for the RT/RW, dusun, desa and kecamatan.
ADDRESS_LIMIT = 500
# The longest e-mail address the database column holds.
EMAIL_LIMIT = 254


def attach_errors(form, error):
    """A service's refusal on the form: next to the field it names, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


ONCE_FIELD = "once"
ONCE_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def once_token(data):
    """The form's one-time token from posted data, or "" when it is missing or malformed."""
    value = str(data.get(ONCE_FIELD, ""))
    return value if ONCE_PATTERN.fullmatch(value) else ""


# Said when a text is longer than its field allows; the browser is not told the limit, so it never cuts.
TOO_LONG = _(
    "This text is too long: at most %(limit_value)d characters are allowed and it has %(show_value)d. "
    "Please shorten it; nothing has been cut."
)


def no_silent_cut(form):
    """Drop ``maxlength`` from every widget and say the limit in the error instead.

    A browser given ``maxlength`` stops typing and truncates pasted text without a
    word; the server's check then never sees the lost part. Without it, a text
    that is too long comes back with the limit named next to the field.
    """
    for field in form.fields.values():
        if field.widget.attrs.pop("maxlength", None) is not None or getattr(field, "max_length", None):
            field.error_messages["max_length"] = TOO_LONG


class PublicFormMixin(forms.Form):
    """What every public form does: required fields marked in the label, no silent cut of long texts."""

    # In portal/templates/: the form renderer reads templates from the apps, not the project's templates/.
    template_name_label = "portal/forms/label.html"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # “Full name (required)”, not “Full name: (required)”
        super().__init__(*args, **kwargs)
        no_silent_cut(self)


class HoneypotMixin(PublicFormMixin):
    """A field people never see; automated form fillers do, and fill it.

    It also carries the form's hidden one-time token: a repeated POST of the same
    page (a double tap, a resent form) is recognised by it and shown the first result.
    """

    once = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(ONCE_FIELD, secrets.token_urlsafe(24))

    def clean_once(self):
        return once_token(self.cleaned_data)

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("This form could not be sent. Please try again."), code="honeypot")
        return ""


def unit_choices(units):
    """Units grouped for a select: the regency and its agencies, then villages per kecamatan."""
    regency, by_district = [], {}
    for unit in units:
        if unit.village_id:
            district = unit.village.district
            by_district.setdefault((district.name, district.code), []).append((unit.pk, unit.name))
        else:
            regency.append((unit.pk, unit.name))
    groups = [("", _("Choose a unit"))]
    if regency:
        groups.append((_("Regency and agencies"), regency))
    for (name, _code), options in sorted(by_district.items()):
        groups.append((District.label_of(name), sorted(options, key=lambda item: item[1])))
    return groups


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []
