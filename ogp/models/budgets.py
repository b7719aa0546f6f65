"""Village budgets (APBDes): one budget per village and fiscal year, its
versions (the original *murni* and any *perubahan*), their lines, realisation
reports and billboard photos, and the per-village-year summary the regency
pages read.

A version is a draft until `services.change_version_status` publishes it; from
then on it is immutable (saving or deleting it raises `PublishedRecordError`)
and a correction is a new version. Realisation reports follow the same rule.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import Village
from portal.uploads import BasePhoto

from .. import figures
from .chart import Account, Activity, FundSource, line_problems

FIRST_YEAR = 2000
LAST_YEAR = 2100


class PublishedRecordError(Exception):
    """Raised when code tries to change or delete a published version, report or their lines."""


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    DISCARDED = "discarded", _("Discarded")


# The allowed next states of a budget version and of a realisation report.
# `services.change_version_status` and `services.change_report_status` are the
# only places that move along this table.
STATUS_TRANSITIONS = {
    Status.DRAFT: frozenset({Status.PUBLISHED, Status.DISCARDED}),
    Status.DISCARDED: frozenset({Status.DRAFT}),
    Status.PUBLISHED: frozenset(),
}


class _ProtectedWhenPublished(models.Model):
    """Remembers the status a row was loaded with and refuses to touch a published row."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if getattr(self, "_loaded_status", None) == Status.PUBLISHED:
            raise PublishedRecordError(f"{self._meta.verbose_name} {self.pk} is published and cannot change.")
        super().save(*args, **kwargs)
        self._loaded_status = self.status

    def delete(self, *args, **kwargs):
        if self.status == Status.PUBLISHED or getattr(self, "_loaded_status", None) == Status.PUBLISHED:
            raise PublishedRecordError(f"{self._meta.verbose_name} {self.pk} is published and is kept.")
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance


class BudgetQuerySet(models.QuerySet):
    def published(self):
        """Budgets with at least one published version."""
        return self.filter(summary__isnull=False)


class Budget(models.Model):
    """The APBDes of one village for one fiscal year, across all its versions."""

    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("village")
    )
    year = models.PositiveSmallIntegerField(_("fiscal year"))
    website_url = models.URLField(
        _("publication on the village website"),
        blank=True,
        help_text=_("The page of the village website where this APBDes is published."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = BudgetQuerySet.as_manager()

    class Meta:
        verbose_name = _("APBDes")
        verbose_name_plural = _("APBDes")
        ordering = ["-year", "village_id"]
        constraints = [
            models.UniqueConstraint(fields=["village", "year"], name="ogp_one_budget_per_village_year"),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR), name="ogp_budget_year_range"
            ),
        ]

    def __str__(self):
        return f"APBDes {self.year} {self.village}"

    def get_absolute_url(self):
        return reverse("ogp:village_budget", args=[self.year, self.village_id])


class BudgetVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def for_list(self):
        return self.select_related("budget__village__district")

    def latest_first(self):
        return self.order_by("-published_at", "-pk")


