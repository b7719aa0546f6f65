"""Objections to the atasan PPID (keberatan, UU 14/2008 Pasal 35–37) and disputes that follow.

An objection is filed with the request's number and access code within 30
working days of its ground arising; the atasan answers in writing within 30
working days. A requester still unsatisfied may take the matter to the Komisi
Informasi within 14 working days; the dispute is recorded here with its dates
and outcome.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.workflow import HistoryEntry, Workflow

from .grounds import ObjectionGround
from .requests import InfoRequest, RequestChannel

GROUND_FIELDS = {letter: f"ground_{letter}" for letter in ObjectionGround.values}


class ObjectionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Objection.Status.FILED)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)


class Objection(models.Model):
    class Status(models.TextChoices):
        FILED = "filed", _("Filed, awaiting the atasan's answer")
        UPHELD = "upheld", _("Upheld (the requester is right)")
        REJECTED = "rejected", _("Rejected")
        SETTLED = "settled", _("Settled by deliberation (musyawarah)")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    DECIDED_STATUSES = (Status.UPHELD, Status.REJECTED, Status.SETTLED)
    # Allowed moves of `OBJECTION_WORKFLOW`; the workflow kit is the only place a status changes.
    TRANSITIONS = {
        Status.FILED: {Status.UPHELD, Status.REJECTED, Status.SETTLED, Status.WITHDRAWN},
        Status.UPHELD: set(),
        Status.REJECTED: set(),
        Status.SETTLED: set(),
        Status.WITHDRAWN: set(),
    }

    number = models.CharField(_("objection number"), max_length=24, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence"), editable=False)
    request = models.ForeignKey(
        InfoRequest, on_delete=models.PROTECT, related_name="objections", verbose_name=_("request")
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=RequestChannel.choices, default=RequestChannel.ONLINE
    )
    ground_a = models.BooleanField(ObjectionGround.A.label, default=False)
    ground_b = models.BooleanField(ObjectionGround.B.label, default=False)
    ground_c = models.BooleanField(ObjectionGround.C.label, default=False)
    ground_d = models.BooleanField(ObjectionGround.D.label, default=False)
    ground_e = models.BooleanField(ObjectionGround.E.label, default=False)
    ground_f = models.BooleanField(ObjectionGround.F.label, default=False)
    ground_g = models.BooleanField(ObjectionGround.G.label, default=False)
    statement = models.TextField(_("statement of the case"))
    filed_on = models.DateField(_("filed on"))
    filed_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False)
    ground_arose_on = models.DateField(_("ground arose on"), editable=False)
    due_on = models.DateField(_("answer due"), editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.FILED, editable=False
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    decision = models.TextField(_("written answer of the atasan"), blank=True, editable=False)
    decision_html = models.TextField(_("written answer of the atasan (HTML)"), editable=False, default="")
    decided_by_name = models.CharField(_("decided by (name)"), max_length=150, blank=True, editable=False)
    decided_by_position = models.CharField(
        _("decided by (position)"), max_length=150, blank=True, editable=False
    )
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

    objects = ObjectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection (keberatan)")
        verbose_name_plural = _("objections (keberatan)")
        ordering = ["-filed_at", "-pk"]
        permissions = [("decide_objection", _("Can decide objections as atasan PPID"))]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="ppid_objection_number_per_year"),
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status="filed"),
                name="ppid_one_open_objection_per_request",
                violation_error_message=_("This request already has an objection awaiting an answer."),
            ),
            models.CheckConstraint(
                condition=Q(ground_a=True)
                | Q(ground_b=True)
                | Q(ground_c=True)
                | Q(ground_d=True)
                | Q(ground_e=True)
                | Q(ground_f=True)
                | Q(ground_g=True),
                name="ppid_objection_has_ground",
                violation_error_message=_("Choose at least one ground."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["filed", "upheld", "rejected", "settled", "withdrawn"]),
                name="ppid_objection_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["upheld", "rejected", "settled"]) | Q(decided_on__isnull=False),
                name="ppid_objection_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="settled") | Q(ground_a=False),
                name="ppid_objection_ground_a_not_settled",
                violation_error_message=_("Ground a cannot be settled by deliberation."),
            ),
        ]

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        self.decision_html = richtext.to_html(self.decision)
        super().save(*args, **kwargs)

    @property
    def grounds(self):
        """The letters chosen, e.g. ["a", "g"]."""
        return [letter for letter, field in GROUND_FIELDS.items() if getattr(self, field)]

    @property
    def ground_labels(self):
        labels = dict(ObjectionGround.choices)
        return [labels[letter] for letter in self.grounds]

    @property
    def is_open(self):
        return self.status == self.Status.FILED

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_on < today


class ObjectionEvent(HistoryEntry):
    """One status change of an objection."""

    objection = models.ForeignKey(
        Objection, on_delete=models.CASCADE, related_name="events", verbose_name=_("objection")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Objection.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Objection.Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("objection history entry")
        verbose_name_plural = _("objection history")


OBJECTION_WORKFLOW = Workflow(
    model=Objection,
    history=ObjectionEvent,
    parent="objection",
    statuses=Objection.Status,
    moves=Objection.TRANSITIONS,
    noun="objection",
)


class Dispute(models.Model):
    """A dispute at the Komisi Informasi (sengketa informasi) after an objection."""

    class Outcome(models.TextChoices):
        MEDIATED = "mediated", _("Settled by mediation")
        GRANTED = "granted", _("Requester's claim granted")
        PARTLY_GRANTED = "partly_granted", _("Requester's claim partly granted")
        REJECTED = "rejected", _("Requester's claim rejected")
        DISMISSED = "dismissed", _("Not admissible")
        WITHDRAWN = "withdrawn", _("Withdrawn by the requester")

    objection = models.ForeignKey(
        Objection, on_delete=models.PROTECT, related_name="disputes", verbose_name=_("objection")
    )
    commission = models.CharField(
        _("Komisi Informasi"), max_length=150, help_text=_("E.g. “Komisi Informasi Provinsi Jawa Timur”.")
    )
    case_number = models.CharField(_("case number"), max_length=100, blank=True)
    filed_on = models.DateField(_("filed with the commission on"))
    # Pasal 37(2): computed when the dispute is recorded; a late filing is recorded, never refused.
    window_ends_on = models.DateField(
        _("last day to file (14 working days)"), null=True, blank=True, editable=False
    )
    filed_late = models.BooleanField(_("filed after the 14 working days"), default=False, editable=False)
    mediation_on = models.DateField(_("mediation began"), null=True, blank=True)
    adjudication_on = models.DateField(_("adjudication began"), null=True, blank=True)
    decided_on = models.DateField(_("decided or closed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    summary = models.TextField(_("summary of the decision"), blank=True)
    court_filed_on = models.DateField(
        _("taken to court on"),
        null=True,
        blank=True,
        help_text=_("An appeal to the administrative or district court."),
    )
    court_outcome = models.CharField(_("court outcome"), max_length=255, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("dispute at the Komisi Informasi")
        verbose_name_plural = _("disputes at the Komisi Informasi")
        ordering = ["-filed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome="") & Q(decided_on__isnull=True))
                | (~Q(outcome="") & Q(decided_on__isnull=False)),
                name="ppid_dispute_outcome_with_date",
                violation_error_message=_("Give the outcome together with the date it was decided."),
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("filed_on")),
                name="ppid_dispute_decided_after_filed",
                violation_error_message=_("The decision cannot come before the dispute was filed."),
            ),
        ]

    def __str__(self):
        return self.case_number or _("Dispute on %(number)s") % {"number": self.objection.number}

    @property
    def stage(self):
        if self.decided_on:
            return _("decided")
        if self.adjudication_on:
            return _("adjudication")
        if self.mediation_on:
            return _("mediation")
        return _("filed")
