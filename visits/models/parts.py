"""The parts of a visit: the host officials, the programme, the photos and the history."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.uploads import BasePhoto
from portal.workflow import HistoryEntry

from .visit import Visit


class HostOfficial(models.Model):
    """A person on the host side: who received the delegation, accompanied, presented."""

    class Part(models.TextChoices):
        RECEIVED = "received", _("Received the delegation")
        ACCOMPANIED = "accompanied", _("Accompanied the reception")
        PRESENTED = "presented", _("Presented or led a session")
        ALSO_PRESENT = "present", _("Also present")

    # Headings of the facts box, one per part, in this order.
    PART_HEADINGS = {
        Part.RECEIVED: _("Received by"),
        Part.ACCOMPANIED: _("Accompanied by"),
        Part.PRESENTED: _("Presented by"),
        Part.ALSO_PRESENT: _("Also present"),
    }

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="officials", verbose_name=_("visit")
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=250, blank=True)
    part = models.CharField(
        _("part in the visit"), max_length=12, choices=Part.choices, default=Part.RECEIVED
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("host official")
        verbose_name_plural = _("host officials")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(part__in=["received", "accompanied", "presented", "present"]),
                name="visits_hostofficial_part_valid",
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.position}" if self.position else self.name


class VisitSession(models.Model):
    """One part of the programme: a reception, a working session, a site visit."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("visit")
    )
    title = models.CharField(_("what happened"), max_length=250)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    led_by = models.CharField(
        _("led by"), max_length=250, blank=True, help_text=_("Name and position of whoever led this part.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class VisitPhoto(BasePhoto):
    """A photo of a visit, with caption, credit and required alt text."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="photos", verbose_name=_("visit"))
    is_sample = models.BooleanField(
        _("sample illustration"), default=False, help_text=_("A generated picture, not a photo of the visit.")
    )

    class Meta(BasePhoto.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class VisitHistoryEntry(HistoryEntry):
    """A status change or a correction; entries that publish or correct form the public timeline."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="history", verbose_name=_("visit")
    )
    from_status = models.CharField(_("from status"), max_length=20, choices=Visit.Status.choices)
    to_status = models.CharField(_("to status"), max_length=20, choices=Visit.Status.choices)
    publish_at = models.DateTimeField(_("publish time"), null=True, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    @property
    def is_correction(self):
        return self.from_status == self.to_status == Visit.Status.PUBLISHED
