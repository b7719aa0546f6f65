"""The outbox: every message the service sends, written with the change it reports.

A message row is created inside the transaction that makes the change (a
request registered, an answer given, a digest claimed), so a rolled-back change
leaves no message and a committed one always has its message. `send_outbox`
sends what is due and records what happened: the time it was sent, or the
last error, the number of attempts and when it is tried again. Nothing is
deleted when a send fails; the row stays, visible in the admin.

The body is encrypted at rest: a registration message carries the access code,
which is otherwise kept only as a hash.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..encryption import EncryptedTextField
from .objections import Objection
from .requests import InfoRequest
from .units import PpidUnit


class MessageKind(models.TextChoices):
    # To the requester.
    REGISTERED = "registered", _("Request registered")
    CODE_REISSUED = "code_reissued", _("New access code")
    EXTENDED = "extended", _("Deadline extended")
    ANSWERED = "answered", _("Request answered")
    OBJECTION_FILED = "objection_filed", _("Objection registered")
    OBJECTION_DECIDED = "objection_decided", _("Objection decided")
    OBLIGATION_FULFILLED = "obligation_fulfilled", _("Obligation carried out")
    # To officers.
    NEW_REQUEST = "new_request", _("New request")
    NEW_OBJECTION = "new_objection", _("New objection")
    REMINDER = "reminder", _("Requests due soon or overdue")
    OBLIGATION_DUE = "obligation_due", _("Obligation due")


REQUESTER_KINDS = frozenset(
    {
        MessageKind.REGISTERED,
        MessageKind.CODE_REISSUED,
        MessageKind.EXTENDED,
        MessageKind.ANSWERED,
        MessageKind.OBJECTION_FILED,
        MessageKind.OBJECTION_DECIDED,
        MessageKind.OBLIGATION_FULFILLED,
    }
)


class OutboxQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def due(self, now):
        """Unsent messages whose next attempt has come, oldest first."""
        return self.filter(sent_at__isnull=True, next_attempt_at__lte=now).order_by("next_attempt_at", "pk")

    def failing(self):
        return self.filter(sent_at__isnull=True, attempts__gt=0)

    def to_requester(self):
        return self.filter(kind__in=REQUESTER_KINDS)


class OutboxMessage(models.Model):
    """One e-mail to one address, queued with the change it reports."""

    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind.choices)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = EncryptedTextField(_("text"))
    language = models.CharField(_("language"), max_length=8, default="id")
    # What the message is about: used for scoping and for the request's own page.
    unit = models.ForeignKey(
        PpidUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    request = models.ForeignKey(
        InfoRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("request"),
    )
    objection = models.ForeignKey(
        Objection,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("objection"),
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer"),
    )
    # An attachment made when the message is sent (see ppid.outbox.attachments).
    attachment_kind = models.CharField(_("attachment"), max_length=40, blank=True)
    attachment_ref = models.CharField(_("attachment of"), max_length=80, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="ppid_outbox_due")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True) | models.Q(next_attempt_at__isnull=True),
                name="ppid_outbox_sent_has_no_next_attempt",
            )
        ]

    def __str__(self):
        # No address: the string shows in lists, labels and logs.
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_sent(self):
        return self.sent_at is not None

    @property
    def has_given_up(self):
        return self.sent_at is None and self.next_attempt_at is None

    @property
    def is_failing(self):
        return self.sent_at is None and self.attempts > 0


class OfficerKind(models.TextChoices):
    """The messages an officer can switch off for themselves."""

    NEW_REQUEST = "new_request", _("A new request arrives")
    NEW_OBJECTION = "new_objection", _("A new objection arrives")
    DUE_SOON = "due_soon", _("A request is due within 2 working days")
    OVERDUE = "overdue", _("A request is overdue")
    OBLIGATION_DUE = "obligation_due", _("An obligation from an upheld objection is due")


class NotificationPreference(models.Model):
    """Which officer messages one user receives; a user without a row receives them all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ppid_notifications",
        verbose_name=_("officer"),
    )
    new_request = models.BooleanField(OfficerKind.NEW_REQUEST.label, default=True)
    new_objection = models.BooleanField(OfficerKind.NEW_OBJECTION.label, default=True)
    due_soon = models.BooleanField(OfficerKind.DUE_SOON.label, default=True)
    overdue = models.BooleanField(OfficerKind.OVERDUE.label, default=True)
    obligation_due = models.BooleanField(OfficerKind.OBLIGATION_DUE.label, default=True)

    class Meta:
        verbose_name = _("my e-mail notifications")
        verbose_name_plural = _("my e-mail notifications")

    def __str__(self):
        return str(self.user)

    def wants(self, kind):
        return bool(getattr(self, OfficerKind(kind).value))
