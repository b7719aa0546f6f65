"""PPID units: the regency's PPID Utama, one PPID Pelaksana per agency and one PPID Desa per village."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import District, Village


class PpidUnitQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate for public pages: active units."""
        return self.filter(is_active=True)

    def for_list(self):
        return self.select_related("village__district").order_by("kind_order", "name", "pk")

    def choices(self):
        """(slug, label) of each unit for a select box, in list order, read without building models.

        A village's unit is labelled with its kecamatan, since several villages share a name.
        """
        rows = self.order_by("kind_order", "name", "pk").values_list(
            "slug", "name", "village__district__name"
        )
        return [
            (slug, f"{name} ({District.label_of(district)})" if district else name)
            for slug, name, district in rows
        ]

    def regency_level(self):
        return self.exclude(kind=PpidUnit.Kind.DESA)

    def villages(self):
        return self.filter(kind=PpidUnit.Kind.DESA)


class PpidUnit(models.Model):
    """A body that holds public information and answers requests for it."""

    class Kind(models.TextChoices):
        UTAMA = "utama", _("PPID Utama (regency)")
        PELAKSANA = "pelaksana", _("PPID Pelaksana (agency)")
        DESA = "desa", _("PPID Desa (village)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Sorts PPID Utama first, then agencies, then villages, without a CASE in every query.
    kind_order = models.PositiveSmallIntegerField(_("kind order"), editable=False, default=0)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("For example “PPID Desa Sedahkidul” or “PPID Dinas Kesehatan”."),
    )
    slug = models.SlugField(_("short name for addresses"), max_length=100, unique=True)
    agency = models.CharField(
        _("agency"),
        max_length=200,
        blank=True,
        help_text=_("The government office the unit belongs to, e.g. “Dinas Komunikasi dan Informatika”."),
    )
    village = models.OneToOneField(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ppid_unit",
        verbose_name=_("village"),
        help_text=_("Only for a PPID Desa."),
    )
    officer_name = models.CharField(_("officer holding the post"), max_length=150, blank=True)
    officer_position = models.CharField(
        _("officer's position"),
        max_length=150,
        blank=True,
        help_text=_("In a village this is usually the Sekretaris Desa."),
    )
    decree_number = models.CharField(_("decree number"), max_length=150, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    atasan_name = models.CharField(_("atasan PPID (name)"), max_length=150, blank=True)
    atasan_position = models.CharField(
        _("atasan PPID (position)"),
        max_length=150,
        help_text=_("Who decides objections, e.g. “Kepala Desa Sedahkidul” or “Sekretaris Daerah”."),
    )
    letter_code = models.CharField(
        _("code in letter numbers"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9.\-]*$",
                _("Use letters, digits, dots and dashes only (no slashes or spaces)."),
            )
        ],
        help_text=_(
            "The unit's part of its letter numbers, e.g. “PPID-BJN” in 045/PT/PPID-BJN/2026. "
            "Empty: PPID and the region's abbreviation for the PPID Utama, PPID and the short name otherwise."
        ),
    )
    address = models.CharField(_("service desk address"), max_length=255, blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Public address; reminders about due requests are sent here too."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PpidUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("PPID unit")
        verbose_name_plural = _("PPID units")
        ordering = ["kind_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["utama", "pelaksana", "desa"]), name="ppid_unit_kind_valid"
            ),
            models.CheckConstraint(
                condition=(Q(kind="desa") & Q(village__isnull=False))
                | (~Q(kind="desa") & Q(village__isnull=True)),
                name="ppid_unit_village_iff_desa",
                violation_error_message=_("A PPID Desa needs its village; other units have none."),
            ),
            models.UniqueConstraint(
                fields=["letter_code"],
                condition=~Q(letter_code=""),
                name="ppid_unit_letter_code_unique",
                violation_error_message=_("Another unit already uses this code in its letter numbers."),
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="utama"),
                name="ppid_one_utama",
                violation_error_message=_("There is already a PPID Utama."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.kind_order = {self.Kind.UTAMA: 0, self.Kind.PELAKSANA: 1, self.Kind.DESA: 2}.get(self.kind, 3)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ppid:unit", args=[self.slug])

    @property
    def atasan(self):
        """“Kepala Desa Sedahkidul (Sutrisno)”, or the position alone."""
        if self.atasan_name:
            return f"{self.atasan_position} ({self.atasan_name})"
        return self.atasan_position


class Coverage:
    """How many villages of a kecamatan (or the regency) have a PPID Desa."""

    def __init__(self, villages, with_ppid):
        self.villages = villages
        self.with_ppid = with_ppid

    @property
    def share(self):
        return round(100 * self.with_ppid / self.villages, 1) if self.villages else None


def coverage_by_district(district_codes=None):
    """Per kecamatan: (district, Coverage) for desa; one query."""
    districts = District.objects.annotate(
        desa_total=Count("villages", filter=Q(villages__kind=Village.Kind.DESA), distinct=True),
        desa_with_ppid=Count(
            "villages__ppid_unit",
            filter=Q(villages__kind=Village.Kind.DESA, villages__ppid_unit__is_active=True),
            distinct=True,
        ),
    ).order_by("name")
    if district_codes is not None:
        districts = districts.filter(code__in=district_codes)
    return [(district, Coverage(district.desa_total, district.desa_with_ppid)) for district in districts]
