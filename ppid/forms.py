"""Forms of the information service: the citizen's forms, the public filters and the officers' workflow forms.

Each form only parses and checks one screen's input; the writes happen in
`ppid.services`. Messages are attached to the field they concern so the
template's field groups tie them to the input with ``aria-describedby``.
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import District
from portal.uploads import DocumentValidator

from . import nik as nik_rules
from . import services
from .models import (
    ELEMENTS,
    DeliveryMethod,
    DipCategory,
    ExemptionGround,
    InfoRequest,
    Objection,
    ObjectionGround,
    ObtainMethod,
    PpidUnit,
    RequestChannel,
    Score,
    WrittenNotice,
)
from .models.requests import scan_validator

SURVEY_SALT = "ppid.survey"
# Long enough for any real request; keeps pasted novels out of the register.
TEXT_LIMIT = 5000
SURVEY_MAX_AGE = 60 * 60 * 24 * 7


class HoneypotMixin(forms.Form):
    """A field people never see; automated form fillers do, and fill it."""

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


class RequesterFieldsMixin(forms.Form):
    """The requester's part of the statutory request form (Perki 1/2021)."""

    requester_kind = forms.ChoiceField(
        label=_("You are requesting as"),
        choices=InfoRequest.RequesterKind.choices,
        initial=InfoRequest.RequesterKind.PERSON,
        widget=forms.RadioSelect,
    )
    requester_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As on your identity card, or the legal entity's name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    requester_nik = forms.CharField(
        label=_("NIK (population number)"),
        required=False,
        max_length=24,
        help_text=_("16 digits, from your KTP. Needed when you request as an individual."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    requester_entity_decree = forms.CharField(
        label=_("Decree number of the legal entity"),
        required=False,
        max_length=150,
        help_text=_("Needed when you request for a legal entity or group (its ratification decree)."),
    )
    requester_address = forms.CharField(
        label=_("Address"), widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"})
    )
    requester_occupation = forms.CharField(label=_("Occupation"), max_length=100, required=False)
    requester_phone = forms.CharField(
        label=_("Phone or WhatsApp number"),
        required=False,
        max_length=30,
        help_text=_("Give a phone number, an e-mail address or both."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    requester_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("If you give one, the registration number and access code are sent to it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    is_proxy = forms.BooleanField(
        label=_("I am filing this request as a proxy for someone else"), required=False
    )
    requester_proxy_letter = forms.FileField(
        label=_("Power of attorney"),
        required=False,
        validators=[scan_validator],
        help_text=_("Needed when you file as a proxy. PDF or photo, at most 5 MB."),
    )
    requester_identity_scan = forms.FileField(
        label=_("Scan of your identity card (optional)"),
        required=False,
        validators=[scan_validator],
        help_text=_(
            "PDF or photo, at most 5 MB. Kept privately and seen only by the officers handling the request."
        ),
    )

    def clean_requester_nik(self):
        return nik_rules.normalise(self.cleaned_data.get("requester_nik", ""))

    def clean_requester_phone(self):
        return " ".join(self.cleaned_data.get("requester_phone", "").split())

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("requester_kind")
        nik = cleaned.get("requester_nik", "")
        if kind == InfoRequest.RequesterKind.PERSON:
            if not nik:
                self.add_error("requester_nik", _("Enter your NIK: an individual's request needs it."))
            elif "requester_nik" not in self.errors:
                try:
                    nik_rules.validate_nik(nik)
                except ValidationError as error:
                    self.add_error("requester_nik", error)
        elif kind == InfoRequest.RequesterKind.ENTITY:
            if not cleaned.get("requester_entity_decree", "").strip():
                self.add_error(
                    "requester_entity_decree",
                    _("Enter the decree number: a legal entity's request needs it."),
                )
            cleaned["requester_nik"] = ""
        if (
            not cleaned.get("requester_phone")
            and not cleaned.get("requester_email")
            and "requester_email" not in self.errors
        ):
            message = _("Give a phone number or an e-mail address so the unit can reach you.")
            self.add_error("requester_phone", message)
            self.add_error("requester_email", message)
        if cleaned.get("is_proxy") and not cleaned.get("requester_proxy_letter"):
            self.add_error(
                "requester_proxy_letter", _("Attach the power of attorney when you file as a proxy.")
            )
        return cleaned

    def requester(self):
        data = self.cleaned_data
        return services.Requester(
            name=data["requester_name"],
            kind=data["requester_kind"],
            nik=data.get("requester_nik", ""),
            entity_decree=data.get("requester_entity_decree", "").strip(),
            address=data["requester_address"].strip(),
            phone=data.get("requester_phone", ""),
            email=data.get("requester_email", ""),
            occupation=data.get("requester_occupation", "").strip(),
            identity_scan=data.get("requester_identity_scan"),
            is_proxy=bool(data.get("is_proxy")),
            proxy_letter=data.get("requester_proxy_letter"),
        )


class RequestDetailsMixin(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit you are asking"),
        queryset=PpidUnit.objects.none(),
        help_text=_(
            "Villages are grouped by kecamatan. Not sure? Choose the PPID Utama; it forwards requests."
        ),
        error_messages={"invalid_choice": _("Choose one of the units in the list.")},
    )
    information_requested = forms.CharField(
        label=_("Information requested"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe the information or document as precisely as you can (subject, period, place)."),
    )
    purpose = forms.CharField(
        label=_("Purpose of the request"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you will use the information for."),
    )
    obtain_method = forms.ChoiceField(
        label=_("How do you want to obtain it?"), choices=ObtainMethod.choices, widget=forms.RadioSelect
    )
    delivery_method = forms.ChoiceField(
        label=_("How do you want to receive it?"), choices=DeliveryMethod.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Delivery by WhatsApp is common practice, not statute: a regency may switch it off.
        if not getattr(settings, "PPID_WHATSAPP_DELIVERY", True):
            self.fields["delivery_method"].choices = [
                choice for choice in DeliveryMethod.choices if choice[0] != DeliveryMethod.WHATSAPP
            ]

    def setup_units(self, queryset):
        units = list(queryset.select_related("village__district").order_by("kind_order", "name"))
        self.fields["unit"].queryset = queryset
        self.fields["unit"].choices = unit_choices(units)


class InfoRequestForm(HoneypotMixin, RequesterFieldsMixin, RequestDetailsMixin):
    """The citizen's request form at /ppid/permohonan/baru/."""

    field_order = [
        "requester_kind",
        "requester_name",
        "requester_nik",
        "requester_entity_decree",
        "requester_address",
        "requester_occupation",
        "requester_phone",
        "requester_email",
        "is_proxy",
        "requester_proxy_letter",
        "requester_identity_scan",
        "unit",
        "information_requested",
        "purpose",
        "obtain_method",
        "delivery_method",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_units(PpidUnit.objects.published())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delivery_method") == DeliveryMethod.EMAIL and not cleaned.get("requester_email"):
            self.add_error(
                "requester_email", _("Give an e-mail address to receive the information by e-mail.")
            )
        return cleaned


class OfficerRequestForm(RequesterFieldsMixin, RequestDetailsMixin):
    """A request that arrived at the desk, by post, e-mail or phone, registered by an officer."""

    channel = forms.ChoiceField(
        label=_("How the request arrived"),
        choices=[choice for choice in RequestChannel.choices if choice[0] != RequestChannel.ONLINE],
        initial=RequestChannel.DESK,
    )
    received_on = forms.DateField(
        label=_("Date received"),
        help_text=_("Deadlines count from this day."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    field_order = ["unit", "channel", "received_on", *InfoRequestForm.field_order[:-1]]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_units(units)
        self.fields["received_on"].initial = timezone.localdate()
        # An unwritten request (phone, desk) may lack the NIK at first; the officer notes it.
        self.fields["unit"].help_text = ""

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The date received cannot be in the future."))
        return value


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
        label=_("Suggestions (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
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


# --- Public filters (GET) -------------------------------------------------------------


def _year_choices(first=2008):
    return [("", _("All years"))] + [
        (str(y), str(y)) for y in range(timezone.localdate().year, first - 1, -1)
    ]


class DipFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *DipCategory.choices]
    )
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, *args, unit_options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units")), *unit_options]
        self.fields["year"].choices = _year_choices()

    def filters(self):
        """The valid filters only: a bad value is ignored, never an error page."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class RegisterFilterForm(forms.Form):
    SORTS = [("", _("Newest first")), ("lama", _("Oldest first")), ("tenggat", _("By due date"))]

    unit = forms.ChoiceField(label=_("Unit"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *InfoRequest.Status.choices]
    )
    year = forms.ChoiceField(label=_("Year"), required=False)
    urut = forms.ChoiceField(label=_("Order"), required=False, choices=SORTS)

    def __init__(self, *args, unit_options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units")), *unit_options]
        self.fields["year"].choices = _year_choices()

    def filters(self):
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


# --- Officers' workflow forms (admin) --------------------------------------------------


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Who withdrew the request, and why"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExtendForm(forms.Form):
    extension_days = forms.IntegerField(
        label=_("Extension in working days"),
        min_value=1,
        max_value=7,
        initial=7,
        help_text=_("At most 7 working days, once (UU 14/2008 Pasal 22(8))."),
    )
    extension_reason = forms.CharField(
        label=_("Written reason for the extension"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ReassignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("New unit"), queryset=PpidUnit.objects.none())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].choices = unit_choices(list(units.select_related("village__district")))


class ExcludeFromRegisterForm(forms.Form):
    reason = forms.CharField(
        label=_("Why this request must not appear in the public register"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the request concerns the requester's own personal matters."),
    )


class AnswerForm(forms.ModelForm):
    """The written notice of Pasal 22(7), element by element, and the documents given."""

    documents = MultipleFileField(
        label=_("Documents given with the answer"),
        required=False,
        validators=[DocumentValidator()],
        help_text=_("Several files may be chosen. PDF, office documents or images, at most 20 MB each."),
    )

    class Meta:
        model = WrittenNotice
        fields = [
            "decision",
            "information_held",
            "other_body",
            "refusal_reason",
            "exemption_ground",
            "consequence_test",
            "materials",
            "redacted_parts",
            "delivery_format",
            "delivery_method",
            "fee",
            "payment_method",
            "notes",
            "issued_on",
            "signed_by_name",
            "signed_by_position",
        ]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "consequence_test": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 3}),
            "redacted_parts": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, info_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.info_request = info_request
        self.instance.request = info_request
        unit = info_request.unit
        self.fields["issued_on"].initial = timezone.localdate()
        self.fields["signed_by_name"].initial = unit.officer_name
        self.fields["signed_by_position"].initial = unit.officer_position or unit.name
        self.fields["delivery_format"].initial = info_request.obtain_method
        self.fields["delivery_method"].initial = info_request.delivery_method
        self.fields["exemption_ground"].choices = [("", _("No Pasal 17 letter")), *ExemptionGround.choices]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == WrittenNotice.Decision.REFUSED:
            reason = cleaned.get("refusal_reason")
            if not reason:
                self.add_error("refusal_reason", _("Give the reason for the refusal."))
            elif reason == WrittenNotice.RefusalReason.EXEMPT:
                if not cleaned.get("exemption_ground"):
                    self.add_error("exemption_ground", _("Give the Pasal 17 letter."))
                if not cleaned.get("consequence_test", "").strip():
                    self.add_error("consequence_test", _("Give the reasons (the consequence test)."))
            elif reason == WrittenNotice.RefusalReason.NOT_HELD:
                cleaned["information_held"] = False
                self.instance.information_held = False
        else:
            cleaned["refusal_reason"] = ""
            if not cleaned.get("materials", "").strip():
                self.add_error("materials", _("Say which material will be given."))
        if decision == WrittenNotice.Decision.PARTLY_GRANTED:
            if not cleaned.get("exemption_ground"):
                self.add_error("exemption_ground", _("Give the Pasal 17 letter of the withheld part."))
            if not cleaned.get("redacted_parts", "").strip():
                self.add_error("redacted_parts", _("Describe the parts blacked out and why."))
        issued = cleaned.get("issued_on")
        if issued and issued < self.info_request.received_on:
            self.add_error("issued_on", _("The notice cannot be dated before the request was received."))
        if issued and issued > timezone.localdate():
            self.add_error("issued_on", _("The notice cannot be dated in the future."))
        return cleaned

    def _post_clean(self):
        # The model's constraints are checked by the service; the form checks fields only.
        pass

    def notice_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}


class ObjectionDecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (value, label) for value, label in Objection.Status.choices if value in Objection.DECIDED_STATUSES
        ],
        widget=forms.RadioSelect,
    )
    decision = forms.CharField(
        label=_("Written answer of the atasan PPID"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("This text is sent to the requester."),
    )
    decided_on = forms.DateField(
        label=_("Date of the answer"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    decided_by_name = forms.CharField(label=_("Atasan PPID (name)"), max_length=150, required=False)
    decided_by_position = forms.CharField(label=_("Atasan PPID (position)"), max_length=150)

    def __init__(self, *args, objection, **kwargs):
        super().__init__(*args, **kwargs)
        unit = objection.request.unit
        self.fields["decided_on"].initial = timezone.localdate()
        self.fields["decided_by_name"].initial = unit.atasan_name
        self.fields["decided_by_position"].initial = unit.atasan_position
        self.objection = objection

    def clean_decided_on(self):
        value = self.cleaned_data["decided_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The answer cannot be dated in the future."))
        if value < self.objection.filed_on:
            raise ValidationError(_("The answer cannot come before the objection was filed."))
        return value


class OfficerObjectionForm(forms.Form):
    """An objection handed in on paper, registered by an officer."""

    grounds = ObjectionForm.base_fields["grounds"]
    statement = ObjectionForm.base_fields["statement"]
    filed_on = forms.DateField(
        label=_("Date filed"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    channel = forms.ChoiceField(
        label=_("How it arrived"),
        choices=[choice for choice in RequestChannel.choices if choice[0] != RequestChannel.ONLINE],
    )
