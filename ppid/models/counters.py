"""Registration counters: the last number given per series and year."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationCounter(models.Model):
    """The last number given per series and year; locked while a number is drawn."""

    series = models.CharField(_("series"), max_length=8)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="ppid_counter_unique")]

    def __str__(self):
        return f"{self.series}/{self.year}: {self.last_number}"
