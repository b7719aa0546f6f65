"""Forms of the KIM app: the public directory and news filters, and the back
office's status and review forms.

The public filters are GET forms that work without JavaScript. A value that
is not valid gets a message next to its field and is ignored, so the page
still shows (never a server error).
"""

from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import District

from .models import Kim, KimLevel

ALL = ("", _("All"))


def _choice_errors(message):
    return {"invalid_choice": message}


class KimFilterForm(forms.Form):
    """Filters of the KIM directory (`/kim/`)."""

    SORTS = {
        "nama": ("name", "pk"),
        "kecamatan": ("village__district__name", "village__name", "name"),
        "anggota": (F("member_count").desc(nulls_last=True), "name"),
        "terbaru": (F("founded_on").desc(nulls_last=True), "name"),
    }

    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)
    tingkat = forms.ChoiceField(label=_("Level"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[ALL, *Kim.Status.choices],
        error_messages=_choice_errors(_("Choose a status from the list.")),
    )
    website = forms.ChoiceField(
        label=_("Website"),
        required=False,
        choices=[ALL, ("ya", _("Has a website")), ("tidak", _("No website"))],
        error_messages=_choice_errors(_("Choose an option from the list.")),
    )
    urut = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("nama", _("Name")),
            ("kecamatan", _("Kecamatan")),
            ("anggota", _("Most members")),
            ("terbaru", _("Newest")),
        ],
        error_messages=_choice_errors(_("Choose an order from the list.")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].choices = [
            ALL,
            *District.objects.order_by("name").values_list("code", "name"),
        ]
        self.fields["kecamatan"].error_messages.update(_choice_errors(_("Choose a kecamatan from the list.")))
        self.fields["tingkat"].choices = [ALL, *KimLevel.objects.values_list("slug", "name")]
        self.fields["tingkat"].error_messages.update(_choice_errors(_("Choose a level from the list.")))

    def filter(self, queryset):
        """Apply the valid filters (invalid ones are reported and ignored)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("q"):
            queryset = queryset.search(data["q"])
        if data.get("kecamatan"):
            queryset = queryset.in_district(data["kecamatan"])
        if data.get("tingkat"):
            queryset = queryset.filter(level__slug=data["tingkat"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("website") == "ya":
            queryset = queryset.with_website()
        elif data.get("website") == "tidak":
            queryset = queryset.without_website()
        return queryset.order_by(*self.SORTS[data.get("urut") or "nama"])

    @property
    def is_filtered(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("q", "kecamatan", "tingkat", "status", "website"))


class PostFilterForm(forms.Form):
    """Filters of the KIM news list (`/kim/kabar/`)."""

    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)
    kim = forms.SlugField(
        label=_("KIM"),
        required=False,
        max_length=80,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("This is not the address of a KIM.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].choices = [
            ALL,
            *District.objects.order_by("name").values_list("code", "name"),
        ]
        self.fields["kecamatan"].error_messages.update(_choice_errors(_("Choose a kecamatan from the list.")))
        self.kim = None

    def clean_kim(self):
        slug = self.cleaned_data.get("kim")
        if slug:
            self.kim = Kim.objects.published().filter(slug=slug).first()
            if self.kim is None:
                raise forms.ValidationError(_("No KIM has this address."), code="unknown_kim")
        return slug

    def filter(self, queryset):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("kecamatan"):
            queryset = queryset.filter(kim__village__district_id=data["kecamatan"])
        if self.kim is not None:
            queryset = queryset.filter(kim=self.kim)
        return queryset


# --- Back office -------------------------------------------------------------


class KimStatusForm(forms.Form):
    """Change a KIM's status from a date (the service checks the move)."""

    to = forms.ChoiceField(label=_("New status"))
    on = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date of the decision or of the last activity."),
    )
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        max_length=300,
        help_text=_("Shown in the KIM's status history, e.g. the number of the decree."),
    )

    def __init__(self, *args, moves=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(m.value, m.label) for m in moves]
        self.fields["on"].initial = timezone.localdate()


class PostTransitionForm(forms.Form):
    """Move a post on in its workflow (the service checks who may do what)."""

    to = forms.ChoiceField(label=_("Move to"))
    note = forms.CharField(
        label=_("Note for the KIM"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning a post: say what should change."),
    )

    def __init__(self, *args, moves=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(m.value, m.label) for m in moves]


class PostCorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("Correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown under the published post with today's date."),
    )
