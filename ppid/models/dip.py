"""The Daftar Informasi Publik (DIP): what each unit holds, in the four statutory categories.

Columns follow Perki 1/2010 Lampiran II (summary, holding unit, person
responsible, time and place produced, formats, retention period). Exempt items
(informasi yang dikecualikan) are listed without content, with their Pasal 17
letter, the summary of the consequence test and the end of the exemption; when
that date passes the item is flagged for review. A published item's document is
never replaced: each upload is a new numbered version and the old ones stay
listed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.uploads import validate_document
from portal.workflow import HistoryEntry, Workflow

from .grounds import ExemptionGround
from .units import PpidUnit
from .uploads import dip_document_path


class DipCategory(models.TextChoices):
    BERKALA = "berkala", _("Periodic (berkala)")
    SERTA_MERTA = "serta_merta", _("Immediate (serta-merta)")
    SETIAP_SAAT = "setiap_saat", _("Available at any time (tersedia setiap saat)")
    DIKECUALIKAN = "dikecualikan", _("Exempt (dikecualikan)")


class DipItemQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate for public pages."""
        return self.filter(status=DipItem.Status.PUBLISHED, unit__is_active=True)

    def for_list(self):
        """Latest first, with the unit and the newest document version, in two queries."""
        return (
            self.select_related("unit__village")
            .prefetch_related(
                Prefetch(
                    "versions",
                    queryset=DipDocumentVersion.objects.order_by("-number"),
                    to_attr="version_list",
                )
            )
            .order_by("-published_at", "-pk")
        )

    def latest(self):
        return self.order_by("-published_at", "-pk")

    def exemption_ended(self, today=None):
        """Exempt items whose exemption period is over: to be reviewed (and usually opened)."""
        today = today or timezone.localdate()
        return self.filter(category=DipCategory.DIKECUALIKAN, exempt_until__lte=today)


class DipItem(models.Model):
    """One line of a unit's Daftar Informasi Publik."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Allowed moves of `DIP_WORKFLOW`; the workflow kit is the only place a status changes.
    TRANSITIONS = {
        Status.DRAFT: {Status.PUBLISHED},
        Status.PUBLISHED: {Status.WITHDRAWN},
        Status.WITHDRAWN: {Status.PUBLISHED},
    }

    unit = models.ForeignKey(
        PpidUnit, on_delete=models.PROTECT, related_name="dip_items", verbose_name=_("unit")
    )
    category = models.CharField(_("category"), max_length=15, choices=DipCategory.choices)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary of contents"), blank=True)
    holding_official = models.CharField(
        _("official or unit holding it"),
        max_length=200,
        help_text=_("The official or office that holds the information."),
    )
    responsible_person = models.CharField(
        _("person responsible for producing it"),
        max_length=200,
        help_text=_("Who is responsible for producing or issuing it."),
    )
    produced_on = models.DateField(_("date produced"), null=True, blank=True)
    produced_place = models.CharField(_("place produced"), max_length=150, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    softcopy = models.BooleanField(_("available as softcopy"), default=True)
    hardcopy = models.BooleanField(_("available as hardcopy"), default=False)
    retention_period = models.CharField(
        _("retention period"), max_length=100, help_text=_("How long it is kept, e.g. “5 tahun”.")
    )
    exemption_ground = models.CharField(
        _("Pasal 17 letter"), max_length=1, choices=ExemptionGround.choices, blank=True
    )
    exemption_legal_basis = models.CharField(
        _("legal basis of the exemption"),
        max_length=255,
        blank=True,
        help_text=_("For letter j, the other law that withholds it."),
    )
    consequence_test = models.TextField(
        _("consequence test (summary)"),
        blank=True,
        help_text=_("Why opening it would cause harm that outweighs the public interest (uji konsekuensi)."),
    )
    exempt_until = models.DateField(
        _("exempt until"), null=True, blank=True, help_text=_("After this date the item must be reviewed.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DipItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("public information item (DIP)")
        verbose_name_plural = _("Daftar Informasi Publik")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=DipCategory.values), name="ppid_dip_category_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "withdrawn"]), name="ppid_dip_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(category="dikecualikan")
                | (~Q(exemption_ground="") & Q(exempt_until__isnull=False) & ~Q(consequence_test="")),
                name="ppid_dip_exempt_complete",
                violation_error_message=_(
                    "An exempt item needs its Pasal 17 letter, the consequence test and the end of the exemption."
                ),
            ),
            models.CheckConstraint(
                condition=Q(category="dikecualikan") | Q(exemption_ground=""),
                name="ppid_dip_ground_only_when_exempt",
                violation_error_message=_("Only exempt items have a Pasal 17 letter."),
            ),
            models.CheckConstraint(condition=Q(year__gte=1945), name="ppid_dip_year_sane"),
        ]
        indexes = [models.Index(fields=["status", "category", "year"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ppid:dip_detail", args=[self.pk])

    @property
    def is_exempt(self):
        return self.category == DipCategory.DIKECUALIKAN

    def exemption_ended(self, today=None):
        today = today or timezone.localdate()
        return self.is_exempt and self.exempt_until is not None and self.exempt_until <= today

    @property
    def current_version(self):
        """The newest document version (uses the prefetched list from `for_list()`)."""
        versions = getattr(self, "version_list", None)
        if versions is None:
            versions = list(self.versions.order_by("-number"))
        return versions[0] if versions else None

    @property
    def formats_display(self):
        parts = []
        if self.softcopy:
            parts.append(str(_("softcopy")))
        if self.hardcopy:
            parts.append(str(_("hardcopy")))
        return ", ".join(parts)


class DipItemEvent(HistoryEntry):
    """One status change of a DIP item (the item's history)."""

    item = models.ForeignKey(DipItem, on_delete=models.CASCADE, related_name="events", verbose_name=_("item"))
    from_status = models.CharField(_("from"), max_length=20, choices=DipItem.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=DipItem.Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("DIP item status change")
        verbose_name_plural = _("DIP item status changes")


DIP_WORKFLOW = Workflow(
    model=DipItem,
    history=DipItemEvent,
    parent="item",
    statuses=DipItem.Status,
    moves=DipItem.TRANSITIONS,
    noun="item",
)


class DipDocumentVersion(models.Model):
    """One version of an item's document. Versions are only ever added."""

    item = models.ForeignKey(
        DipItem, on_delete=models.PROTECT, related_name="versions", verbose_name=_("item")
    )
    number = models.PositiveSmallIntegerField(_("version"), editable=False)
    document = models.FileField(
        _("document"),
        upload_to=dip_document_path,
        validators=[validate_document],
        blank=True,
        help_text=_("PDF, office document or image, at most 20 MB."),
    )
    link = models.URLField(
        _("link"), blank=True, help_text=_("Instead of a file: where the document is published.")
    )
    note = models.CharField(_("what changed"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("added by"),
    )

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="ppid_dip_version_unique"),
            models.CheckConstraint(
                condition=~Q(document="") | ~Q(link=""),
                name="ppid_dip_version_has_content",
                violation_error_message=_("Upload a document or give a link."),
            ),
        ]

    def __str__(self):
        return _("version %(number)s") % {"number": self.number}

    @property
    def url(self):
        return self.document.url if self.document else self.link

    @classmethod
    def next_number(cls, item):
        return (cls.objects.filter(item=item).aggregate(top=Max("number"))["top"] or 0) + 1
