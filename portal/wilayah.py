"""Kemendagri region codes: parsing, naming and reading the bundled data file.

The data file (`portal/data/wilayah/kemendagri_base.csv`, see its README for
attribution) lists every Indonesian region. The deployment's own territory is
loaded into the database by `load_regions`; this module also answers questions
about any other region (a visiting government's province, say) straight from the
file, without the database.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "wilayah" / "kemendagri_base.csv"

PROVINCE_RE = re.compile(r"^\d{2}$")
REGENCY_RE = re.compile(r"^\d{2}\.\d{2}$")
DISTRICT_RE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
VILLAGE_RE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$")


class RegionCodeError(ValueError):
    """A region code that is malformed or not in the Kemendagri list."""


def level_of(code):
    """Return "province", "regency", "district" or "village" for a well-formed code."""
    for level, pattern in (
        ("province", PROVINCE_RE),
        ("regency", REGENCY_RE),
        ("district", DISTRICT_RE),
        ("village", VILLAGE_RE),
    ):
        if pattern.match(code or ""):
            return level
    return None


def village_kind(code):
    """`desa` for a `.2NNN` code, `kelurahan` for a `.1NNN` code."""
    return "kelurahan" if code.rsplit(".", 1)[-1].startswith("1") else "desa"


def _title(name):
    """Kemendagri writes regencies and provinces in capitals; show them in title case."""
    words = []
    for word in name.split():
        words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


@dataclass(frozen=True)
class Regency:
    code: str
    kind: str  # "kabupaten" or "kota"
    name: str  # "Bojonegoro"
    province_code: str
    province_name: str

    @property
    def full_name(self):
        """ "Kabupaten Bojonegoro", "Kota Magelang"."""
        return f"{'Kota' if self.kind == 'kota' else 'Kabupaten'} {self.name}"

    @property
    def government_name(self):
        """ "Pemerintah Kabupaten Bojonegoro": a proper name, not translated."""
        return f"Pemerintah {self.full_name}"

    @property
    def short_government_name(self):
        """ "Pemkab Bojonegoro", "Pemkot Magelang"."""
        return f"{'Pemkot' if self.kind == 'kota' else 'Pemkab'} {self.name}"


@cache
def _upper_levels():
    """Provinces and regencies of all Indonesia, read once per process."""
    provinces, regencies = {}, {}
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        for code, name in csv.reader(handle):
            if PROVINCE_RE.match(code):
                provinces[code] = _title(name)
            elif REGENCY_RE.match(code):
                regencies[code] = name
    return provinces, regencies


def province_name(code):
    """The province name for a province code or any code beneath it."""
    return _upper_levels()[0].get((code or "")[:2])


def regency(code):
    """Look up a kabupaten/kota by its `PP.KK` code; raise RegionCodeError if unknown."""
    if not REGENCY_RE.match(code or ""):
        raise RegionCodeError(
            _("“%(code)s” is not a kabupaten/kota code; expected the form PP.KK, e.g. 35.22.")
            % {"code": code}
        )
    provinces, regencies = _upper_levels()
    raw = regencies.get(code)
    if raw is None:
        raise RegionCodeError(_("“%(code)s” is not in the Kemendagri region list.") % {"code": code})
    if raw.upper().startswith("KOTA "):
        kind, name = "kota", raw[5:]
    else:
        kind, name = "kabupaten", raw.removeprefix("KAB. ").removeprefix("KABUPATEN ")
    return Regency(
        code=code,
        kind=kind,
        name=_title(name),
        province_code=code[:2],
        province_name=provinces.get(code[:2], ""),
    )


def regency_or_none(code):
    try:
        return regency(code)
    except RegionCodeError:
        return None


def deployment():
    """The regency or city this portal serves (the REGION_CODE setting)."""
    return regency(settings.REGION_CODE)


def territory_rows(regency_code):
    """Yield (code, name) for every kecamatan and village under a regency code."""
    prefix = regency_code + "."
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        for code, name in csv.reader(handle):
            if code.startswith(prefix):
                yield code, name.strip()


def provinces():
    """All provinces as (code, name), sorted by code."""
    return sorted(_upper_levels()[0].items())
