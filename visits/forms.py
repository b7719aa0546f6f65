"""Forms of the visits app: the public list filters and the back-office editing forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal import wilayah

from .models import Institution, Topic, Visit
from .models.visit import RESERVED_SLUGS, SLUG_MAX_LENGTH
from .slugs import free_slug, propose_slug

INVALID_FILTER = _("No published visit matches this choice. Choose one from the list.")


class VisitFilterForm(forms.Form):
    """The filters of `/kunjungan/`, sent by GET so they work without JavaScript.

    The choices come from the published visits (three queries), so the lists
    only offer values that find something. A value not in the list is reported
    next to its field and ignored; the other filters still apply.
    """

    tahun = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": INVALID_FILTER},
    )
    provinsi = forms.ChoiceField(
        label=_("Visiting province"), required=False, error_messages={"invalid_choice": INVALID_FILTER}
    )
    jenis_instansi = forms.ChoiceField(
        label=_("Type of institution"),
        required=False,
        choices=[("", _("All types")), *Institution.Kind.choices],
        error_messages={"invalid_choice": INVALID_FILTER},
    )
    topik = forms.ChoiceField(
        label=_("Topic"), required=False, error_messages={"invalid_choice": INVALID_FILTER}
    )
    jenis = forms.ChoiceField(
        label=_("Kind of visit"),
        required=False,
        choices=[("", _("All kinds")), *Visit.Kind.choices],
        error_messages={"invalid_choice": INVALID_FILTER},
    )

    def __init__(self, data=None, *, visits):
        super().__init__(data, label_suffix="")
        years = [d.year for d in visits.dates("start_date", "year", order="DESC")]
        self.fields["tahun"].choices = [("", _("All years")), *((y, str(y)) for y in years)]
        codes = set(
            visits.exclude(institution__province_code="")
            .order_by()
            .values_list("institution__province_code", flat=True)
            .distinct()
        )
        provinces = sorted((wilayah.province_name(code) or code, code) for code in codes)
        self.fields["provinsi"].choices = [
            ("", _("All provinces")),
            *((code, name) for name, code in provinces),
        ]
        topics = (
            Topic.objects.filter(visits__in=visits.order_by().values("pk"))
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )
        self.fields["topik"].choices = [("", _("All topics")), *topics]

    def filter(self, visits):
        """Apply every filter whose value is valid."""
        if not self.is_bound:
            return visits
        self.is_valid()
        data = self.cleaned_data
        if data.get("tahun"):
            visits = visits.in_year(data["tahun"])
        if data.get("provinsi"):
            visits = visits.from_province(data["provinsi"])
        if data.get("jenis_instansi"):
            visits = visits.by_institution_kind(data["jenis_instansi"])
        if data.get("topik"):
            visits = visits.with_topic(data["topik"])
        if data.get("jenis"):
            visits = visits.by_kind(data["jenis"])
        return visits

    @property
    def active(self):
        """Whether any filter is applied."""
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)


class VisitAdminForm(forms.ModelForm):
    """The back-office form: proposes a free address and asks for a note on published visits."""

    correction_note = forms.CharField(
        label=_("Correction note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "This visit is published: say what you changed and why. The note is shown on the public "
            "page with today's date."
        ),
    )

    class Meta:
        model = Visit
        fields = [
            "title",
            "slug",
            "kind",
            "summary",
            "institution",
            "visiting_units",
            "leader_name",
            "leader_position",
            "delegation_size",
            "start_date",
            "end_date",
            "venue",
            "villages",
            "kims_visited",
            "topics",
            "host_units",
            "body",
            "follow_up",
            "author_credit",
            "is_sample",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_published:
            self.fields.pop("correction_note", None)

    @property
    def is_published(self):
        return self.instance.pk is not None and self.instance.status == Visit.Status.PUBLISHED

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if self.is_published:
            return self.instance.slug
        if not slug:
            title = self.cleaned_data.get("title") or ""
            return free_slug(
                Visit,
                propose_slug(title, max_length=SLUG_MAX_LENGTH, fallback="kunjungan"),
                self.instance.pk,
                reserved=RESERVED_SLUGS,
            )
        if slug in RESERVED_SLUGS or Visit.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Another page already uses this address. “%(free)s” is free, or leave the field empty."),
                code="slug_taken",
                params={"free": free_slug(Visit, slug, self.instance.pk, reserved=RESERVED_SLUGS)},
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        if self.is_published and not (cleaned.get("correction_note") or "").strip():
            self.add_error(
                "correction_note",
                _("Describe your change: a published visit is only changed with a public note."),
            )
        return cleaned


class TopicAdminForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "description"]

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            name = self.cleaned_data.get("name") or ""
            return free_slug(Topic, propose_slug(name, max_length=60, fallback="topik"), self.instance.pk)
        return slug


class PublicationForm(forms.Form):
    """Publish, schedule or unschedule one visit (the moves its status allows)."""

    ACTION_LABELS = {
        Visit.Status.PUBLISHED: _("Publish (now, or at the past time below to back-date the report)"),
        Visit.Status.SCHEDULED: _("Schedule for the time below"),
        Visit.Status.DRAFT: _("Cancel the schedule and return to draft"),
    }

    action = forms.ChoiceField(label=_("What to do"), widget=forms.RadioSelect)
    publish_at = forms.DateTimeField(
        label=_("Publish time"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Time in Asia/Jakarta (WIB). Required to schedule; leave empty to publish now."),
    )
    note = forms.CharField(
        label=_("Note for the history"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = Visit.NEXT_STATUSES[Visit.Status(visit.status)]
        self.fields["action"].choices = [
            (status.value, label) for status, label in self.ACTION_LABELS.items() if status in allowed
        ]
