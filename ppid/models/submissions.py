"""Which public form submissions were already carried out, by their hidden one-time token."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """A public form's one-time token and the record it created.

    The row is written in the same transaction as the record; a second POST of
    the same page finds it (or, when both arrive at once, fails on the unique
    token and then finds it) and is shown the first result.
    """

    class Kind(models.TextChoices):
        REQUEST = "request", _("Request")
        OBJECTION = "objection", _("Objection")
        SURVEY = "survey", _("Satisfaction survey")
        LOST_CODE = "lost_code", _("New access code")

    token = models.CharField(_("token"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("record"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        return f"{self.kind} {self.object_id}"
