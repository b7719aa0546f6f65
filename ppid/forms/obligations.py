"""The back office's forms for an upheld objection's obligation: its order, its fulfilment, its cancellation."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Obligation
from .base import TEXT_LIMIT

DATE_WIDGET = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}


class ObligationOrderMixin(forms.Form):
    """What an upheld objection orders: asked with the decision, used only when it is upheld."""

    obligation_kind = forms.ChoiceField(
        label=_("If upheld: what the unit must do"),
        choices=Obligation.Kind.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    obligation_due_on = forms.DateField(
        label=_("If upheld: to be done by"),
        required=False,
        widget=forms.DateInput(**DATE_WIDGET),
        help_text=_("The date the decision sets for the unit."),
    )
    obligation_order = forms.CharField(
        label=_("If upheld: what exactly the decision orders"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_obligation_fields(self, cleaned, upheld):
        if not upheld:
            return
        if not cleaned.get("obligation_kind"):
            self.add_error("obligation_kind", _("Say what the unit must do."))
        due = cleaned.get("obligation_due_on")
        if due is None:
            if "obligation_due_on" not in self.errors:
                self.add_error("obligation_due_on", _("Give the date the decision sets."))
        elif cleaned.get("decided_on") and due < cleaned["decided_on"]:
            self.add_error(
                "obligation_due_on", _("The obligation cannot fall due before the decision that orders it.")
            )


class FulfilObligationForm(forms.Form):
    fulfilled_on = forms.DateField(
        label=_("Carried out on"), widget=forms.DateInput(**DATE_WIDGET), initial=timezone.localdate
    )
    document = forms.FileField(
        label=_("Document"),
        # The model field's content check: the service stores the file without running it.
        validators=Obligation._meta.get_field("fulfilment_document").validators,
        help_text=_("The receipt of the handover or the new written notice (PDF or image)."),
    )
    note = forms.CharField(
        label=_("How it was carried out"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_fulfilled_on(self):
        value = self.cleaned_data["fulfilled_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return value


class CancelObligationForm(forms.Form):
    note = forms.CharField(
        label=_("Which decision overturned it"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the Komisi Informasi's decision, with its number and date."),
    )
