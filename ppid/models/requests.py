"""Requests for public information, their history and the written notice that answers them.

A request (permohonan) gets a readable registration number per year and a
secret access code (only its keyed hash is kept). Its status moves through
`REQUEST_WORKFLOW` (the table `InfoRequest.TRANSITIONS`), only ever through
the workflow kit, which writes a `RequestEvent` for each move; other acts on a
request (a reassignment, a new access code) are recorded as events of their own
kind. Being overdue is derived from the due date and never stored. Personal data of the requester lives in fields named
``requester_*``: the NIK is encrypted at rest, scans go to private storage, and
none of it reaches a public page.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.uploads import PRIVATE_STORAGE, DocumentValidator
from portal.workflow import HistoryEntry, Workflow

from .. import nik as nik_rules
from .. import periods
from ..encryption import EncryptedTextField
from .units import PpidUnit
from .uploads import identity_scan_path, proxy_letter_path

SCAN_MAX_BYTES = 5 * 1024 * 1024
scan_validator = DocumentValidator(kinds=("pdf", "image"), max_bytes=SCAN_MAX_BYTES)


def private_storage():
    return PRIVATE_STORAGE


def initials(name):
    """“Siti Aminah” → “S. A.”; at most three letters, so a name cannot be rebuilt."""
    letters = [part[0].upper() for part in (name or "").replace(".", " ").split() if part[:1].isalpha()]
    return " ".join(f"{letter}." for letter in letters[:3])


class RequestChannel(models.TextChoices):
    ONLINE = "online", _("Online form")
    DESK = "desk", _("At the service desk")
    POST = "post", _("By post")
    EMAIL = "email", _("By e-mail")
    PHONE = "phone", _("By phone")


class ObtainMethod(models.TextChoices):
    INSPECT = "inspect", _("See, read, hear or take notes")
    SOFTCOPY = "softcopy", _("Get a copy: softcopy (electronic)")
    HARDCOPY = "hardcopy", _("Get a copy: hardcopy (paper)")


class DeliveryMethod(models.TextChoices):
    COLLECT = "collect", _("Collect in person")
    POST = "post", _("Post or courier")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")


class InfoRequestQuerySet(models.QuerySet):
    def public_register(self):
        """The visibility gate for public pages: everything not withdrawn from the register."""
        return self.filter(in_public_register=True)

    def for_list(self):
        return self.select_related("unit__village", "notice").order_by("-registered_at", "-pk")

    def latest(self):
        return self.order_by("-registered_at", "-pk")

    def open(self):
        return self.filter(status__in=InfoRequest.OPEN_STATUSES)

    def answered(self):
        return self.filter(status__in=InfoRequest.ANSWERED_STATUSES)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)

    def due_between(self, first, last):
        return self.open().filter(due_on__gte=first, due_on__lte=last)


class InfoRequest(models.Model):
    """A request for public information (permohonan informasi publik)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        IN_PROCESS = "in_process", _("In process")
        EXTENDED = "extended", _("Extended")
        GRANTED = "granted", _("Granted")
        PARTLY_GRANTED = "partly_granted", _("Partly granted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class RequesterKind(models.TextChoices):
        PERSON = "person", _("An individual")
        ENTITY = "entity", _("A legal entity or group")

    OPEN_STATUSES = (Status.REGISTERED, Status.IN_PROCESS, Status.EXTENDED)
    ANSWERED_STATUSES = (Status.GRANTED, Status.PARTLY_GRANTED, Status.REFUSED)
    CLOSED_STATUSES = (*ANSWERED_STATUSES, Status.WITHDRAWN)
    # Allowed moves of `REQUEST_WORKFLOW`; the workflow kit is the only place a status changes.
    # An extension happens at most once because nothing leads back to IN_PROCESS.
    TRANSITIONS = {
        Status.REGISTERED: {Status.IN_PROCESS, *ANSWERED_STATUSES, Status.WITHDRAWN},
        Status.IN_PROCESS: {Status.EXTENDED, *ANSWERED_STATUSES, Status.WITHDRAWN},
        Status.EXTENDED: {*ANSWERED_STATUSES, Status.WITHDRAWN},
        Status.GRANTED: set(),
        Status.PARTLY_GRANTED: set(),
        Status.REFUSED: set(),
        Status.WITHDRAWN: set(),
    }
    # What each status means, in plain words, for the tracking page and the register.
    EXPLANATIONS = {
        Status.REGISTERED: _("The request has been received and registered; it has not been assigned yet."),
        Status.IN_PROCESS: _("An officer is working on the request."),
        Status.EXTENDED: _(
            "The unit has used its one extension (at most 7 working days) and given its reasons."
        ),
        Status.GRANTED: _("The information is given in full; see the written notice."),
        Status.PARTLY_GRANTED: _("Part of the information is given; exempt parts are withheld with reasons."),
        Status.REFUSED: _("The information is not given; the written notice states the legal reason."),
        Status.WITHDRAWN: _("The request was withdrawn and will not be answered."),
    }

    number = models.CharField(_("registration number"), max_length=24, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence"), editable=False)
    unit = models.ForeignKey(
        PpidUnit, on_delete=models.PROTECT, related_name="requests", verbose_name=_("unit addressed")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=RequestChannel.choices)
    received_on = models.DateField(_("date received"), help_text=_("Deadlines count from this day."))
    registered_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False)
    requester_kind = models.CharField(
        _("requester is"), max_length=10, choices=RequesterKind.choices, default=RequesterKind.PERSON
    )
    requester_name = models.CharField(_("full name"), max_length=150)
    requester_nik = EncryptedTextField(_("NIK"), blank=True)
    requester_entity_decree = models.CharField(_("legal entity's decree number"), max_length=150, blank=True)
    requester_address = models.TextField(_("address"), blank=True)
    requester_phone = models.CharField(_("phone"), max_length=30, blank=True)
    requester_email = models.EmailField(_("e-mail"), blank=True)
    requester_occupation = models.CharField(_("occupation"), max_length=100, blank=True)
    requester_identity_scan = models.FileField(
        _("identity document scan"),
        storage=private_storage,
        upload_to=identity_scan_path,
        validators=[scan_validator],
        blank=True,
    )
    is_proxy = models.BooleanField(_("filed by a proxy"), default=False)
    requester_proxy_letter = models.FileField(
        _("power of attorney"),
        storage=private_storage,
        upload_to=proxy_letter_path,
        validators=[scan_validator],
        blank=True,
    )
    requester_initials = models.CharField(_("initials"), max_length=12, editable=False)
    information_requested = models.TextField(_("information requested"))
    purpose = models.TextField(_("purpose"))
    obtain_method = models.CharField(_("how to obtain it"), max_length=10, choices=ObtainMethod.choices)
    delivery_method = models.CharField(_("how to receive it"), max_length=10, choices=DeliveryMethod.choices)
    language = models.CharField(_("language for messages"), max_length=8, default="id")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED, editable=False
    )
    original_due_on = models.DateField(_("first due date"), editable=False)
    due_on = models.DateField(_("due date"), editable=False)
    extension_days = models.PositiveSmallIntegerField(
        _("extension (working days)"), default=0, editable=False
    )
    extension_reason = models.TextField(_("reason for the extension"), blank=True, editable=False)
    answered_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    working_days_taken = models.PositiveSmallIntegerField(
        _("working days taken"), null=True, blank=True, editable=False
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    in_public_register = models.BooleanField(_("shown in the public register"), default=True, editable=False)
    register_exclusion_reason = models.TextField(
        _("why it is not in the public register"), blank=True, editable=False
    )
    access_code_hash = models.CharField(_("access code (keyed hash)"), max_length=64, editable=False)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("registered by"),
    )
    is_sample = models.BooleanField(_("sample data"), default=False, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InfoRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["-registered_at", "-pk"]
        permissions = [
            ("reassign_inforequest", _("Can reassign a request to another unit")),
            ("view_requester_identity", _("Can see the requester's NIK and identity documents")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="ppid_request_number_per_year"),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "registered",
                        "in_process",
                        "extended",
                        "granted",
                        "partly_granted",
                        "refused",
                        "withdrawn",
                    ]
                ),
                name="ppid_request_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(extension_days__lte=7), name="ppid_request_extension_at_most_7"
            ),
            models.CheckConstraint(
                condition=Q(extension_days=0) | ~Q(extension_reason=""),
                name="ppid_request_extension_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["granted", "partly_granted", "refused"])
                | Q(answered_on__isnull=False),
                name="ppid_request_answer_has_date",
            ),
            models.CheckConstraint(
                condition=Q(in_public_register=True) | ~Q(register_exclusion_reason=""),
                name="ppid_request_register_exclusion_reason",
            ),
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=False) | ~Q(requester_phone="") | ~Q(requester_email=""),
                name="ppid_request_has_contact",
                violation_error_message=_("Give a phone number or an e-mail address (or both)."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("original_due_on")), name="ppid_request_due_not_before_first"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["year", "unit"]),
            models.Index(fields=["in_public_register", "registered_at"]),
            # The public register sorted by deadline (?urut=tenggat).
            models.Index(fields=["in_public_register", "due_on"]),
        ]

    def __str__(self):
        # The registration number only: this string reaches the audit log and admin pages.
        return self.number

    def save(self, *args, **kwargs):
        if not self.anonymised_at:
            self.requester_initials = initials(self.requester_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ppid:register_entry", args=[self.number])

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def is_answered(self):
        return self.status in self.ANSWERED_STATUSES

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_on < today

    def answered_late(self):
        return self.answered_on is not None and self.answered_on > self.due_on

    @property
    def explanation(self):
        return self.EXPLANATIONS.get(self.status, "")

    @property
    def masked_nik(self):
        return nik_rules.mask(self.requester_nik)

    @property
    def requester_public_label(self):
        """How the public register names the requester: initials only."""
        return self.requester_initials or "—"

    @property
    def status_badge(self):
        """The CSS modifier of the status badge (the label carries the meaning too)."""
        if self.status in (self.Status.GRANTED,):
            return "ok"
        if self.status in (self.Status.PARTLY_GRANTED, self.Status.EXTENDED):
            return "warn"
        if self.status == self.Status.REFUSED:
            return "bad"
        return "muted"

    def deadline(self, calendar):
        """How the current due date is reached, with the days skipped, for display."""
        first = calendar.add_working_days(self.received_on, periods.ANSWER_DAYS)
        if not self.extension_days:
            return first, None
        return first, calendar.add_working_days(first.due, self.extension_days)


class RequestEvent(HistoryEntry):
    """One entry of a request's history: a status change or another recorded act.

    Status changes form the public timeline; other acts are for officers only,
    except a reassignment, which the requester sees too.
    """

    class Kind(models.TextChoices):
        STATUS = "status", _("Status change")
        REASSIGNED = "reassigned", _("Reassigned to another unit")
        REGISTER_HIDDEN = "register_hidden", _("Withdrawn from the public register")
        CODE_RESET = "code_reset", _("New access code issued")
        ANONYMISED = "anonymised", _("Personal data removed")

    request = models.ForeignKey(
        InfoRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STATUS)
    from_status = models.CharField(_("from"), max_length=20, choices=InfoRequest.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=InfoRequest.Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")


REQUEST_WORKFLOW = Workflow(
    model=InfoRequest,
    history=RequestEvent,
    parent="request",
    statuses=InfoRequest.Status,
    moves=InfoRequest.TRANSITIONS,
    noun="request",
)
