"""Forms a requester opens with their registration number and access code: tracking, objection, survey."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .. import services
from ..models import ELEMENTS, InfoRequest, ObjectionGround, Score
from .base import TEXT_LIMIT, HoneypotMixin

SURVEY_SALT = "ppid.survey"
SURVEY_MAX_AGE = 60 * 60 * 24 * 7


class NumberAndCodeMixin(forms.Form):
    number = forms.CharField(
        label=_("Registration number"),
        max_length=40,
        help_text=_("For example PPID/2026/000123."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    code = forms.CharField(
        label=_("Access code"),
        max_length=60,
        help_text=_("The code you received when you filed the request (groups of four letters and digits)."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    not_found_message = _(
        "The registration number and access code do not match a request. Check both and try again."
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.info_request = services.find_request(cleaned.get("number", ""), cleaned.get("code", ""))
        if self.info_request is None:
            raise ValidationError(self.not_found_message, code="no_match")
        return cleaned


class TrackingForm(HoneypotMixin, NumberAndCodeMixin):
    field_order = ["number", "code", "website"]


class LostCodeForm(HoneypotMixin):
    """The registration number and the e-mail given with the request, to receive a new access code."""

    number = NumberAndCodeMixin.base_fields["number"]
    email = forms.EmailField(
        label=_("E-mail address given with the request"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["number", "email", "website"]


class ObjectionForm(HoneypotMixin, NumberAndCodeMixin):
    grounds = forms.MultipleChoiceField(
        label=_("Grounds of the objection (UU 14/2008 Pasal 35(1))"),
        choices=ObjectionGround.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one ground.")},
    )
    statement = forms.CharField(
        label=_("Your statement"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Explain what went wrong and what you ask the atasan PPID to do."),
    )

    field_order = ["number", "code", "grounds", "statement", "website"]


class SurveyForm(HoneypotMixin):
    """The nine SKM elements, each rated 1–4; the request travels in a signed token."""

    token = forms.CharField(widget=forms.HiddenInput)
    suggestion = forms.CharField(
        label=_("Suggestions (optional)"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in ELEMENTS:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=Score.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score from 1 to 4.")},
            )
        self.order_fields([name for name, _label in ELEMENTS] + ["suggestion", "token", "website"])

    @staticmethod
    def make_token(info_request):
        return signing.dumps({"request": info_request.pk}, salt=SURVEY_SALT)

    def clean_token(self):
        try:
            data = signing.loads(self.cleaned_data["token"], salt=SURVEY_SALT, max_age=SURVEY_MAX_AGE)
            info_request = InfoRequest.objects.get(pk=int(data["request"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError, InfoRequest.DoesNotExist):
            raise ValidationError(
                _("The survey link has expired. Track your request again to open the survey."),
                code="bad_token",
            ) from None
        return info_request

    def scores(self):
        return {name: self.cleaned_data[name] for name, _label in ELEMENTS}

    @property
    def element_fields(self):
        return [self[name] for name, _label in ELEMENTS]
