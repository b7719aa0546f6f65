"""Reference data: the Permendagri 20/2018 chart of accounts, the functional
classification of spending and the sources of funds.

The national rows ship with the app (``ogp/data/*.csv``, loaded by a data
migration) and are marked ``is_national``; their codes never change. A regency
may add its own obyek (numbers 90–99 under any jenis) and kegiatan (90–99 under
any sub-bidang) in the back office; the database refuses any other addition.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ACCOUNT_CODE_RE = re.compile(r"^[4-6](\.[1-9](\.[1-9](\.\d{2})?)?)?$")
ACTIVITY_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2})?)?$")
REGIONAL_NUMBERS = range(90, 100)


class FundSource(models.Model):
    """A source of funds as Siskeudes codes it (DDS, ADD, PBH, PAD, PBK, PBP, …)."""

    code = models.CharField(
        _("code"),
        max_length=10,
        primary_key=True,
        help_text=_("The Siskeudes code, e.g. DDS for Dana Desa."),
    )
    alternative_codes = models.CharField(
        _("alternative codes"),
        max_length=60,
        blank=True,
        help_text=_("Other codes accepted in imported files, separated by commas (e.g. BKK for PBK)."),
    )
    name = models.CharField(_("name"), max_length=150)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("source of funds")
        verbose_name_plural = _("sources of funds")
        ordering = ["order", "code"]

    def __str__(self):
        return f"{self.code} – {self.name}"

    def all_codes(self):
        """The code and every alternative code, upper-case."""
        extra = [part.strip().upper() for part in self.alternative_codes.split(",") if part.strip()]
        return [self.code.upper(), *extra]


class Account(models.Model):
    """One row of the chart of accounts: akun › kelompok › jenis › obyek.

    Codes are written ``4``, ``4.2``, ``4.2.1`` and ``4.2.1.01``; budget lines
    always use an obyek. Revenue rows name the source of funds they count as.
    """

    class Level(models.IntegerChoices):
        AKUN = 1, _("akun")
        KELOMPOK = 2, _("kelompok")
        JENIS = 3, _("jenis")
        OBYEK = 4, _("obyek")

    code = models.CharField(
        _("account code"),
        max_length=12,
        primary_key=True,
        help_text=_("For example 5.2.1.02. A new obyek must be numbered 90–99, e.g. 4.1.4.91."),
    )
    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, editable=False)
    number = models.PositiveSmallIntegerField(_("number within its parent"), editable=False)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="children",
        verbose_name=_("parent"),
    )
    fund_source = models.ForeignKey(
        FundSource,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
        verbose_name=_("source of funds"),
        help_text=_("For revenue: the source this revenue counts as. Left empty, the parent's is used."),
    )
    is_national = models.BooleanField(_("national (Permendagri 20/2018)"), default=False, editable=False)

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("chart of accounts")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="ogp_account_level_range"),
            models.CheckConstraint(
                condition=Q(is_national=True) | Q(level=4, number__gte=90, number__lte=99),
                name="ogp_account_regional_obyek_90_99",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        self.level, self.number, parent_code = split_account_code(self.code)
        self.parent_id = parent_code
        if self.fund_source_id is None and self.parent_id and self.code.startswith("4"):
            self.fund_source_id = (
                Account.objects.filter(code=self.parent_id).values_list("fund_source_id", flat=True).first()
            )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not ACCOUNT_CODE_RE.match(self.code or ""):
            raise ValidationError(
                {"code": _("Write the code as akun.kelompok.jenis.obyek, e.g. 4.1.4.91.")}, code="format"
            )
        level, number, parent_code = split_account_code(self.code)
        if not self.is_national:
            if level != self.Level.OBYEK or number not in REGIONAL_NUMBERS:
                raise ValidationError(
                    {"code": _("Only obyek numbered 90–99 can be added by the regency, e.g. 4.1.4.91.")},
                    code="regional_range",
                )
            if not Account.objects.filter(code=parent_code, level=self.Level.JENIS).exists():
                raise ValidationError(
                    {"code": _("The jenis %(code)s does not exist.") % {"code": parent_code}},
                    code="no_parent",
                )

    @property
    def is_regional(self):
        return not self.is_national


def split_account_code(code):
    """(level, number, parent code) of an account code: "4.2.1.01" → (4, 1, "4.2.1")."""
    parts = code.split(".")
    parent = ".".join(parts[:-1]) or None
    return len(parts), int(parts[-1]), parent


class Activity(models.Model):
    """The functional classification of spending: bidang › sub-bidang › kegiatan (``01.02.03``)."""

    class Level(models.IntegerChoices):
        BIDANG = 1, _("bidang")
        SUB_BIDANG = 2, _("sub-bidang")
        KEGIATAN = 3, _("kegiatan")

    code = models.CharField(
        _("activity code"),
        max_length=8,
        primary_key=True,
        help_text=_("For example 01.01.04. A new kegiatan must be numbered 90–99, e.g. 02.03.91."),
    )
    name = models.CharField(_("name"), max_length=250)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, editable=False)
    number = models.PositiveSmallIntegerField(_("number within its parent"), editable=False)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="children",
        verbose_name=_("parent"),
    )
    is_national = models.BooleanField(_("national (Permendagri 20/2018)"), default=False, editable=False)

    class Meta:
        verbose_name = _("bidang/sub-bidang/kegiatan")
        verbose_name_plural = _("functional classification")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=3), name="ogp_activity_level_range"),
            models.CheckConstraint(
                condition=Q(is_national=True) | Q(level=3, number__gte=90, number__lte=99),
                name="ogp_activity_regional_kegiatan_90_99",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        self.level, self.number, self.parent_id = split_activity_code(self.code)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not ACTIVITY_CODE_RE.match(self.code or ""):
            raise ValidationError(
                {"code": _("Write the code as bidang.sub-bidang.kegiatan, e.g. 02.03.91.")}, code="format"
            )
        level, number, parent_code = split_activity_code(self.code)
        if not self.is_national:
            if level != self.Level.KEGIATAN or number not in REGIONAL_NUMBERS:
                raise ValidationError(
                    {"code": _("Only kegiatan numbered 90–99 can be added by the regency, e.g. 02.03.91.")},
                    code="regional_range",
                )
            if not Activity.objects.filter(code=parent_code, level=self.Level.SUB_BIDANG).exists():
                raise ValidationError(
                    {"code": _("The sub-bidang %(code)s does not exist.") % {"code": parent_code}},
                    code="no_parent",
                )

    @property
    def is_regional(self):
        return not self.is_national


def split_activity_code(code):
    """(level, number, parent code): "01.02.03" → (3, 3, "01.02")."""
    parts = code.split(".")
    parent = ".".join(parts[:-1]) or None
    return len(parts), int(parts[-1]), parent


def line_problems(*, account_code, account_level, account_source, activity_code, activity_level, source_code):
    """What is wrong with the codes of one budget line, as (field, message) pairs.

    Shared by the line form in the back office and the file import, so both
    apply the same rules: lines use an obyek; spending (5) names its kegiatan
    and source of funds; only spending has a kegiatan; revenue counts as the
    source its account says.
    """
    problems = []
    if account_level != Account.Level.OBYEK:
        problems.append(
            (
                "account",
                _("Use an obyek account (four levels, e.g. 5.2.1.02), not %(code)s.")
                % {"code": account_code},
            )
        )
    if account_code.startswith("5"):
        if not activity_code:
            problems.append(("activity", _("A spending line needs its kegiatan code (e.g. 01.01.04).")))
        elif activity_level != Activity.Level.KEGIATAN:
            problems.append(
                (
                    "activity",
                    _("Use a kegiatan code (three levels, e.g. 01.01.04), not %(code)s.")
                    % {"code": activity_code},
                )
            )
        if not source_code:
            problems.append(("fund_source", _("A spending line needs its source of funds (e.g. DDS).")))
    elif activity_code:
        problems.append(("activity", _("Only spending lines (account 5) have a kegiatan code.")))
    if account_code.startswith("4") and source_code and account_source and source_code != account_source:
        problems.append(
            (
                "fund_source",
                _("Account %(account)s counts as %(expected)s, not %(given)s.")
                % {"account": account_code, "expected": account_source, "given": source_code},
            )
        )
    return problems
