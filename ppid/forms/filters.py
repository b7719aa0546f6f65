"""Filters of the public lists (GET): a bad value is ignored, never an error page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import DipCategory, InfoRequest


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
