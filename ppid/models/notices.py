"""The written notice that answers a request (Pasal 22(7)) and the documents given with it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.uploads import DocumentValidator

from .grounds import ExemptionGround
from .requests import DeliveryMethod, InfoRequest, ObtainMethod, private_storage
from .uploads import answer_document_path


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
