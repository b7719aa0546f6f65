"""The per-village-year summary the regency pages read, and billboard photos."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import data_versions
from portal.models import Village
from portal.uploads import BasePhoto

from .. import figures
from .budgets import Budget, BudgetVersion, Status
from .reports import RealisationReport

# The data version every APBDes publication moves (portal.data_versions;
# ogp.services.summaries.refresh_summary moves it).
OGP_TOPIC = "ogp"


class BudgetSummaryQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate: published versions of desa budgets.

        Only a desa has an APBDes; a kelurahan is funded through the regency
        budget, so a summary of one never reaches a public page or a count.
        """
        return self.filter(version__status=Status.PUBLISHED, village__kind=Village.Kind.DESA)

    def for_year(self, year):
        return self.filter(year=year)

    def for_list(self):
        return self.select_related("village__district", "version", "report")

    def years(self):
        """Fiscal years with at least one published budget, latest first.

        Read from the summaries once per process and again only after the next
        publication (`portal.data_versions`): one small query otherwise.
        """
        if self.query.has_filters():
            return self._published_years()
        return list(data_versions.remember("ogp-years", topics=[OGP_TOPIC], load=self._published_years))

    def _published_years(self):
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
