"""The letterhead (kop surat) of a unit's letters, from the region settings and the unit's own record.

The government's name comes from ``REGION_CODE`` (“PEMERINTAH KABUPATEN
BOJONEGORO”), its emblem from ``REGION_LOGO`` (a static file); then the office
(the agency, or the kecamatan and village of a PPID Desa), the unit's name and
its service desk address. The place on the date line is the village for a PPID
Desa and the regency or city otherwise.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static

from portal import wilayah

LOGO_TYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}


@dataclass(frozen=True)
class Letterhead:
    government: str  # "PEMERINTAH KABUPATEN BOJONEGORO"
    office_lines: tuple  # ("KECAMATAN KAPAS", "DESA SEDAHKIDUL") or ("DINAS KESEHATAN",)
    unit_name: str
    contact: str  # address, phone and e-mail on one line
    place: str  # "Bojonegoro", "Sedahkidul"
    logo: str  # static path of the emblem, "" when none is set

    @property
    def logo_url(self):
        """The emblem's address for the print page, or "" when it is not among the static files."""
        if not self.logo:
            return ""
        try:
            return static(self.logo)
        except ValueError:  # not collected (manifest storage): leave the emblem out, never fail
            return ""


def logo_bytes(path):
    """The emblem file's bytes and its kind ("png", "jpeg", "svg"), or (None, "") when it cannot be read."""
    kind = LOGO_TYPES.get(path[path.rfind(".") :].lower(), "") if "." in path else ""
    if not path or not kind:
        return None, ""
    found = finders.find(path)
    try:
        if found:
            with open(found, "rb") as handle:
                return handle.read(), kind
        with staticfiles_storage.open(path) as handle:
            return handle.read(), kind
    except (OSError, ValueError):
        return None, ""


def _office_lines(unit):
    if unit.village_id:
        village = unit.village
        kind = "KELURAHAN" if village.kind == "kelurahan" else "DESA"
        return (f"KECAMATAN {village.district.name.upper()}", f"{kind} {village.name.upper()}")
    agency = unit.agency or (settings.OFFICE_NAME if unit.kind == "utama" else "")
    return (agency.upper(),) if agency else ()


def _contact(unit):
    village = unit.village if unit.village_id else None
    address = unit.address or (village.office_address if village else "")
    phone = unit.phone or (village.public_phone if village else "")
    email = unit.email or (village.public_email if village else "")
    if unit.kind == "utama":
        address = address or settings.OFFICE_ADDRESS
        phone = phone or settings.OFFICE_PHONE
        email = email or settings.OFFICE_EMAIL
    parts = [address]
    if phone:
        parts.append(f"Telp. {phone}")
    if email:
        parts.append(f"E-mail: {email}")
    return " · ".join(part for part in parts if part)


def letterhead_for(unit):
    """The letterhead of `unit`'s letters (reads the unit's village and kecamatan if not loaded)."""
    regency = wilayah.deployment()
    return Letterhead(
        government=regency.government_name.upper(),
        office_lines=_office_lines(unit),
        unit_name=unit.name,
        contact=_contact(unit),
        place=unit.village.name if unit.village_id else regency.name,
        logo=settings.REGION_LOGO,
    )
