"""Villages that publish their documents on an OpenSID site, and what was taken in from there.

A village officer enters the OpenSID site address on the village's
`OpenSidSource`; the daily `harvest_opensid` command reads the site's
``/ppid`` feed and files the public documents into the unit's DIP. Each
harvested item keeps its `HarvestedDocument`: the feed's key (kode desa and
id) and the values last taken from the feed, so that a value the officer
changed by hand is never overwritten.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .dip import DipItem
from .units import PpidUnit


class OpenSidSource(models.Model):
    """The OpenSID site of a village's PPID Desa and the outcome of the last harvest."""

    unit = models.OneToOneField(
        PpidUnit,
        on_delete=models.CASCADE,
        related_name="opensid_source",
        verbose_name=_("unit"),
        limit_choices_to={"kind": PpidUnit.Kind.DESA},
    )
    site_url = models.URLField(
        _("OpenSID site address"),
        help_text=_("The village's OpenSID website, e.g. https://sedahkidul.desa.id"),
    )
    is_active = models.BooleanField(_("harvest daily"), default=True)
    synced_until = models.DateField(
        _("harvested up to"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The next harvest asks only for documents changed since this date."),
    )
    last_run_at = models.DateTimeField(_("last harvest"), null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(
        _("last successful harvest"), null=True, blank=True, editable=False
    )
    last_error = models.TextField(_("problem at the last harvest"), blank=True, editable=False)
    last_summary = models.CharField(
        _("result of the last harvest"), max_length=255, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("OpenSID site")
        verbose_name_plural = _("OpenSID sites")
        ordering = ["unit__name"]

    def __str__(self):
        return f"{self.unit} ({self.site_url})"


class HarvestedDocument(models.Model):
    """A DIP item taken in from an OpenSID feed, with the values last read from the feed."""

    source = models.ForeignKey(
        OpenSidSource, on_delete=models.CASCADE, related_name="documents", verbose_name=_("OpenSID site")
    )
    item = models.OneToOneField(
        DipItem, on_delete=models.PROTECT, related_name="harvested", verbose_name=_("item")
    )
    kode_desa = models.CharField(_("village code in OpenSID"), max_length=20, blank=True)
    external_id = models.CharField(_("document id in OpenSID"), max_length=20)
    remote_updated_at = models.CharField(_("changed in OpenSID"), max_length=30, blank=True)
    link = models.URLField(_("original document"), max_length=500)
    harvested_title = models.CharField(_("title as harvested"), max_length=255)
    harvested_category = models.CharField(_("category as harvested"), max_length=15)
    harvested_year = models.PositiveSmallIntegerField(_("year as harvested"))
    harvested_at = models.DateTimeField(_("harvested"), auto_now=True)

    class Meta:
        verbose_name = _("harvested document")
        verbose_name_plural = _("harvested documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kode_desa", "external_id"], name="ppid_harvested_document_unique"
            )
        ]

    def __str__(self):
        return f"{self.kode_desa}/{self.external_id}"
