"""Which requests officers were reminded about, one row per request per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .requests import InfoRequest


class ReminderSent(models.Model):
    """That officers were reminded about a request on a day: one row per request per day."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    request = models.ForeignKey(
        InfoRequest, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("request")
    )
    sent_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(fields=["request", "sent_on"], name="ppid_one_reminder_per_day")
        ]

    def __str__(self):
        return f"{self.request_id} {self.sent_on}"
