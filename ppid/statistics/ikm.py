"""The satisfaction index (IKM) of PermenPANRB 14/2017.

Per element the mean score NRR = sum / respondents, IKM = Σ NRR × 1/9 on the
1–4 scale, converted IKM = IKM × 25, graded A–D. Survey responses count in
the year they were submitted; the sums are read from the counted figures
(`Tally`, measures ``ikm_respondents`` and ``ikm_sum``).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

from ..models import ELEMENTS, PpidUnit, Tally

TWO_PLACES = Decimal("0.01")


GRADES = [
    (Decimal("88.31"), "A", _("Very good (Sangat Baik)")),
    (Decimal("76.61"), "B", _("Good (Baik)")),
    (Decimal("65.00"), "C", _("Not good enough (Kurang Baik)")),
    (Decimal("25.00"), "D", _("Poor (Tidak Baik)")),
]


def grade(converted):
    """The letter and performance label for a converted IKM (25–100)."""
    for floor, letter, label in GRADES:
        if converted >= floor:
            return letter, label
    return "D", GRADES[-1][2]


def _two_places(value):
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True)
class Ikm:
    respondents: int
    element_means: list  # (label, NRR as Decimal with 2 places)
    ikm: Decimal  # on the 1–4 scale, 2 places
    converted: Decimal  # IKM × 25, 2 places
    grade: str
    grade_label: str


def compute_ikm(respondents, sums):
    """IKM from the respondent count and the nine element sums, computed exactly then rounded."""
    if not respondents:
        return None
    total = Fraction(sum(sums), 9 * respondents)
    converted = _two_places(total * 25)
    letter, label = grade(converted)
    return Ikm(
        respondents=respondents,
        element_means=[
            (label_, _two_places(Fraction(s, respondents)))
            for (_name, label_), s in zip(ELEMENTS, sums, strict=True)
        ],
        ikm=_two_places(total),
        converted=converted,
        grade=letter,
        grade_label=label,
    )


@dataclass(frozen=True)
class UnitIkm:
    unit: PpidUnit
    year: int
    ikm: Ikm


def _read(tallies):
    """{(unit id or None, year): (respondents, [sum per element])} from the survey tallies; one query."""
    found = {}
    for unit_id, year, measure, key, count in tallies.filter(
        measure__in=["ikm_respondents", "ikm_sum"]
    ).values_list("unit_id", "year", "measure", "key", "count"):
        entry = found.setdefault((unit_id, year), [0, dict.fromkeys(_NAMES, 0)])
        if measure == "ikm_respondents":
            entry[0] += count
        else:
            entry[1][key] += count
    return {key: (n, [sums[name] for name in _NAMES]) for key, (n, sums) in found.items() if n}


_NAMES = [name for name, _label in ELEMENTS]


def ikm_by_unit_and_year(year=None):
    """The IKM of every unit and year with responses; two queries."""
    tallies = Tally.objects.filter(unit__isnull=False)
    if year is not None:
        tallies = tallies.filter(year=year)
    rows = _read(tallies)
    units = PpidUnit.objects.select_related("village").in_bulk({unit_id for unit_id, _year in rows})
    result = [
        UnitIkm(units[unit_id], row_year, compute_ikm(n, sums))
        for (unit_id, row_year), (n, sums) in rows.items()
        if unit_id in units
    ]
    result.sort(key=lambda item: (-item.year, item.unit.kind_order, item.unit.name))
    return result


def ikm_by_year():
    """The regency-wide IKM per year, newest first; one query."""
    rows = _read(Tally.objects.filter(unit__isnull=True))
    return sorted(((year, compute_ikm(n, sums)) for (_unit, year), (n, sums) in rows.items()), reverse=True)
