"""Forms of the ogp app: the file import in the back office."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import scoping
from portal.models import Village
from portal.uploads import validate_spreadsheet

from .models import BudgetVersion, RealisationReport
from .models.budgets import FIRST_YEAR, LAST_YEAR


class BudgetImportForm(forms.Form):
    """Upload a CSV or XLSX file in the template, as a budget version or a realisation report."""

    BUDGET = "budget"
    REALISATION = "realisation"

    what = forms.ChoiceField(
        label=_("The file holds"),
        choices=[(BUDGET, _("an APBDes (budget lines)")), (REALISATION, _("a realisation report"))],
        initial=BUDGET,
        widget=forms.RadioSelect,
    )
    village = forms.ModelChoiceField(
        label=_("Village"),
        queryset=Village.objects.none(),
        required=False,
        help_text=_("Leave empty only when the file has a kode_desa column (several villages)."),
    )
    year = forms.IntegerField(label=_("Fiscal year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    kind = forms.ChoiceField(
        label=_("Kind of version"), choices=BudgetVersion.Kind.choices, initial=BudgetVersion.Kind.MURNI
    )
    new_version = forms.BooleanField(
        label=_("The year is already published: import this file as a new version (revision or correction)"),
        required=False,
    )
    perdes_number = forms.CharField(
        label=_("Perdes number"),
        max_length=100,
        required=False,
        help_text=_("For example: 3 Tahun 2024. Can also come from the file's nomor_perdes column."),
    )
    perdes_date = forms.DateField(
        label=_("Perdes date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    period = forms.ChoiceField(
        label=_("Report period"), choices=[("", "—"), *RealisationReport.Period.choices], required=False
    )
    as_of = forms.DateField(
        label=_("Position as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example 30 June for Semester I, 31 December for the year end."),
    )
    new_report = forms.BooleanField(
        label=_("This period is already reported: import this file as a correcting report"), required=False
    )
    publish = forms.BooleanField(label=_("Publish right after the import"), required=False)
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For an APBDes Perubahan: what changed and why. Required to publish one."),
    )
    explanation = forms.CharField(
        label=_("Explanation of the books"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only when the checks refuse the books and they are right as they are: why they do not balance. "
            "The public page shows it beside the figures."
        ),
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        validators=[validate_spreadsheet],
        help_text=_("Use the template; the first row names the columns."),
    )

    def __init__(self, *args, user, can_publish, **kwargs):
        super().__init__(*args, **kwargs)
        villages = scoping.filter_queryset(Village.objects.select_related("district").order_by("name"), user)
        self.fields["village"].queryset = villages
        self.fields["village"].label_from_instance = lambda v: f"{v.label} ({v.district.name}, {v.code})"
        single = scoping.single_value(user, "village")
        if single is not None:
            self.fields["village"].initial = single
            self.fields["village"].required = True
            self.fields["village"].help_text = ""
        self.fields["year"].initial = timezone.localdate().year
        if not can_publish:
            del self.fields["publish"]

    def clean(self):
        data = super().clean()
        if data.get("what") == self.REALISATION:
            if not data.get("period"):
                self.add_error("period", _("Choose the period of the report."))
            if not data.get("as_of"):
                self.add_error("as_of", _("Enter the date the report's figures stand at."))
        return data


class SiskeudesUploadForm(forms.Form):
    """The zip of Siskeudes tables to preview."""

    file = forms.FileField(
        label=_("Siskeudes export (zip)"),
        help_text=_(
            "The zip of Siskeudes tables as CSV files (Ta_RAB.csv, Ta_RABRinci.csv, Ta_Kegiatan.csv, "
            "Ta_Desa.csv, Ref_Desa.csv, Ref_Kecamatan.csv and, for realisation, Ta_TBP, Ta_SPP and Ta_SPJ "
            "with their Rinci tables)."
        ),
    )

    def clean_file(self):
        from .siskeudes.reading import MAX_UPLOAD_BYTES

        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Upload the .zip file of Siskeudes tables."), code="not_zip")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
                code="too_large",
            )
        return upload
