"""Which portal village a Siskeudes village code stands for.

Siskeudes numbers villages ``KK.DDDD.`` within its own database (kecamatan
index, village index); these are not Kemendagri codes. The import proposes a
match from the names in ``Ref_Kecamatan``/``Ref_Desa`` and stores it here
once a person confirms it; an administrator corrects a wrong match in the back
office. An import never uses a match nobody confirmed.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Village

SISKEUDES_CODE_RE = r"^\d{2}\.\d{4}\.$"


class SiskeudesVillage(models.Model):
    """A Siskeudes village code, the names the export gave it and the portal village it is."""

    code = models.CharField(
        _("Siskeudes village code"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(SISKEUDES_CODE_RE, _("Use the form KK.DDDD. (with the final dot)."))],
    )
    district_name = models.CharField(_("kecamatan in the export"), max_length=100, blank=True)
    village_name = models.CharField(_("village in the export"), max_length=100, blank=True)
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        related_name="siskeudes_codes",
        verbose_name=_("portal village"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), auto_now=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    class Meta:
        verbose_name = _("Siskeudes village")
        verbose_name_plural = _("Siskeudes villages")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.village_name} → {self.village_id}"
