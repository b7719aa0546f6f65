"""The officers' workflow forms in the back office; each parses one action's input for `ppid.services`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.uploads import DocumentValidator

from ..models import ExemptionGround, Objection, Obligation, PpidUnit, RequestChannel, WrittenNotice
from .base import MultipleFileField, unit_choices
from .obligations import ObligationOrderMixin
from .tracking import ObjectionForm


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


class ObjectionDecisionForm(ObligationOrderMixin, forms.Form):
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

    field_order = ["status", "decision", "decided_on", "decided_by_name", "decided_by_position"]

    def __init__(self, *args, objection, **kwargs):
        super().__init__(*args, **kwargs)
        unit = objection.request.unit
        self.fields["obligation_kind"].initial = (
            Obligation.Kind.REDECIDE if objection.request.is_open else Obligation.Kind.HAND_OVER
        )
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

    def clean(self):
        cleaned = super().clean()
        self.clean_obligation_fields(cleaned, cleaned.get("status") == Objection.Status.UPHELD)
        return cleaned


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
