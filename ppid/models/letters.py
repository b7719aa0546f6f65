"""Numbered letters of a unit: the receipt of a request and the written notice that answers it.

Each unit numbers its letters per kind and per year, as a government office's
letter book does (``045/PT/PPID-BJN/2026``; the format is in docs/ppid.md,
"Letters"). A `LetterCounter` row holds the last number given and is locked
while the next one is drawn; a `Letter` row records which number went to which
request, so a letter printed again keeps its number.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .requests import InfoRequest
from .units import PpidUnit


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt of a request (tanda bukti permohonan)")
    NOTICE = "notice", _("Written notice (pemberitahuan tertulis)")


class LetterCounter(models.Model):
    """The last letter number a unit gave in a year for one kind of letter; locked while drawing."""

    unit = models.ForeignKey(PpidUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    kind = models.CharField(_("kind of letter"), max_length=10, choices=LetterKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("letter counter")
        verbose_name_plural = _("letter counters")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "kind"], name="ppid_letter_counter_unique")
        ]

    def __str__(self):
        return f"{self.unit_id}/{self.kind}/{self.year}: {self.last_number}"


class Letter(models.Model):
    """A numbered letter given for a request: its receipt or its written notice, once each."""

    Kind = LetterKind

    unit = models.ForeignKey(
        PpidUnit, on_delete=models.PROTECT, related_name="letters", verbose_name=_("issuing unit")
    )
    kind = models.CharField(_("kind of letter"), max_length=10, choices=LetterKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("letter number"), max_length=120, unique=True)
    request = models.ForeignKey(
        InfoRequest, on_delete=models.PROTECT, related_name="letters", verbose_name=_("request")
    )
    dated_on = models.DateField(_("date of the letter"))
    created_at = models.DateTimeField(_("numbered"), auto_now_add=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["unit", "kind", "year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "year", "sequence"], name="ppid_letter_sequence_unique"
            ),
            models.UniqueConstraint(fields=["request", "kind"], name="ppid_letter_once_per_request"),
        ]

    def __str__(self):
        return self.number
