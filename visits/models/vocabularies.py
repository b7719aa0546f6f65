"""Shared vocabularies of the visits: who visits, what about, and which units host.

An `Institution` is the visiting body. For an Indonesian regional government
(Pemkab, Pemkot, Pemprov, DPRD) it carries its Kemendagri region code, from
which its province is derived (Pemkot Magelang, 33.71, lies in Jawa Tengah); the
province is stored as a column so lists can be filtered by it. `Topic` and
`HostUnit` are short controlled lists editors pick from, so that statistics and
filters count the same thing under one name.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import wilayah

from ..slugs import free_slug, propose_slug

PROVINCE_OR_REGENCY_RE = r"^[0-9]{2}(\.[0-9]{2})?$"


class InstitutionQuerySet(models.QuerySet):
    def search(self, text):
        text = (text or "").strip()
        if not text:
            return self.none()
        return self.filter(Q(name__icontains=text) | Q(short_name__icontains=text))


class Institution(models.Model):
    """A government or organisation that sends delegations."""

    class Kind(models.TextChoices):
        PEMKAB = "pemkab", _("Regency government (Pemkab)")
        PEMKOT = "pemkot", _("City government (Pemkot)")
        PEMPROV = "pemprov", _("Provincial government (Pemprov)")
        MINISTRY = "kementerian", _("Ministry or national agency")
        DPRD = "dprd", _("Regional parliament (DPRD)")
        UNIVERSITY = "universitas", _("University")
        FOREIGN = "asing", _("Foreign government")
        OTHER = "lainnya", _("Other")

    # Kinds that are Indonesian regional bodies and therefore have a region code.
    REGIONAL_KINDS = (Kind.PEMKAB, Kind.PEMKOT, Kind.PEMPROV, Kind.DPRD)

    name = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_("The full official name, e.g. “Pemerintah Kota Magelang”."),
    )
    short_name = models.CharField(
        _("short name"), max_length=80, blank=True, help_text=_("e.g. “Pemkot Magelang”.")
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    region_code = models.CharField(
        _("Kemendagri region code"),
        max_length=5,
        blank=True,
        help_text=_(
            "For Indonesian regional bodies: the province code (PP, e.g. 33) or the "
            "regency/city code (PP.KK, e.g. 33.71). The province is derived from it."
        ),
    )
    # Derived from region_code on save; a column so that lists filter on it.
    province_code = models.CharField(
        _("province code"), max_length=2, blank=True, editable=False, db_index=True
    )
    country = models.CharField(
        _("country"),
        max_length=100,
        blank=True,
        help_text=_("For foreign governments only, e.g. “Kenya”."),
    )
    website = models.URLField(_("website"), blank=True)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "pemkab",
                        "pemkot",
                        "pemprov",
                        "kementerian",
                        "dprd",
                        "universitas",
                        "asing",
                        "lainnya",
                    ]
                ),
                name="visits_institution_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(region_code="") | Q(region_code__regex=PROVINCE_OR_REGENCY_RE),
                name="visits_institution_region_code_form",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["pemkab", "pemkot", "pemprov"]) | ~Q(region_code=""),
                name="visits_institution_regional_has_code",
            ),
            models.CheckConstraint(
                condition=~Q(kind="asing") | Q(region_code=""),
                name="visits_institution_foreign_has_no_code",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.province_code = self.region_code[:2] if self.region_code else ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "region_code" in update_fields:
            kwargs["update_fields"] = {*update_fields, "province_code"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        code = (self.region_code or "").strip()
        self.region_code = code
        errors = {}
        level = wilayah.level_of(code) if code else None
        if code and level not in ("province", "regency"):
            errors["region_code"] = _("Use a province code (PP) or a regency/city code (PP.KK).")
        elif level == "province" and not wilayah.province_name(code):
            errors["region_code"] = _("“%(code)s” is not a province in the Kemendagri list.") % {"code": code}
        elif level == "regency" and wilayah.regency_or_none(code) is None:
            errors["region_code"] = _("“%(code)s” is not in the Kemendagri region list.") % {"code": code}
        elif self.kind == self.Kind.FOREIGN:
            if code:
                errors["region_code"] = _("A foreign government has no Kemendagri region code.")
            if not self.country:
                errors["country"] = _("Name the country of a foreign government.")
        elif self.kind in (self.Kind.PEMKAB, self.Kind.PEMKOT):
            regency = wilayah.regency_or_none(code) if level == "regency" else None
            wanted = "kabupaten" if self.kind == self.Kind.PEMKAB else "kota"
            if regency is None:
                errors["region_code"] = _("Give the regency or city code (PP.KK) of this government.")
            elif regency.kind != wanted:
                errors["region_code"] = _("%(code)s is %(name)s, which does not match the type chosen.") % {
                    "code": code,
                    "name": regency.full_name,
                }
        elif self.kind == self.Kind.PEMPROV and level != "province":
            errors["region_code"] = _("Give the province code (PP) of this provincial government.")
        if errors:
            raise ValidationError(errors)

    @property
    def label(self):
        """The short name when there is one: “Pemkot Magelang”."""
        return self.short_name or self.name

    @property
    def province_name(self):
        return wilayah.province_name(self.province_code) if self.province_code else ""

    @property
    def regency(self):
        """The kabupaten/kota of a regency-level code, else None."""
        if wilayah.level_of(self.region_code) == "regency":
            return wilayah.regency_or_none(self.region_code)
        return None

    @property
    def origin(self):
        """Where the delegation came from: “Kota Magelang, Jawa Tengah”, “Kenya”."""
        if self.kind == self.Kind.FOREIGN:
            return self.country
        regency = self.regency
        if regency is not None:
            return f"{regency.full_name}, {regency.province_name}"
        return self.province_name


class TopicQuerySet(models.QuerySet):
    def search(self, text):
        text = (text or "").strip()
        return self.filter(name__icontains=text) if text else self.none()


class Topic(models.Model):
    """A subject of visits (OGP, KIM, PPID, …): one shared list for filters and statistics."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("address name"),
        max_length=60,
        unique=True,
        blank=True,
        help_text=_("Used in filter links, e.g. “ogp”. Leave empty to derive it from the name."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=~Q(slug=""), name="visits_topic_slug_not_empty")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = free_slug(Topic, propose_slug(self.name, max_length=60, fallback="topik"), self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("visits:list") + f"?topik={self.slug}"


class HostUnit(models.Model):
    """A unit of the host government that attended a visit (BAPPEDA, Dinas Kominfo, …)."""

    name = models.CharField(
        _("name"), max_length=150, unique=True, help_text=_("As usually written, e.g. “BAPPEDA”.")
    )
    full_name = models.CharField(
        _("full name"),
        max_length=250,
        blank=True,
        help_text=_("e.g. “Badan Perencanaan Pembangunan Daerah”."),
    )

    class Meta:
        verbose_name = _("host unit")
        verbose_name_plural = _("host units")
        ordering = ["name"]

    def __str__(self):
        return self.name
