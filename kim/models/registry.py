"""The KIM registry: the groups, the levels the regency defines, their status
history, media channels, boards (pengurus) and awards.

A KIM (Kelompok/Komunitas Informasi Masyarakat) belongs to one desa or
kelurahan; a village may have several. Diskominfo keeps the registry; each KIM's
managers keep its profile, channels, board and awards. The status (active,
inactive, dissolved) only changes through `kim.services.change_kim_status`,
which keeps the dated history shown on the public profile.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator, URLValidator
from django.db import models
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.models import Village
from portal.uploads import DocumentValidator, random_name
from portal.workflow import HistoryEntry

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


class MediaChannelQuerySet(models.QuerySet):
    def websites(self):
        return self.filter(kind=MediaChannel.Kind.WEBSITE).exclude(url="")


class MediaChannel(models.Model):
    """A channel through which a KIM spreads information: website, social media, radio, bulletin."""

    class Kind(models.TextChoices):
        WEBSITE = "website", _("Website or blog")
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        X = "x", "X (Twitter)"
        WHATSAPP = "whatsapp", _("WhatsApp channel")
        RADIO = "radio", _("Community radio")
        BULLETIN = "bulletin", _("Bulletin or notice board")
        OTHER = "other", _("Other")

    # Kinds that may exist offline (a radio frequency, a printed bulletin) and so need no URL.
    OFFLINE_KINDS = ("radio", "bulletin")
    # The hosts a social-media address must point to, so a typo or a stray link is caught.
    HOSTS = {
        "facebook": ("facebook.com", "fb.com", "fb.me"),
        "instagram": ("instagram.com",),
        "youtube": ("youtube.com", "youtu.be"),
        "tiktok": ("tiktok.com",),
        "x": ("x.com", "twitter.com"),
        "whatsapp": ("whatsapp.com", "wa.me"),
    }

    kim = models.ForeignKey(Kim, on_delete=models.CASCADE, related_name="channels", verbose_name=_("KIM"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    url = models.URLField(
        _("address (URL)"),
        max_length=300,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Starting with https://. May be empty only for a radio or a printed bulletin."),
    )
    name = models.CharField(
        _("name or description"),
        max_length=150,
        blank=True,
        help_text=_("E.g. the radio's name and frequency, or the bulletin's title and how often it appears."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = MediaChannelQuerySet.as_manager()

    class Meta:
        verbose_name = _("media channel")
        verbose_name_plural = _("media channels")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | Q(kind__in=["radio", "bulletin"]), name="kim_channel_url_required"
            ),
            models.CheckConstraint(condition=~Q(url="") | ~Q(name=""), name="kim_channel_not_empty"),
            models.UniqueConstraint(
                fields=["kim", "url"], condition=~Q(url=""), name="kim_channel_url_once_per_kim"
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "website",
                        "facebook",
                        "instagram",
                        "youtube",
                        "tiktok",
                        "x",
                        "whatsapp",
                        "radio",
                        "bulletin",
                        "other",
                    ]
                ),
                name="kim_channel_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name or self.url

    def clean(self):
        super().clean()
        if not self.url:
            if self.kind not in self.OFFLINE_KINDS:
                raise ValidationError({"url": _("Give the address (URL) of this channel.")})
            if not self.name:
                raise ValidationError({"name": _("Describe the channel, e.g. the radio's frequency.")})
            return
        hosts = self.HOSTS.get(self.kind)
        if hosts:
            host = (urlsplit(self.url).hostname or "").lower()
            if not any(host == h or host.endswith("." + h) for h in hosts):
                raise ValidationError(
                    {
                        "url": _("A %(kind)s address must be on %(hosts)s.")
                        % {"kind": self.get_kind_display(), "hosts": ", ".join(hosts)}
                    }
                )

    @property
    def label(self):
        return self.name or self.get_kind_display()


class BoardRole(models.TextChoices):
    """Positions on a KIM board (and on the forum's board), in display order."""

    CHAIR = "ketua", _("Chair (ketua)")
    VICE_CHAIR = "wakil_ketua", _("Vice chair (wakil ketua)")
    SECRETARY = "sekretaris", _("Secretary (sekretaris)")
    TREASURER = "bendahara", _("Treasurer (bendahara)")
    GATHERING = "seksi_pengumpulan", _("Head of information gathering")
    PROCESSING = "seksi_pengolahan", _("Head of information processing")
    DISSEMINATION = "seksi_penyebaran", _("Head of information dissemination")
    MEMBER = "anggota", _("Member")


BOARD_ROLE_VALUES = BoardRole.values

ROLE_RANK = Case(
    *(When(role=value, then=Value(rank)) for rank, value in enumerate(BoardRole.values)),
    default=Value(len(BoardRole.values)),
    output_field=IntegerField(),
)


class BoardQuerySet(models.QuerySet):
    def in_role_order(self):
        return self.annotate(role_rank=ROLE_RANK).order_by("role_rank", "name")

    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(term_start__isnull=True) | Q(term_start__lte=today)).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=today)
        )


