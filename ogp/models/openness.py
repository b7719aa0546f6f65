"""The village openness index (Indeks Keterbukaan Desa).

An assessment per year has four pillars (transparansi, akuntabilitas,
partisipasi, inovasi), each with weighted indicators, and classes defined by a
minimum score ("Terbuka" from 75, say). The thresholds are data: the regency
sets them per assessment. A village's score is either the published total or
computed from its indicator scores by `services.recompute_score`.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.models import Village

SCORE_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class AssessmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def latest_first(self):
        return self.order_by("-year")


class Assessment(models.Model):
    """One year's openness assessment of villages (e.g. Festival Keterbukaan Pemerintah Desa 2017)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("description"), blank=True, help_text=richtext.HELP_TEXT)
    body_html = models.TextField(_("description (HTML)"), blank=True, editable=False)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("openness assessment")
        verbose_name_plural = _("openness assessments")
        ordering = ["-year"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = richtext.to_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ogp:openness_year", args=[self.year])


class Pillar(models.Model):
    """One of the four pillars of an assessment, with its weight in the total."""

    class Key(models.TextChoices):
        TRANSPARANSI = "transparansi", _("Transparansi (transparency)")
        AKUNTABILITAS = "akuntabilitas", _("Akuntabilitas (accountability)")
        PARTISIPASI = "partisipasi", _("Partisipasi (citizen participation)")
        INOVASI = "inovasi", _("Inovasi (innovation)")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="pillars", verbose_name=_("assessment")
    )
    key = models.CharField(_("pillar"), max_length=15, choices=Key.choices)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Relative weight of this pillar in the total score."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ["assessment", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "key"], name="ogp_one_pillar_per_key"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="ogp_pillar_weight_not_negative"),
        ]

    def __str__(self):
        return self.get_key_display()


class Indicator(models.Model):
    """A weighted indicator within a pillar, scored from 0 to its maximum."""

    pillar = models.ForeignKey(
        Pillar, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("pillar")
    )
    name = models.CharField(_("indicator"), max_length=250)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    max_score = models.DecimalField(
        _("maximum score"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(100),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pillar", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=0), name="ogp_indicator_weight_not_negative"),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="ogp_indicator_max_positive"),
        ]

    def __str__(self):
        return self.name


class OpennessClass(models.Model):
    """A class of the index: villages scoring at least `min_score` belong to it."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="classes", verbose_name=_("assessment")
    )
    name = models.CharField(_("class"), max_length=60, help_text=_("For example: Terbuka."))
    min_score = models.DecimalField(
        _("minimum score"), max_digits=5, decimal_places=2, validators=SCORE_VALIDATORS
    )
    description = models.CharField(_("description"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("openness class")
        verbose_name_plural = _("openness classes")
        ordering = ["assessment", "-min_score"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "min_score"], name="ogp_class_threshold_unique"),
            models.UniqueConstraint(fields=["assessment", "name"], name="ogp_class_name_unique"),
            models.CheckConstraint(
                condition=Q(min_score__gte=0, min_score__lte=100), name="ogp_class_threshold_range"
            ),
        ]

    def __str__(self):
        return f"{self.name} (≥ {self.min_score})"


def classify(total, classes):
    """The class for a total among classes (any order): the one with the highest minimum ≤ total."""
    if total is None:
        return None
    for item in sorted(classes, key=lambda c: c.min_score, reverse=True):
        if total >= item.min_score:
            return item
    return None


class VillageScoreQuerySet(models.QuerySet):
    def published(self):
        return self.filter(assessment__is_published=True)

    def ranked(self):
        return self.select_related("village__district").order_by("-total", "village__name")


class VillageScore(models.Model):
    """A village's total score in one assessment."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assessment")
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="openness_scores", verbose_name=_("village")
    )
    total = models.DecimalField(_("total score"), max_digits=5, decimal_places=2, validators=SCORE_VALIDATORS)
    note = models.CharField(_("note"), max_length=250, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = VillageScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("village score")
        verbose_name_plural = _("village scores")
        ordering = ["assessment", "-total"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "village"], name="ogp_one_score_per_village"),
            models.CheckConstraint(condition=Q(total__gte=0, total__lte=100), name="ogp_score_range"),
        ]

    def __str__(self):
        return f"{self.village}: {self.total}"


class IndicatorScore(models.Model):
    """A village's score on one indicator; the total is computed from these when present."""

    village_score = models.ForeignKey(
        VillageScore,
        on_delete=models.CASCADE,
        related_name="indicator_scores",
        verbose_name=_("village score"),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="scores", verbose_name=_("indicator")
    )
    score = models.DecimalField(
        _("score"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )

    class Meta:
        verbose_name = _("indicator score")
        verbose_name_plural = _("indicator scores")
        constraints = [
            models.UniqueConstraint(
                fields=["village_score", "indicator"], name="ogp_one_score_per_indicator"
            ),
            models.CheckConstraint(condition=Q(score__gte=0), name="ogp_indicator_score_not_negative"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.score}"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.indicator_id and self.score is not None and self.score > self.indicator.max_score:
            raise ValidationError(
                {
                    "score": _("The score cannot exceed the indicator's maximum (%(max)s).")
                    % {"max": self.indicator.max_score}
                }
            )
