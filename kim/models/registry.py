"""The KIM registry: the groups, the levels the regency defines and their status
history. Media channels live in `channels`, boards (pengurus) and awards in
`board`; their names are importable from here too.

A KIM (Kelompok/Komunitas Informasi Masyarakat) belongs to one desa or
kelurahan; a village may have several. Diskominfo keeps the registry; each KIM's
managers keep its profile, channels, board and awards. The status (active,
inactive, dissolved) only changes through `kim.services.change_kim_status`,
which keeps the dated history shown on the public profile.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.models import Village
from portal.uploads import DocumentValidator, random_name
from portal.workflow import HistoryEntry

from .board import (
    BOARD_ROLE_VALUES,
    ROLE_RANK,
    Achievement,
    BoardMember,
    BoardQuerySet,
    BoardRole,
    TermMixin,
    terms_overlap,
)
from .channels import MediaChannel, MediaChannelQuerySet

RICH_TEXT_HELP = _(
    "Write plain text; leave an empty line between paragraphs. Optional: "
    "## heading, - list item, **bold**, *italic*, [link text](https://…)."
)

# Paths under /kim/ that are pages of their own, so no KIM may take them as its slug.
RESERVED_SLUGS = ("kabar", "cakupan", "forum", "data")

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{5,28}$",
    _("Write a phone number with digits, spaces, dots or dashes, e.g. 0353 881826."),
)

_decree_name = random_name("kim/sk")


def decree_upload_to(instance, filename):
    # A module-level function so migrations can refer to it by name.
    return _decree_name(instance, filename)


class KimLevel(models.Model):
    """A development level the regency assigns to KIMs (no national scheme exists)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_("Used in web addresses, e.g. /kim/?tingkat=madya."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What a KIM shows to reach this level.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("KIM level")
        verbose_name_plural = _("KIM levels")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class KimQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate: the KIMs shown on public pages."""
        return self.filter(is_public=True)

    def active(self):
        return self.filter(status=Kim.Status.ACTIVE)

    def in_district(self, code):
        return self.filter(village__district_id=code)

    def with_website(self):
        return self.filter(Exists(MediaChannel.objects.websites().filter(kim=OuterRef("pk"))))

    def without_website(self):
        return self.exclude(Exists(MediaChannel.objects.websites().filter(kim=OuterRef("pk"))))

    def search(self, text):
        text = (text or "").strip()
        return self.filter(name__icontains=text) if text else self

    def for_list(self):
        """What a list row shows: village, kecamatan, level and the first website."""
        first_website = MediaChannel.objects.websites().filter(kim=OuterRef("pk")).order_by("order", "pk")
        return self.select_related("village__district", "level").annotate(
            website_url=Subquery(first_website.values("url")[:1])
        )

    def newest_first(self):
        return self.order_by("-created", "-pk")

    def active_first(self):
        """Active KIMs first, then inactive, then dissolved; by name within each."""
        rank = Case(
            When(status=Kim.Status.ACTIVE, then=Value(0)),
            When(status=Kim.Status.INACTIVE, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return self.annotate(status_rank=rank).order_by("status_rank", "name")


class Kim(models.Model):
    """One community information group in the regency's registry."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DISSOLVED = "dissolved", _("Dissolved")

    name = models.CharField(
        _("name"), max_length=150, help_text=_("As in the decree, e.g. KIM Sendang Potro.")
    )
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_("The end of the page address /kim/…/: lower-case letters, digits and dashes."),
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="kims", verbose_name=_("desa/kelurahan")
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Where the KIM meets or has its secretariat.")
    )
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    decree_number = models.CharField(
        _("decree number"),
        max_length=120,
        blank=True,
        help_text=_("Number of the SK pengukuhan that confirms the KIM and its board."),
    )
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    decree_issuer = models.CharField(
        _("decree issued by"), max_length=150, blank=True, help_text=_("E.g. Kepala Desa Sedahkidul.")
    )
    decree_subject = models.CharField(_("decree subject"), max_length=255, blank=True)
    decree_file = models.FileField(
        _("scanned decree"),
        upload_to=decree_upload_to,
        validators=[DocumentValidator(kinds=("pdf", "image"))],
        blank=True,
        help_text=_(
            "PDF or photo, at most 20 MB. It is published on the KIM's page: black out NIK numbers "
            "and home addresses before uploading."
        ),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE, editable=False
    )
    status_since = models.DateField(_("status since"), null=True, blank=True, editable=False)
    level = models.ForeignKey(
        KimLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kims",
        verbose_name=_("level"),
    )
    description = models.TextField(_("description"), blank=True, help_text=RICH_TEXT_HELP)
    description_html = models.TextField(_("description (HTML)"), blank=True, editable=False)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    contact_is_public = models.BooleanField(
        _("show the phone and e-mail publicly"),
        default=False,
        help_text=_("Only when the KIM agrees. Otherwise only Diskominfo sees them."),
    )
    member_count = models.PositiveIntegerField(
        _("number of members"), null=True, blank=True, validators=[MaxValueValidator(10_000)]
    )
    is_public = models.BooleanField(
        _("shown on the public site"),
        default=True,
        help_text=_("Untick while the registration is still being checked. Listed KIMs cannot be deleted."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="managed_kims",
        verbose_name=_("managers"),
        help_text=_("Staff users with the KIM manager role who keep this KIM's profile and write its news."),
    )
    created = models.DateTimeField(_("registered in the portal"), auto_now_add=True)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    objects = KimQuerySet.as_manager()

    class Meta:
        verbose_name = _("KIM")
        verbose_name_plural = _("KIM")
        ordering = ["name"]
        permissions = [("change_kim_status", _("Can change the status of a KIM"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["active", "inactive", "dissolved"]), name="kim_status_valid"
            ),
            models.CheckConstraint(condition=~Q(slug__in=RESERVED_SLUGS), name="kim_slug_not_reserved"),
            models.CheckConstraint(
                condition=Q(member_count__isnull=True) | Q(member_count__lte=10_000),
                name="kim_member_count_range",
            ),
        ]
        indexes = [models.Index(fields=["status", "village"], name="kim_status_village")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.description_html = richtext.to_html(self.description)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "description" in update_fields:
            kwargs["update_fields"] = {*update_fields, "description_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kim:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page; choose another one.")})
        if self.founded_on and self.founded_on > timezone.localdate():
            raise ValidationError({"founded_on": _("The founding date cannot be in the future.")})
        if self.decree_date and self.decree_date > timezone.localdate():
            raise ValidationError({"decree_date": _("The decree date cannot be in the future.")})

    @property
    def is_dissolved(self):
        return self.status == self.Status.DISSOLVED

    @property
    def status_badge(self):
        """The CSS modifier for the status badge (the badge always carries the word too)."""
        return {"active": "ok", "inactive": "warn", "dissolved": "muted"}.get(self.status, "muted")

    @property
    def has_decree(self):
        return bool(self.decree_number or self.decree_date or self.decree_file)


