"""Core records shared by every domain: the territory, staff scope and page ratings.

Regions are keyed by their official Kemendagri code: a kecamatan (`District`,
`35.22.18`) and its desa or kelurahan (`Village`, `35.22.18.2007`). The rows
come from the bundled data file through `load_regions`; officers may only add
the village's own contact details.
"""

import unicodedata

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import richtext, scoping, wilayah


class DistrictQuerySet(models.QuerySet):
    def with_village_counts(self):
        return self.annotate(
            village_count=Count("villages"),
            desa_count=Count("villages", filter=Q(villages__kind=Village.Kind.DESA)),
            kelurahan_count=Count("villages", filter=Q(villages__kind=Village.Kind.KELURAHAN)),
        )


class District(models.Model):
    """A kecamatan of the deployment's regency."""

    code = models.CharField(
        _("Kemendagri code"),
        max_length=8,
        primary_key=True,
        validators=[RegexValidator(wilayah.DISTRICT_RE, _("Use the form PP.KK.CC."))],
    )
    name = models.CharField(_("name"), max_length=100)

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:region", args=[self.code])

    @property
    def label(self):
        return self.label_of(self.name)

    @staticmethod
    def label_of(name):
        """“Kecamatan Purwosari”, from the name alone (for rows read without a model)."""
        return _("Kecamatan %(name)s") % {"name": name}


class VillageQuerySet(models.QuerySet):
    def desa(self):
        return self.filter(kind=Village.Kind.DESA)

    def kelurahan(self):
        return self.filter(kind=Village.Kind.KELURAHAN)

    def search(self, text):
        """Case-insensitive partial match on the village name (and its kecamatan)."""
        text = (text or "").strip()
        if not text:
            return self.none()
        return self.filter(Q(name_search__contains=fold(text)))


def fold(text):
    """Lower-case and strip accents so “Sédahkidul” finds “Sedahkidul”."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


class Village(models.Model):
    """A desa or kelurahan."""

    class Kind(models.TextChoices):
        DESA = "desa", _("desa")
        KELURAHAN = "kelurahan", _("kelurahan")

    code = models.CharField(
        _("Kemendagri code"),
        max_length=13,
        primary_key=True,
        validators=[RegexValidator(wilayah.VILLAGE_RE, _("Use the form PP.KK.CC.NNNN."))],
    )
    name = models.CharField(_("name"), max_length=100)
    name_search = models.CharField(_("name for searching"), max_length=100, editable=False, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="villages", verbose_name=_("kecamatan")
    )
    website = models.URLField(_("village website"), blank=True)
    office_address = models.CharField(_("village office address"), max_length=255, blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=30, blank=True)

    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["desa", "kelurahan"]), name="village_kind_valid"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_search = fold(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_search"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("portal:region", args=[self.code])

    @property
    def label(self):
        """“Desa Sedahkidul” or “Kelurahan Jetak”."""
        if self.kind == self.Kind.KELURAHAN:
            return _("Kelurahan %(name)s") % {"name": self.name}
        return _("Desa %(name)s") % {"name": self.name}

    @property
    def district_code(self):
        return self.code.rsplit(".", 1)[0]


class VillageOfficial(models.Model):
    """A village official (kepala desa, sekretaris desa, …) shown on the village page."""

    village = models.ForeignKey(
        Village, on_delete=models.CASCADE, related_name="officials", verbose_name=_("village")
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150)
    since = models.DateField(_("in office since"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("village official")
        verbose_name_plural = _("village officials")
        ordering = ["village", "order", "name"]

    def __str__(self):
        return f"{self.name} ({self.position})"


class StaffProfile(models.Model):
    """Ties a back-office user to the village they answer for.

    Diskominfo staff and the PPID Utama have no village and work across the
    regency; a PPID Desa officer sees only their own village.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_profiles",
        verbose_name=_("village"),
        help_text=_("The village this person answers for; empty for regency-wide staff."),
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)


class RatedPage(models.Model):
    """A public page that has received satisfaction votes."""

    path = models.CharField(_("page address"), max_length=255, unique=True)
    title = models.CharField(_("page title"), max_length=255, blank=True)
    created = models.DateTimeField(_("first vote"), auto_now_add=True)

    class Meta:
        verbose_name = _("rated page")
        verbose_name_plural = _("page satisfaction results")
        ordering = ["path"]

    def __str__(self):
        return self.title or self.path


class SatisfactionVote(models.Model):
    """One visitor's vote on one page; a second vote by the same visitor replaces it."""

    class Choice(models.IntegerChoices):
        VERY_SATISFIED = 4, _("Very satisfied")
        SATISFIED = 3, _("Satisfied")
        FAIRLY_SATISFIED = 2, _("Fairly satisfied")
        NOT_SATISFIED = 1, _("Not satisfied")

    page = models.ForeignKey(
        RatedPage, on_delete=models.CASCADE, related_name="votes", verbose_name=_("page")
    )
    choice = models.PositiveSmallIntegerField(_("choice"), choices=Choice.choices)
    # A keyed hash of the visitor's anonymous cookie; no personal data is kept.
    voter = models.CharField(_("visitor key"), max_length=64)
    updated = models.DateTimeField(_("voted at"), auto_now=True)

    class Meta:
        verbose_name = _("satisfaction vote")
        verbose_name_plural = _("satisfaction votes")
        constraints = [
            models.UniqueConstraint(fields=["page", "voter"], name="one_vote_per_visitor_per_page"),
            models.CheckConstraint(condition=Q(choice__gte=1, choice__lte=4), name="vote_choice_range"),
        ]

    def __str__(self):
        return f"{self.page}: {self.get_choice_display()}"


class OfficePageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class OfficePage(models.Model):
    """A page about the office itself (profile, its fields, services, contact).

    Administrators write them in the admin; the body is Markdown, sanitised to
    HTML on save.
    """

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(
        _("text"), help_text=_("Plain text; an empty line between paragraphs. ## for a heading.")
    )
    body_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(_("order in the footer"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    objects = OfficePageQuerySet.as_manager()

    class Meta:
        verbose_name = _("office page")
        verbose_name_plural = _("office pages")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = richtext.to_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("portal:office_page", args=[self.slug])


class SearchEntry(models.Model):
    """One public thing in the site-wide search index (see portal.search)."""

    kind = models.CharField(_("kind"), max_length=20)
    key = models.CharField(_("key"), max_length=64)
    title = models.CharField(_("title"), max_length=300)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("searchable text"), blank=True)
    # Folded title and summary with compact forms of names (see portal.search_text).
    names = models.TextField(_("searchable names"), blank=True)
    url = models.CharField(_("address"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    visible_from = models.DateTimeField(_("visible from"), null=True, blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_entry_unique")]
        indexes = [models.Index(fields=["kind", "-date"], name="search_entry_kind_date")]

    def __str__(self):
        return self.title


class DataVersion(models.Model):
    """A counter that every publication of a kind of public data moves (see portal.data_versions).

    Caches of rendered page parts are keyed on it, so a part is never served
    after the data it shows was published anew.
    """

    topic = models.CharField(_("topic"), max_length=40, primary_key=True)
    number = models.BigIntegerField(_("number"), default=0)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return f"{self.topic} {self.number}"


scoping.register(Village, village="pk")
scoping.register(VillageOfficial, village="village")
