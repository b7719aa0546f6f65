"""Village budgets (APBDes): one budget per village and fiscal year, its
versions (the original *murni* and any *perubahan*) and their lines.

A version is a draft until `services.change_version_status` publishes it
through `VERSION_WORKFLOW`; from then on it is immutable (saving or deleting it
raises `PublishedRecordError`) and a correction is a new version. Realisation
reports (`ogp.models.reports`) follow the same rule and the same table.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import Village
from portal.workflow import HistoryEntry, Workflow

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
# `VERSION_WORKFLOW` and `ogp.models.reports.REPORT_WORKFLOW` are declared on it;
# `services.change_version_status` and `services.change_report_status` move along it.
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
        """Desa budgets with at least one published version (a kelurahan has no APBDes)."""
        return self.filter(summary__isnull=False, village__kind=Village.Kind.DESA)


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
    complaint_address = models.TextField(
        _("where to send questions and complaints"),
        blank=True,
        help_text=_(
            "Address, telephone or e-mail of the village for questions and complaints about this APBDes."
        ),
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

    def clean(self):
        super().clean()
        if self.village_id and self.village.kind == Village.Kind.KELURAHAN:
            raise ValidationError(
                {"village": _("A kelurahan is funded through the regency budget (APBD) and has no APBDes.")},
                code="kelurahan",
            )


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
    balance_explanation = models.TextField(
        _("explanation of the books"),
        blank=True,
        help_text=_(
            "Required to publish a version whose books do not balance; shown on the public page beside the figures."
        ),
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
        return _("%(budget)s, version %(number)s: %(kind)s") % {
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


class VersionStatusChange(HistoryEntry):
    """History of a version's status; doubles as its public timeline."""

    version = models.ForeignKey(
        BudgetVersion, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("version")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("version status change")
        verbose_name_plural = _("version status changes")


VERSION_WORKFLOW = Workflow(
    model="ogp.BudgetVersion",
    history="ogp.VersionStatusChange",
    parent="version",
    statuses=Status,
    moves=STATUS_TRANSITIONS,
    initial=Status.DRAFT,
    noun=_("APBDes version"),
)


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
    executor = models.CharField(
        _("carried out by"),
        max_length=200,
        blank=True,
        help_text=_("The pelaksana kegiatan or TPK of a spending line (Permendagri 20/2018, Pasal 39)."),
    )
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
