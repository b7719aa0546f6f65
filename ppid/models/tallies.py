"""Counted figures of the information service, kept up to date by the services that move them.

A `Tally` row says how many of something (`measure`, narrowed by `key`) a
unit had in a year: requests by status, answers by working days taken, open
requests by due date, objections by outcome, and so on. Every row exists
twice: once for its unit and once for all units together (`unit` empty), so
the regency's figures read a handful of rows. The services change these rows
in the same transaction as the record they count (`ppid.tallies`); the
command `rebuild_ppid_tallies` recomputes them from the records.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .units import PpidUnit


class Tally(models.Model):
    unit = models.ForeignKey(
        PpidUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
        help_text=_("Empty for the figures of all units together."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    measure = models.CharField(_("measure"), max_length=24)
    key = models.CharField(_("key"), max_length=24, blank=True)
    count = models.IntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("counted figure")
        verbose_name_plural = _("counted figures")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "measure", "key"],
                condition=Q(unit__isnull=False),
                name="ppid_tally_per_unit",
            ),
            models.UniqueConstraint(
                fields=["year", "measure", "key"],
                condition=Q(unit__isnull=True),
                name="ppid_tally_all_units",
            ),
        ]
        indexes = [models.Index(fields=["year", "unit"], name="ppid_tally_year_unit")]

    def __str__(self):
        return f"{self.unit_id or '*'} {self.year} {self.measure}:{self.key} = {self.count}"
