"""The legal basis page, the service standard announcement and the annual report's narrative."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.uploads import DocumentValidator

from .uploads import regulation_document_path


class RegulationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Regulation(models.Model):
    """A legal basis document of the information service (UU, Perki, Permen, Perbup…)."""

    class Kind(models.TextChoices):
        LAW = "uu", _("Law (Undang-Undang)")
        GOVERNMENT_REGULATION = "pp", _("Government regulation")
        COMMISSION_REGULATION = "perki", _("Information Commission regulation (Perki)")
        MINISTERIAL_REGULATION = "permen", _("Ministerial regulation")
        REGIONAL_REGULATION = "perda", _("Regional regulation (Perda)")
        REGENT_REGULATION = "perbup", _("Regent regulation (Perbup)")
        DECREE = "sk", _("Decree")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The official designation, e.g. “Undang-Undang Nomor 14 Tahun 2008”."),
    )
    short_name = models.CharField(_("short name"), max_length=60, help_text=_("E.g. “UU 14/2008”."))
    subject = models.CharField(_("subject (tentang)"), max_length=255, blank=True)
    description = models.TextField(_("what it governs"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    link = models.URLField(_("link to the official text"), blank=True)
    document = models.FileField(
        _("document"),
        upload_to=regulation_document_path,
        validators=[DocumentValidator(kinds=("pdf",))],
        blank=True,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = RegulationQuerySet.as_manager()

    class Meta:
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")
        ordering = ["order", "year", "title"]
        constraints = [models.UniqueConstraint(fields=["title"], name="ppid_regulation_title_unique")]

    def __str__(self):
        return self.short_name or self.title

    @property
    def url(self):
        return self.document.url if self.document else self.link


class ServiceStandardQuerySet(models.QuerySet):
    def published(self, today=None):
        """Versions in force or past, newest first; drafts and future versions stay hidden."""
        today = today or timezone.localdate()
        return self.filter(effective_from__isnull=False, effective_from__lte=today).order_by(
            "-effective_from", "-pk"
        )


class ServiceStandard(models.Model):
    """The maklumat pelayanan (Perki 1/2021 Pasal 47–48), one row per version.

    A version in force is never edited: a change is a new version with a later
    date, and the earlier versions stay listed.
    """

    RICH_FIELDS = (
        "statement",
        "legal_basis",
        "procedure",
        "completion_time",
        "fees",
        "guarantee",
        "evaluation",
    )

    title = models.CharField(_("title"), max_length=200, default="Maklumat Pelayanan Informasi Publik")
    statement = models.TextField(_("statement"), help_text=richtext.HELP_TEXT)
    legal_basis = models.TextField(_("legal basis"), help_text=richtext.HELP_TEXT)
    procedure = models.TextField(_("system, mechanism and procedure"), help_text=richtext.HELP_TEXT)
    completion_time = models.TextField(_("completion time"), help_text=richtext.HELP_TEXT)
    fees = models.TextField(_("fees"), help_text=richtext.HELP_TEXT)
    guarantee = models.TextField(_("service guarantee"), help_text=richtext.HELP_TEXT)
    evaluation = models.TextField(_("performance evaluation"), help_text=richtext.HELP_TEXT)
    statement_html = models.TextField(_("statement (HTML)"), editable=False, default="")
    legal_basis_html = models.TextField(_("legal basis (HTML)"), editable=False, default="")
    procedure_html = models.TextField(_("system, mechanism and procedure (HTML)"), editable=False, default="")
    completion_time_html = models.TextField(_("completion time (HTML)"), editable=False, default="")
    fees_html = models.TextField(_("fees (HTML)"), editable=False, default="")
    guarantee_html = models.TextField(_("service guarantee (HTML)"), editable=False, default="")
    evaluation_html = models.TextField(_("performance evaluation (HTML)"), editable=False, default="")
    signed_by_name = models.CharField(_("signed by (name)"), max_length=150, blank=True)
    signed_by_position = models.CharField(_("signed by (position)"), max_length=150)
    effective_from = models.DateField(
        _("in force from"), null=True, blank=True, help_text=_("Leave empty while the text is a draft.")
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = ServiceStandardQuerySet.as_manager()

    class Meta:
        verbose_name = _("service standard (maklumat)")
        verbose_name_plural = _("service standards (maklumat)")
        ordering = ["-effective_from", "-pk"]

    def __str__(self):
        if self.effective_from:
            return f"{self.title} ({self.effective_from:%d-%m-%Y})"
        draft = _("draft")
        return f"{self.title} ({draft})"

    def save(self, *args, **kwargs):
        for name in self.RICH_FIELDS:
            setattr(self, f"{name}_html", richtext.to_html(getattr(self, name)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ppid:maklumat")

    def in_force(self, today=None):
        today = today or timezone.localdate()
        return self.effective_from is not None and self.effective_from <= today


class AnnualReport(models.Model):
    """The parts of the annual service report that are not computed from requests.

    Perki 1/2021 asks for facilities, staff, budget, obstacles and follow-up
    plans next to the figures; the figures themselves always come from the data.
    """

    RICH_FIELDS = ("facilities", "staff", "budget_notes", "obstacles", "follow_up")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    facilities = models.TextField(
        _("facilities and infrastructure"), blank=True, help_text=richtext.HELP_TEXT
    )
    staff = models.TextField(_("human resources"), blank=True, help_text=richtext.HELP_TEXT)
    budget = models.BigIntegerField(_("budget (Rupiah)"), null=True, blank=True)
    budget_notes = models.TextField(_("budget notes"), blank=True, help_text=richtext.HELP_TEXT)
    obstacles = models.TextField(_("obstacles"), blank=True, help_text=richtext.HELP_TEXT)
    follow_up = models.TextField(
        _("recommendations and follow-up plans"), blank=True, help_text=richtext.HELP_TEXT
    )
    facilities_html = models.TextField(_("facilities and infrastructure (HTML)"), editable=False, default="")
    staff_html = models.TextField(_("human resources (HTML)"), editable=False, default="")
    budget_notes_html = models.TextField(_("budget notes (HTML)"), editable=False, default="")
    obstacles_html = models.TextField(_("obstacles (HTML)"), editable=False, default="")
    follow_up_html = models.TextField(
        _("recommendations and follow-up plans (HTML)"), editable=False, default=""
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("annual report text")
        verbose_name_plural = _("annual report texts")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="ppid_report_budget_positive"
            )
        ]

    def __str__(self):
        return _("Annual report %(year)s") % {"year": self.year}

    def save(self, *args, **kwargs):
        for name in self.RICH_FIELDS:
            setattr(self, f"{name}_html", richtext.to_html(getattr(self, name)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ppid:report", args=[self.year])


class NonWorkingDay(models.Model):
    """A local day off (regional holiday, office closure) that deadlines skip."""

    date = models.DateField(_("date"), unique=True)
    description = models.CharField(_("description"), max_length=200)

    class Meta:
        verbose_name = _("local non-working day")
        verbose_name_plural = _("local non-working days")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.description}"
