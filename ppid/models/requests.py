"""Requests for public information, their history and the written notice that answers them.

A request (permohonan) gets a readable registration number per year and a
secret access code (only its keyed hash is kept). Its status moves through
`InfoRequest.TRANSITIONS`, only ever by `services.change_request_status`, which
writes a `RequestEvent` for each move; being overdue is derived from the due
date and never stored. Personal data of the requester lives in fields named
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

from .. import deadlines
from .. import nik as nik_rules
from ..encryption import EncryptedTextField
from .grounds import ExemptionGround
from .units import PpidUnit
from .uploads import answer_document_path, identity_scan_path, proxy_letter_path

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
    # Allowed moves; `services.change_request_status` is the only place a status changes.
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
        first = calendar.add_working_days(self.received_on, deadlines.ANSWER_DAYS)
        if not self.extension_days:
            return first, None
        return first, calendar.add_working_days(first.due, self.extension_days)


class RequestEvent(models.Model):
    """One entry of a request's history: a status change or another recorded act."""

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
    from_status = models.CharField(_("from"), max_length=16, choices=InfoRequest.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=InfoRequest.Status.choices, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    # Status changes form the public timeline; other acts are for officers only.
    is_public = models.BooleanField(_("shown publicly"), default=True)

    class Meta:
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request_id} {self.get_kind_display()} {self.to_status}"


class WrittenNotice(models.Model):
    """The pemberitahuan tertulis of UU 14/2008 Pasal 22(7), one per answered request.

    Every element of the article is a field: whether the body holds the
    information (and who does if not), the decision, the material given, the
    parts blacked out and why, format and means of delivery, fees and payment.
    """

    class Decision(models.TextChoices):
        GRANTED = "granted", _("Granted in full")
        PARTLY_GRANTED = "partly_granted", _("Partly granted")
        REFUSED = "refused", _("Refused")

    class RefusalReason(models.TextChoices):
        EXEMPT = "exempt", _("Exempt information (Pasal 17)")
        NOT_HELD = "not_held", _("Not held or not yet documented (Pasal 6(3))")

    request = models.OneToOneField(
        InfoRequest, on_delete=models.PROTECT, related_name="notice", verbose_name=_("request")
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    information_held = models.BooleanField(_("the unit holds the information"), default=True)
    other_body = models.CharField(
        _("body that holds it"),
        max_length=255,
        blank=True,
        help_text=_("When the unit does not hold it but knows who does."),
    )
    refusal_reason = models.CharField(
        _("reason for refusal"), max_length=10, choices=RefusalReason.choices, blank=True
    )
    exemption_ground = models.CharField(
        _("Pasal 17 letter"), max_length=1, choices=ExemptionGround.choices, blank=True
    )
    consequence_test = models.TextField(
        _("reasons (consequence test)"),
        blank=True,
        help_text=_("Why the exempt information cannot be given."),
    )
    materials = models.TextField(_("material to be given"), blank=True)
    redacted_parts = models.TextField(
        _("parts blacked out, with reasons"),
        blank=True,
        help_text=_("Only when part of a document is exempt."),
    )
    delivery_format = models.CharField(_("format"), max_length=10, choices=ObtainMethod.choices, blank=True)
    delivery_method = models.CharField(
        _("means of delivery"), max_length=10, choices=DeliveryMethod.choices, blank=True
    )
    fee = models.BigIntegerField(
        _("fee (Rupiah)"), default=0, help_text=_("Copying or postage cost; 0 when free.")
    )
    payment_method = models.CharField(_("how to pay"), max_length=255, blank=True)
    notes = models.TextField(_("further explanation"), blank=True)
    issued_on = models.DateField(_("date of the notice"))
    signed_by_name = models.CharField(_("signed by (name)"), max_length=150)
    signed_by_position = models.CharField(_("signed by (position)"), max_length=150)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("written notice")
        verbose_name_plural = _("written notices")
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__in=["granted", "partly_granted", "refused"]),
                name="ppid_notice_decision_valid",
            ),
            models.CheckConstraint(
                condition=(Q(decision="refused") & ~Q(refusal_reason=""))
                | (~Q(decision="refused") & Q(refusal_reason="")),
                name="ppid_notice_refusal_has_reason",
                violation_error_message=_("A refusal needs its reason, and only a refusal has one."),
            ),
            models.CheckConstraint(
                condition=~Q(refusal_reason="exempt") | (~Q(exemption_ground="") & ~Q(consequence_test="")),
                name="ppid_notice_exempt_has_ground",
                violation_error_message=_(
                    "A refusal for exempt information needs the Pasal 17 letter and the reasons."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(refusal_reason="not_held") | Q(information_held=False),
                name="ppid_notice_not_held_consistent",
            ),
            models.CheckConstraint(
                condition=~Q(decision="partly_granted") | (~Q(exemption_ground="") & ~Q(redacted_parts="")),
                name="ppid_notice_partial_has_redactions",
                violation_error_message=_(
                    "A partial grant needs the Pasal 17 letter and the parts blacked out with reasons."
                ),
            ),
            models.CheckConstraint(
                condition=Q(decision="refused") | ~Q(materials=""),
                name="ppid_notice_grant_has_materials",
                violation_error_message=_("Say which material will be given."),
            ),
            models.CheckConstraint(condition=Q(fee__gte=0), name="ppid_notice_fee_not_negative"),
        ]

    def __str__(self):
        return _("Notice for %(number)s") % {"number": self.request.number}

    @property
    def outcome_label(self):
        """“Refused: Pasal 17 letter h”, “Refused: not held”, “Granted in full”."""
        if self.decision == self.Decision.REFUSED:
            if self.refusal_reason == self.RefusalReason.NOT_HELD:
                return _("Refused: not held or not documented")
            return _("Refused: Pasal 17 letter %(letter)s") % {"letter": self.exemption_ground}
        if self.decision == self.Decision.PARTLY_GRANTED:
            return _("Partly granted: Pasal 17 letter %(letter)s") % {"letter": self.exemption_ground}
        return self.get_decision_display()


class AnswerDocument(models.Model):
    """A document given with the answer; kept private and handed to the requester by a signed link."""

    notice = models.ForeignKey(
        WrittenNotice, on_delete=models.PROTECT, related_name="documents", verbose_name=_("notice")
    )
    title = models.CharField(_("title"), max_length=255)
    document = models.FileField(
        _("document"),
        storage=private_storage,
        upload_to=answer_document_path,
        validators=[DocumentValidator()],
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer document")
        verbose_name_plural = _("answer documents")
        ordering = ["pk"]

    def __str__(self):
        return self.title


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
