"""Matching the villages of an export to the portal's villages.

`export_villages` lists the villages an export holds with the names its
``Ref_Kecamatan`` and ``Ref_Desa`` give them; `match_villages` pairs each with
a portal village: the confirmed mapping (`ogp.models.SiskeudesVillage`) if
there is one, else a *suggestion* when exactly one village of that name lies
in the kecamatan of that name, else nothing. A suggestion is only used once a
person confirms it (`remember_matches`); nothing is guessed silently.
"""

import re
from dataclasses import dataclass

from django.utils import timezone

from portal.models import District, Village, fold

from ..models import SiskeudesVillage

CONFIRMED, SUGGESTED, UNMATCHED = "confirmed", "suggested", "unmatched"
_PREFIXES = re.compile(r"^(kecamatan|kec\.?|desa|kelurahan|kel\.?)\s+")


@dataclass(frozen=True)
class ExportVillage:
    code: str  # KK.DDDD.
    district_name: str
    village_name: str


@dataclass(frozen=True)
class Match:
    source: ExportVillage
    village: Village | None
    state: str  # CONFIRMED, SUGGESTED or UNMATCHED
    candidates: int = 0  # villages of that name in the kecamatan, when not exactly one


def name_key(name):
    """ "KECAMATAN  Kota Bojonegoro" and "kota bojonegoro" compare equal."""
    folded = re.sub(r"\s+", " ", fold(name or ""))
    return _PREFIXES.sub("", folded).replace("-", " ").strip()


def export_villages(export, codes):
    """The `ExportVillage` of each Siskeudes code in `codes`, named from the reference tables."""
    districts = {row["Kd_Kec"]: row["Nama_Kecamatan"] for _n, row in export.rows("Ref_Kecamatan")}
    names = {}
    for _number, row in export.rows("Ref_Desa"):
        names[row["Kd_Desa"]] = (districts.get(row["Kd_Kec"], ""), row["Nama_Desa"])
    return {
        code: ExportVillage(code, *names.get(code, (districts.get(code[:2], ""), "")))
        for code in sorted(codes)
    }


def match_villages(sources):
    """{code: Match} for the `ExportVillage` values of `sources`, in a fixed number of queries."""
    mappings = {
        mapping.code: mapping
        for mapping in SiskeudesVillage.objects.filter(code__in=list(sources)).select_related("village")
    }
    districts = {}
    for district in District.objects.all():
        districts.setdefault(name_key(district.name), []).append(district.code)
    villages = {}
    for village in Village.objects.select_related("district"):
        villages.setdefault((village.district_id, name_key(village.name)), []).append(village)
    matches = {}
    for code, source in sources.items():
        mapping = mappings.get(code)
        if mapping is not None:
            matches[code] = Match(source, mapping.village, CONFIRMED)
            continue
        found = [
            village
            for district in districts.get(name_key(source.district_name), [])
            for village in villages.get((district, name_key(source.village_name)), [])
        ]
        if len(found) == 1:
            matches[code] = Match(source, found[0], SUGGESTED)
        else:
            matches[code] = Match(source, None, UNMATCHED, candidates=len(found))
    return matches


def remember_matches(matches, *, by=None):
    """Store the suggestions a person confirmed as mappings (in two queries); returns how many were stored."""
    suggested = {match.source.code: match for match in matches if match.state == SUGGESTED and match.village}
    known = set(SiskeudesVillage.objects.filter(code__in=list(suggested)).values_list("code", flat=True))
    SiskeudesVillage.objects.bulk_create(
        [
            SiskeudesVillage(
                code=code,
                district_name=match.source.district_name[:100],
                village_name=match.source.village_name[:100],
                village=match.village,
                confirmed_by=by,
                confirmed_at=timezone.now(),
            )
            for code, match in suggested.items()
            if code not in known
        ]
    )
    return len(suggested) - len(known)