class BudgetVersion(_ProtectedWhenPublished):
    """One version of a village's APBDes for a year, set by its own Perdes."""

    class Kind(models.TextChoices):
        MURNI = "murni", _("APBDes (original)")
        PERUBAHAN = "perubahan", _("APBDes Perubahan (revision)")

    Status = Status

    budget = models.ForeignKey(
        Budget, on_delete=models.PROTECT, related_name="versions", verbose_name=_("APBDes")
    )
    number = models.PositiveSmallIntegerField(_("version number"), editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MURNI)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    perdes_number = models.CharField(
        _("Perdes number"), max_length=100, blank=True, help_text=_("For example: 3 Tahun 2024.")
    )
    perdes_date = models.DateField(_("Perdes date"), null=True, blank=True)
    note = models.TextField(
        _("public note"),
        blank=True,
        help_text=_("What this version changes and why; shown on the public page."),
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="successors",
        verbose_name=_("based on"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, blank=True, editable=False)
    line_count = models.PositiveIntegerField(_("lines"), default=0, editable=False)
    revenue = models.BigIntegerField(_("revenue"), default=0, editable=False)
    spending = models.BigIntegerField(_("spending"), default=0, editable=False)
    financing_receipts = models.BigIntegerField(_("financing receipts"), default=0, editable=False)
    financing_expenditure = models.BigIntegerField(_("financing expenditure"), default=0, editable=False)
    breakdown = models.JSONField(_("totals by code"), default=dict, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = BudgetVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("APBDes version")
        verbose_name_plural = _("APBDes versions")
        ordering = ["budget", "number"]
        permissions = [("publish_budgetversion", _("Can publish or discard APBDes versions"))]
        constraints = [
            models.UniqueConstraint(fields=["budget", "number"], name="ogp_version_number_unique"),
            models.UniqueConstraint(
                fields=["budget"], condition=Q(status="draft"), name="ogp_one_draft_version_per_budget"
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(published_at__isnull=False) & Q(perdes_date__isnull=False) & ~Q(perdes_number="")),
                name="ogp_published_version_has_perdes",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="ogp_version_number_positive"),
        ]

    def __str__(self):
        return _("%(budget)s, version %(number)s (%(kind)s)") % {
            "budget": self.budget,
            "number": self.number,
            "kind": self.get_kind_display(),
        }

    def get_absolute_url(self):
        return f"{self.budget.get_absolute_url()}?versi={self.number}"

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def is_draft(self):
        return self.status == Status.DRAFT

    @property
    def surplus(self):
        return figures.surplus(self.revenue, self.spending)

    @property
    def net_financing(self):
        return figures.net_financing(self.financing_receipts, self.financing_expenditure)

    @property
    def silpa(self):
        return figures.silpa(self.surplus, self.net_financing)


class VersionStatusChange(models.Model):
    """History of a version's status; doubles as its public timeline."""

    version = models.ForeignKey(
        BudgetVersion, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("version")
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=Status.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("version status change")
        verbose_name_plural = _("version status changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.version_id}: {self.from_status} → {self.to_status}"


class BudgetLine(models.Model):
    """One line of a version: an obyek account, for spending its kegiatan, and the amount."""

    version = models.ForeignKey(
        BudgetVersion, on_delete=models.CASCADE, related_name="lines", verbose_name=_("version")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    account = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        related_name="lines",
        limit_choices_to={"level": Account.Level.OBYEK},
        verbose_name=_("account (obyek)"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
        limit_choices_to={"level": Activity.Level.KEGIATAN},
        verbose_name=_("kegiatan"),
        help_text=_("Required for spending (5.x), empty otherwise."),
    )
    fund_source = models.ForeignKey(
        FundSource,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("source of funds"),
    )
    description = models.CharField(_("description"), max_length=255)
    location = models.CharField(_("location"), max_length=200, blank=True)
    amount = models.BigIntegerField(_("amount (Rp)"))

    class Meta:
        verbose_name = _("APBDes line")
        verbose_name_plural = _("APBDes lines")
        ordering = ["version", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="ogp_line_amount_not_negative"),
            models.UniqueConstraint(
                F("version"),
                F("account"),
                Coalesce(F("activity"), Value("")),
                Coalesce(F("fund_source"), Value("")),
                F("description"),
                F("location"),
                name="ogp_line_unique_in_version",
            ),
        ]

    def __str__(self):
        return f"{self.account_id} {self.description}"

    def save(self, *args, **kwargs):
        if self.version.status != Status.DRAFT:
            raise PublishedRecordError("Lines can only change while their version is a draft.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.version.status != Status.DRAFT:
            raise PublishedRecordError("Lines of a published version are kept.")
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.account_id is None:
            return
        if self.account.code.startswith("4") and not self.fund_source_id:
            self.fund_source_id = self.account.fund_source_id
        activity = self.activity if self.activity_id else None
        problems = line_problems(
            account_code=self.account.code,
            account_level=self.account.level,
            account_source=self.account.fund_source_id,
            activity_code=self.activity_id,
            activity_level=activity.level if activity else None,
            source_code=self.fund_source_id,
        )
        if problems:
            raise ValidationError(dict(problems))


class RealisationReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def for_list(self):
        return self.select_related("version__budget__village")


class RealisationReport(_ProtectedWhenPublished):
    """A realisation report (Semester I or year end) of the version in force."""

    class Period(models.TextChoices):
        SEMESTER_1 = "semester1", _("Semester I")
        YEAR_END = "akhir", _("Year end")

    Status = Status

    version = models.ForeignKey(
        BudgetVersion, on_delete=models.PROTECT, related_name="reports", verbose_name=_("APBDes version")
    )
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    as_of = models.DateField(_("position as of"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    note = models.TextField(_("public note"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, blank=True, editable=False)
    revenue = models.BigIntegerField(_("realised revenue"), default=0, editable=False)
    spending = models.BigIntegerField(_("realised spending"), default=0, editable=False)
    financing_receipts = models.BigIntegerField(_("realised financing receipts"), default=0, editable=False)
    financing_expenditure = models.BigIntegerField(
        _("realised financing expenditure"), default=0, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = RealisationReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("realisation report")
        verbose_name_plural = _("realisation reports")
        ordering = ["version", "as_of", "pk"]
        permissions = [("publish_realisationreport", _("Can publish or discard realisation reports"))]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "period"],
                condition=Q(status="draft"),
                name="ogp_one_draft_report_per_period",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="ogp_published_report_has_date",
            ),
        ]

    def __str__(self):
        return _("%(period)s report on %(version)s") % {
            "period": self.get_period_display(),
            "version": self.version,
        }

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


class ReportStatusChange(models.Model):
    """History of a realisation report's status."""

    report = models.ForeignKey(
        RealisationReport,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("realisation report"),
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=Status.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("report status change")
        verbose_name_plural = _("report status changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report_id}: {self.from_status} → {self.to_status}"


class RealisationLine(models.Model):
    """The realised amount of one budget line in one report."""

    report = models.ForeignKey(
        RealisationReport, on_delete=models.CASCADE, related_name="lines", verbose_name=_("report")
    )
    line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="realisations", verbose_name=_("APBDes line")
    )
    amount = models.BigIntegerField(_("realised (Rp)"))

    class Meta:
        verbose_name = _("realisation line")
        verbose_name_plural = _("realisation lines")
        constraints = [
            models.UniqueConstraint(fields=["report", "line"], name="ogp_realisation_line_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="ogp_realised_not_negative"),
        ]

    def __str__(self):
        return f"{self.line_id}: {self.amount}"

    def save(self, *args, **kwargs):
        if self.report.status != Status.DRAFT:
            raise PublishedRecordError("Realisation lines can only change while their report is a draft.")
        super().save(*args, **kwargs)


class BudgetSummaryQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate: summaries exist only for budgets with a published version."""
        return self.filter(version__status=Status.PUBLISHED)

    def for_year(self, year):
        return self.filter(year=year)

    def for_list(self):
        return self.select_related("village__district", "version", "report")

    def years(self):
        """Fiscal years with at least one published budget, latest first."""
        return list(self.published().order_by("-year").values_list("year", flat=True).distinct())

    def latest_first(self):
        return self.order_by("-last_published_at", "-pk")


class BudgetSummary(models.Model):
    """The figures of a village-year's version in force, kept when something is published.

    The regency pages, panels and open-data summaries read this table so they
    never scan budget lines on a request.
    """

    budget = models.OneToOneField(
        Budget, on_delete=models.CASCADE, primary_key=True, related_name="summary", verbose_name=_("APBDes")
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="budget_summaries", verbose_name=_("village")
    )
    year = models.PositiveSmallIntegerField(_("fiscal year"), db_index=True)
    version = models.ForeignKey(
        BudgetVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("version in force")
    )
    published_versions = models.PositiveSmallIntegerField(_("published versions"), default=1)
    revenue = models.BigIntegerField(_("revenue"))
    spending = models.BigIntegerField(_("spending"))
    financing_receipts = models.BigIntegerField(_("financing receipts"))
    financing_expenditure = models.BigIntegerField(_("financing expenditure"))
    revenue_by_source = models.JSONField(_("revenue by source"), default=dict)
    spending_by_bidang = models.JSONField(_("spending by bidang"), default=dict)
    report = models.ForeignKey(
        RealisationReport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("latest realisation report"),
    )
    realised_revenue = models.BigIntegerField(_("realised revenue"), null=True, blank=True)
    realised_spending = models.BigIntegerField(_("realised spending"), null=True, blank=True)
    # The budget of the version the report is on (the original, for a Semester I
    # report made before a revision), so rates can be summed over villages.
    reported_revenue_budget = models.BigIntegerField(_("revenue budget reported on"), null=True, blank=True)
    reported_spending_budget = models.BigIntegerField(_("spending budget reported on"), null=True, blank=True)
    revenue_rate = models.DecimalField(
        _("revenue realisation (%)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    spending_rate = models.DecimalField(
        _("spending realisation (%)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    last_published_at = models.DateTimeField(_("last published"))
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = BudgetSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("APBDes summary")
        verbose_name_plural = _("APBDes summaries")
        ordering = ["-year", "village_id"]
        constraints = [
            models.UniqueConstraint(fields=["village", "year"], name="ogp_one_summary_per_village_year"),
        ]

    def __str__(self):
        return f"APBDes {self.year} {self.village}"

    def get_absolute_url(self):
        return reverse("ogp:village_budget", args=[self.year, self.village_id])

    @property
    def surplus(self):
        return figures.surplus(self.revenue, self.spending)

    @property
    def net_financing(self):
        return figures.net_financing(self.financing_receipts, self.financing_expenditure)

    @property
    def silpa(self):
        return figures.silpa(self.surplus, self.net_financing)

    @property
    def dana_desa(self):
        return self.revenue_by_source.get("DDS", 0)

    @property
    def spending_rate_shown(self):
        return figures.shown(self.spending_rate)

    @property
    def revenue_rate_shown(self):
        return figures.shown(self.revenue_rate)


class BillboardPhoto(BasePhoto):
    """A photo of the village's APBDes billboard (baliho), with when and where it stood."""

    budget = models.ForeignKey(
        Budget, on_delete=models.PROTECT, related_name="photos", verbose_name=_("APBDes")
    )
    taken_on = models.DateField(_("photo date"))
    place = models.CharField(_("place"), max_length=200, help_text=_("Where the billboard stands."))
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta(BasePhoto.Meta):
        verbose_name = _("billboard photo")
        verbose_name_plural = _("billboard photos")
