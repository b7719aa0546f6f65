"""The statutory request form (Perki 1/2021): the citizen's online form and the officer's desk form."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import nik as nik_rules
from .. import services
from ..models import DeliveryMethod, InfoRequest, ObtainMethod, PpidUnit, RequestChannel
from ..models.requests import scan_validator
from .base import ADDRESS_LIMIT, EMAIL_LIMIT, TEXT_LIMIT, HoneypotMixin, unit_choices


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
        label=_("Address"),
        max_length=ADDRESS_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
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
        max_length=EMAIL_LIMIT,
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