class TermMixin(models.Model):
    """A term of office: from and to, either may be unknown; history is kept, never overwritten."""

    term_start = models.DateField(_("term from"), null=True, blank=True)
    term_end = models.DateField(
        _("term to"), null=True, blank=True, help_text=_("Leave empty while the term has no set end.")
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where this is recorded when it is not in the decree, e.g. a news report and its date."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})

    def is_current(self, today=None):
        today = today or timezone.localdate()
        started = self.term_start is None or self.term_start <= today
        return started and (self.term_end is None or self.term_end >= today)

    @property
    def period_key(self):
        return (self.term_start or datetime.date.min, self.term_end or datetime.date.max)


class BoardMember(TermMixin):
    """One person in one position on a KIM board for one term."""

    kim = models.ForeignKey(Kim, on_delete=models.CASCADE, related_name="board", verbose_name=_("KIM"))
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("position"), max_length=20, choices=BoardRole.choices)

    objects = BoardQuerySet.as_manager()

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board (pengurus)")
        ordering = ["kim", "-term_start", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_start__isnull=True)
                | Q(term_end__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="kim_board_term_order",
            ),
            models.CheckConstraint(condition=Q(role__in=BOARD_ROLE_VALUES), name="kim_board_role_valid"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        # The admin's board formset compares all submitted rows itself (see kim.admin.BoardFormSet).
        checked_elsewhere = getattr(self, "chair_overlap_checked_elsewhere", False)
        if self.role == BoardRole.CHAIR and self.kim_id and not checked_elsewhere:
            self._check_one_chair_at_a_time()

    def _check_one_chair_at_a_time(self):
        chairs = BoardMember.objects.filter(kim_id=self.kim_id, role=BoardRole.CHAIR).exclude(pk=self.pk)
        for other in chairs:
            if terms_overlap(self, other):
                raise ValidationError(
                    {
                        "term_start": _(
                            "%(name)s is already chair for an overlapping term; end that term first."
                        )
                        % {"name": other.name}
                    }
                )


def terms_overlap(a, b):
    """Whether two terms share at least one day (an unknown end runs on, an unknown start ran always)."""
    a_start, a_end = a.period_key
    b_start, b_end = b.period_key
    return a_start <= b_end and b_start <= a_end


class Achievement(models.Model):
    """An award or competition result of a KIM (Lomba KIM, KIMFest, …)."""

    class Level(models.TextChoices):
        KECAMATAN = "kecamatan", _("Kecamatan")
        KABUPATEN = "kabupaten", _("Kabupaten/kota")
        PROVINSI = "provinsi", _("Provinsi")
        NASIONAL = "nasional", _("Nasional")

    kim = models.ForeignKey(Kim, on_delete=models.CASCADE, related_name="achievements", verbose_name=_("KIM"))
    title = models.CharField(_("award"), max_length=200, help_text=_("E.g. KIM berprestasi, Lomba KIM."))
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    rank = models.CharField(_("rank or category"), max_length=100, blank=True, help_text=_("E.g. Juara I."))
    awarded_by = models.CharField(_("awarded by"), max_length=200, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="kim_achievement_year_range"
            ),
            models.CheckConstraint(
                condition=Q(level__in=["kecamatan", "kabupaten", "provinsi", "nasional"]),
                name="kim_achievement_level_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("The year cannot be in the future.")})
