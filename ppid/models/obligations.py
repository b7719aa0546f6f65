"""What an upheld objection orders the unit to do, tracked until it is done.

When the atasan PPID upholds an objection (keberatan dikabulkan), the unit
must act on the decision: hand the information over, or decide the request
again. The decision sets the date by which it must be done. The obligation's
status moves through `OBLIGATION_WORKFLOW`; its fulfilment is recorded with
the date and the document that shows it (the receipt of the handover, or the
new written notice). Being late is derived from the due date, never stored.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.uploads import DocumentValidator
from portal.workflow import HistoryEntry, Workflow

from .objections import Objection
from .requests import private_storage
from .units import PpidUnit
from .uploads import fulfilment_document_path


class ObligationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Obligation.Status.OPEN)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)

    def late(self, *, first, last):
        """Obligations due within [first, last] that were fulfilled after their due date or are
        still open after it at `last` (the end of the period)."""
        due_in_period = self.exclude(status=Obligation.Status.CANCELLED).filter(
            due_on__gte=first, due_on__lte=last
        )
        return due_in_period.filter(
            Q(status=Obligation.Status.FULFILLED, fulfilled_on__gt=models.F("due_on"))
            | Q(status=Obligation.Status.OPEN, due_on__lt=last)
        )


class Obligation(models.Model):
    """An order of an upheld objection that the unit must carry out by a date."""

    class Kind(models.TextChoices):
        HAND_OVER = "hand_over", _("Hand over the information")
        REDECIDE = "redecide", _("Decide the request again")

    class Status(models.TextChoices):
        OPEN = "open", _("To be carried out")
        FULFILLED = "fulfilled", _("Carried out")
        CANCELLED = "cancelled", _("Cancelled (the decision was overturned)")

    # Allowed moves of `OBLIGATION_WORKFLOW`; the workflow kit is the only place a status changes.
    TRANSITIONS = {
        Status.OPEN: {Status.FULFILLED, Status.CANCELLED},
        Status.FULFILLED: set(),
        Status.CANCELLED: set(),
    }

    objection = models.OneToOneField(
        Objection, on_delete=models.PROTECT, related_name="obligation", verbose_name=_("objection")
    )
    unit = models.ForeignKey(
        PpidUnit, on_delete=models.PROTECT, related_name="obligations", verbose_name=_("unit")
    )
    kind = models.CharField(_("what the unit must do"), max_length=10, choices=Kind.choices)
    order = models.TextField(_("what the decision orders"), blank=True)
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, editable=False
    )
    fulfilled_on = models.DateField(_("carried out on"), null=True, blank=True, editable=False)
    fulfilment_note = models.TextField(_("how it was carried out"), blank=True, editable=False)
    fulfilment_document = models.FileField(
        _("document of the fulfilment"),
        storage=private_storage,
        upload_to=fulfilment_document_path,
        validators=[DocumentValidator(kinds=("pdf", "image"))],
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    # The last day officers were reminded of it; claimed by one UPDATE so several hosts remind once.
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True, editable=False)
    is_sample = models.BooleanField(_("sample data"), default=False, editable=False)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        verbose_name = _("obligation from an upheld objection")
        verbose_name_plural = _("obligations from upheld objections")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "fulfilled", "cancelled"]),
                name="ppid_obligation_status_valid",
            ),
            # The service also requires the document; the demo's past obligations have none.
            models.CheckConstraint(
                condition=~Q(status="fulfilled") | Q(fulfilled_on__isnull=False),
                name="ppid_obligation_fulfilment_dated",
                violation_error_message=_("A fulfilment needs its date."),
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return _("Obligation of %(number)s") % {"number": self.objection.number}

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_on < today

    def fulfilled_late(self):
        return self.fulfilled_on is not None and self.fulfilled_on > self.due_on


class ObligationEvent(HistoryEntry):
    """One status change of an obligation."""

    obligation = models.ForeignKey(
        Obligation, on_delete=models.CASCADE, related_name="events", verbose_name=_("obligation")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Obligation.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Obligation.Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("obligation history entry")
        verbose_name_plural = _("obligation history")


OBLIGATION_WORKFLOW = Workflow(
    model=Obligation,
    history=ObligationEvent,
    parent="obligation",
    statuses=Obligation.Status,
    moves=Obligation.TRANSITIONS,
    noun="obligation",
)
