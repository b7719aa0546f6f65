"""A KIM's board (pengurus), with the terms of office it shares with the
forum's board, and the KIM's awards."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BoardRole(models.TextChoices):
    """Positions on a KIM board (and on the forum's board), in display order."""

    CHAIR = "ketua", _("Chair (ketua)")
    VICE_CHAIR = "wakil_ketua", _("Vice chair (wakil ketua)")
    SECRETARY = "sekretaris", _("Secretary (sekretaris)")
    TREASURER = "bendahara", _("Treasurer (bendahara)")
    GATHERING = "seksi_pengumpulan", _("Head of information gathering")
    PROCESSING = "seksi_pengolahan", _("Head of information processing")
    DISSEMINATION = "seksi_penyebaran", _("Head of information dissemination")
    MEMBER = "anggota", _("Member")


BOARD_ROLE_VALUES = BoardRole.values

ROLE_RANK = Case(
    *(When(role=value, then=Value(rank)) for rank, value in enumerate(BoardRole.values)),
    default=Value(len(BoardRole.values)),
    output_field=IntegerField(),
)


class BoardQuerySet(models.QuerySet):
    def in_role_order(self):
        return self.annotate(role_rank=ROLE_RANK).order_by("role_rank", "name")

    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(term_start__isnull=True) | Q(term_start__lte=today)).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=today)
        )


class TermMixin(models.Model):
    """A term of office: from and to, either may be unknown; history is kept, never overwritten."""

    term_start = models.DateField(_("term from"), null=True, blank=True)
    term_end = models.DateField(
        _("term to"), null=True, blank=True, help_text=_("Leave empty while the term has no set end.")
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where this is recorded when it is not in the decree, e.g. a news report and its date."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})

    def is_current(self, today=None):
        today = today or timezone.localdate()
        started = self.term_start is None or self.term_start <= today
        return started and (self.term_end is None or self.term_end >= today)

    @property
    def period_key(self):
        return (self.term_start or datetime.date.min, self.term_end or datetime.date.max)


class BoardMember(TermMixin):
    """One person in one position on a KIM board for one term."""

    kim = models.ForeignKey("kim.Kim", on_delete=models.CASCADE, related_name="board", verbose_name=_("KIM"))
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("position"), max_length=20, choices=BoardRole.choices)

    objects = BoardQuerySet.as_manager()

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board (pengurus)")
        ordering = ["kim", "-term_start", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_start__isnull=True)
                | Q(term_end__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="kim_board_term_order",
            ),
            models.CheckConstraint(condition=Q(role__in=BOARD_ROLE_VALUES), name="kim_board_role_valid"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        # The admin's board formset compares all submitted rows itself (see kim.admin.BoardFormSet).
        checked_elsewhere = getattr(self, "chair_overlap_checked_elsewhere", False)
        if self.role == BoardRole.CHAIR and self.kim_id and not checked_elsewhere:
            self._check_one_chair_at_a_time()

    def _check_one_chair_at_a_time(self):
        chairs = BoardMember.objects.filter(kim_id=self.kim_id, role=BoardRole.CHAIR).exclude(pk=self.pk)
        for other in chairs:
            if terms_overlap(self, other):
                raise ValidationError(
                    {
                        "term_start": _(
                            "%(name)s is already chair for an overlapping term; end that term first."
                        )
                        % {"name": other.name}
                    }
                )


def terms_overlap(a, b):
    """Whether two terms share at least one day (an unknown end runs on, an unknown start ran always)."""
    a_start, a_end = a.period_key
    b_start, b_end = b.period_key
    return a_start <= b_end and b_start <= a_end


class Achievement(models.Model):
    """An award or competition result of a KIM (Lomba KIM, KIMFest, …)."""

    class Level(models.TextChoices):
        KECAMATAN = "kecamatan", _("Kecamatan")
        KABUPATEN = "kabupaten", _("Kabupaten/kota")
        PROVINSI = "provinsi", _("Provinsi")
        NASIONAL = "nasional", _("Nasional")

    kim = models.ForeignKey(
        "kim.Kim", on_delete=models.CASCADE, related_name="achievements", verbose_name=_("KIM")
    )
    title = models.CharField(_("award"), max_length=200, help_text=_("E.g. KIM berprestasi, Lomba KIM."))
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    rank = models.CharField(_("rank or category"), max_length=100, blank=True, help_text=_("E.g. Juara I."))
    awarded_by = models.CharField(_("awarded by"), max_length=200, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="kim_achievement_year_range"
            ),
            models.CheckConstraint(
                condition=Q(level__in=["kecamatan", "kabupaten", "provinsi", "nasional"]),
                name="kim_achievement_level_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("The year cannot be in the future.")})
