"""What the two file imports share: the villages of a file and the result they report."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal import scoping
from portal.models import Village

from .. import imports
from ..imports import RowError
from ..models import BudgetVersion, RealisationReport


@dataclass
class VillageOutcome:
    village: Village
    rows: int
    outcome: str  # "created", "replaced" or "unchanged"
    version: BudgetVersion | None = None
    report: RealisationReport | None = None


@dataclass
class ImportResult:
    outcomes: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for item in self.outcomes if item.outcome == outcome)

    @property
    def lines(self):
        return sum(item.rows for item in self.outcomes if item.outcome != "unchanged")


def kelurahan_refusal(village):
    """Why `village` cannot have an APBDes, or None for a desa.

    A kelurahan is part of the regency administration under the camat; its
    spending sits in the regency budget (APBD), so it has no Perdes and no APBDes.
    """
    if village.kind != Village.Kind.KELURAHAN:
        return None
    return _(
        "%(village)s is a kelurahan: it is funded through the regency budget (APBD) and has no APBDes. "
        "Only a desa imports an APBDes or its realisation."
    ) % {"village": village.label}


def villages_for(parsed, user):
    """The villages of a parsed file, checking they exist, are desa and lie in the user's scope."""
    villages = Village.objects.in_bulk(list(parsed.by_village))
    errors = []
    for code, rows in parsed.by_village.items():
        village = villages.get(code)
        if village is None:
            errors.append(
                RowError(
                    rows[0].row, "kode_desa", _("There is no village with code %(code)s.") % {"code": code}
                )
            )
        elif refusal := kelurahan_refusal(village):
            errors.append(RowError(rows[0].row, "kode_desa", refusal))
        elif user is not None and not scoping.in_scope(village, user):
            errors.append(
                RowError(
                    rows[0].row,
                    "kode_desa",
                    _("%(village)s is outside the villages you may publish for.")
                    % {"village": village.label},
                )
            )
    return villages, errors


def _regency_village_codes():
    return set(Village.objects.values_list("code", flat=True))


def parse_file(upload, *, chart, year, village, village_codes, purpose):
    """Read and check the whole file (`ogp.imports.parse`) against the reference data and the villages."""
    return imports.parse(
        upload,
        chart=chart or imports.Chart.load(),
        year=year,
        village_code=village.code if village else None,
        village_codes=village_codes if village_codes is not None else _regency_village_codes(),
        purpose=purpose,
    )
