"""Realisation reports (Semester I or year end) of a village's version in force,
their lines and their status history.

A report is a draft until `services.change_report_status` publishes it through
`REPORT_WORKFLOW`, the same table budget versions move along; a published
report never changes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.workflow import HistoryEntry, Workflow

from .budgets import (
    STATUS_TRANSITIONS,
    BudgetLine,
    BudgetVersion,
    PublishedRecordError,
    Status,
    _ProtectedWhenPublished,
)


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
    balance_explanation = models.TextField(
        _("explanation of the books"),
        blank=True,
        help_text=_(
            "Required to publish a report with lines realised above their budget; shown on the public page."
        ),
    )
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


class ReportStatusChange(HistoryEntry):
    """History of a realisation report's status."""

    report = models.ForeignKey(
        RealisationReport,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("realisation report"),
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("report status change")
        verbose_name_plural = _("report status changes")


REPORT_WORKFLOW = Workflow(
    model="ogp.RealisationReport",
    history="ogp.ReportStatusChange",
    parent="report",
    statuses=Status,
    moves=STATUS_TRANSITIONS,
    initial=Status.DRAFT,
    noun=_("realisation report"),
)


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
