"""The regency's Open Government Partnership action plans and commitments.

Each commitment follows the OGP template (theme, lead organisation, problem,
objective, ambition, values, milestones) and carries the Independent Reporting
Mechanism's (IRM) assessment: completion and whether it opened government
("early results").
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import richtext


class Completion(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")


class EarlyResult(models.TextChoices):
    WORSENED = "worsened", _("Worsened")
    DID_NOT_CHANGE = "did_not_change", _("Did not change")
    MARGINAL = "marginal", _("Marginal")
    MAJOR = "major", _("Major")
    OUTSTANDING = "outstanding", _("Outstanding")


class ActionPlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def latest_first(self):
        return self.order_by("-start_year", "-pk")


class ActionPlan(models.Model):
    """An OGP action plan (e.g. Bojonegoro 2016–2017)."""

    title = models.CharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    body = models.TextField(_("description"), blank=True, help_text=richtext.HELP_TEXT)
    body_html = models.TextField(_("description (HTML)"), blank=True, editable=False)
    irm_year = models.PositiveSmallIntegerField(_("year of the IRM report"), null=True, blank=True)
    irm_complete = models.PositiveSmallIntegerField(_("IRM: complete"), null=True, blank=True)
    irm_substantial = models.PositiveSmallIntegerField(_("IRM: substantial"), null=True, blank=True)
    irm_limited = models.PositiveSmallIntegerField(_("IRM: limited"), null=True, blank=True)
    irm_not_started = models.PositiveSmallIntegerField(_("IRM: not started"), null=True, blank=True)
    irm_summary = models.TextField(
        _("IRM assessment"),
        blank=True,
        help_text=_("The Independent Reporting Mechanism's overall findings."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("OGP action plan")
        verbose_name_plural = _("OGP action plans")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="ogp_plan_years"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = richtext.to_html(self.body)
        super().save(*args, **kwargs)

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}"

    @property
    def has_irm_counts(self):
        return any(
            value is not None
            for value in (self.irm_complete, self.irm_substantial, self.irm_limited, self.irm_not_started)
        )


class CommitmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(plan__is_published=True)

    def for_list(self):
        return self.select_related("plan")

    def search(self, text):
        text = (text or "").strip()
        if not text:
            return self.none()
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(code__iexact=text)
            | models.Q(objective__icontains=text)
        )


class Commitment(models.Model):
    """One commitment of an action plan, e.g. BOJ0002 Enhancing Village Government Accountability."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("action plan")
    )
    code = models.CharField(_("code"), max_length=20, unique=True, help_text=_("The OGP code, e.g. BOJ0001."))
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=150, blank=True)
    lead_agency = models.CharField(_("lead organisation"), max_length=200, blank=True)
    official = models.CharField(_("official in charge"), max_length=200, blank=True)
    government_participants = models.TextField(_("participants from government"), blank=True)
    civil_society_participants = models.TextField(_("participants from civil society"), blank=True)
    problem = models.TextField(_("problem addressed"), blank=True)
    objective = models.TextField(_("objective"), blank=True)
    ambition = models.TextField(_("ambition"), blank=True)
    transparency = models.BooleanField(_("value: access to information"), default=False)
    participation = models.BooleanField(_("value: civic participation"), default=False)
    accountability = models.BooleanField(_("value: public accountability"), default=False)
    completion = models.CharField(
        _("completion (IRM)"), max_length=15, choices=Completion.choices, blank=True
    )
    early_results = models.CharField(
        _("did it open government? (IRM)"), max_length=15, choices=EarlyResult.choices, blank=True
    )
    irm_note = models.TextField(_("IRM note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("OGP commitment")
        verbose_name_plural = _("OGP commitments")
        ordering = ["plan", "order", "code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("ogp:commitment", args=[self.code])

    @property
    def values(self):
        """The OGP values this commitment is relevant to, as labels."""
        labels = []
        if self.transparency:
            labels.append(_("Access to information"))
        if self.participation:
            labels.append(_("Civic participation"))
        if self.accountability:
            labels.append(_("Public accountability"))
        return labels


class Milestone(models.Model):
    """A verifiable milestone of a commitment."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("commitment")
    )
    title = models.CharField(_("milestone"), max_length=300)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    deliverable = models.TextField(_("verifiable deliverable"), blank=True)
    completion = models.CharField(_("completion"), max_length=15, choices=Completion.choices, blank=True)
    results = models.TextField(_("early results"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["commitment", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="ogp_milestone_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.title