class KimStatusChangeQuerySet(models.QuerySet):
    def newest_first(self):
        """The order the KIM's page and the back office show its history in."""
        return self.order_by("-on", "-pk")


class KimStatusChange(HistoryEntry):
    """One dated status of a KIM; the rows form its public status history.

    `on` is the date the status holds from (a decree date, say); the kit's
    `at` is when the change was recorded in the portal.
    """

    kim = models.ForeignKey(
        Kim, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("KIM")
    )
    from_status = models.CharField(
        _("previous status"), max_length=20, choices=Kim.Status.choices, blank=True
    )
    to_status = models.CharField(_("new status"), max_length=20, choices=Kim.Status.choices)
    on = models.DateField(_("date"))

    objects = KimStatusChangeQuerySet.as_manager()

    class Meta(HistoryEntry.Meta):
        verbose_name = _("KIM status change")
        verbose_name_plural = _("KIM status history")
        # Oldest first, as the kit reads a history; pages use newest_first().
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.kim}: {self.get_to_status_display()} ({self.on})"


__all__ = [
    "BOARD_ROLE_VALUES",
    "Achievement",
    "RESERVED_SLUGS",
    "RICH_TEXT_HELP",
    "ROLE_RANK",
    "BoardMember",
    "BoardQuerySet",
    "BoardRole",
    "Kim",
    "KimLevel",
    "KimQuerySet",
    "KimStatusChange",
    "KimStatusChangeQuerySet",
    "MediaChannel",
    "MediaChannelQuerySet",
    "TermMixin",
    "decree_upload_to",
    "phone_validator",
    "terms_overlap",
]
