"""The demo's PPID units, regulations, service standards and annual report."""

import datetime

from django.utils.text import slugify

from portal import demo, wilayah
from portal.models import Village

from ..models import AnnualReport, PpidUnit, Regulation, ServiceStandard
from .content import AGENCIES, FIRST_NAMES, MAKLUMAT, REGULATIONS, SEDAHKIDUL, VILLAGE_SHARE


def regulations():
    """National regulations everywhere; the regency's own Perbup only where it applies."""
    wanted = [
        data
        for data in REGULATIONS
        if data["kind"] != Regulation.Kind.REGENT_REGULATION or demo.is_reference_region()
    ]
    for data in wanted:
        Regulation.objects.update_or_create(title=data["title"], defaults=data)
    return len(wanted)


def service_standards():
    for effective in (datetime.date(2017, 3, 1), datetime.date(2021, 7, 1)):
        if not ServiceStandard.objects.filter(effective_from=effective).exists():
            standard = ServiceStandard(effective_from=effective, **MAKLUMAT)
            if effective.year == 2017:
                standard.legal_basis = (
                    "- Undang-Undang Nomor 14 Tahun 2008\n- Peraturan Komisi Informasi Nomor 1 Tahun 2010"
                )
            standard.save()


def _unit(slug, **fields):
    fields["kind_order"] = {"utama": 0, "pelaksana": 1, "desa": 2}[fields["kind"]]
    return PpidUnit(slug=slug, is_sample=True, **fields)


def _regency_units(regency):
    wanted = [
        _unit(
            "ppid-utama",
            kind=PpidUnit.Kind.UTAMA,
            name=f"PPID Utama {regency.full_name}",
            agency="Dinas Komunikasi dan Informatika",
            officer_position="Kepala Dinas Komunikasi dan Informatika",
            atasan_position=f"Sekretaris Daerah {regency.full_name}",
            decree_number="Keputusan Bupati tentang PPID (contoh)",
            address="Kantor Dinas Komunikasi dan Informatika",
            email="ppid@contoh.invalid",
        )
    ]
    for slug, agency in AGENCIES:
        wanted.append(
            _unit(
                f"ppid-{slug}",
                kind=PpidUnit.Kind.PELAKSANA,
                name=f"PPID Pelaksana {agency}",
                agency=agency,
                officer_position=f"Sekretaris {agency}",
                atasan_position=f"Kepala {agency}",
                email=f"ppid.{slug}@contoh.invalid",
            )
        )
    return wanted


def _village_units(rng, regency):
    desa = list(Village.objects.desa().filter(code__startswith=regency.code + ".").order_by("code"))
    target = round(len(desa) * VILLAGE_SHARE)
    chosen = [v for v in desa if v.code == SEDAHKIDUL]
    others = [v for v in desa if v.code != SEDAHKIDUL]
    chosen += rng.sample(others, max(0, min(len(others), target - len(chosen))))
    wanted = []
    for village in sorted(chosen, key=lambda v: v.code):
        number = rng.randint(1, 40)
        wanted.append(
            _unit(
                f"desa-{slugify(village.name)}-{village.code.rsplit('.', 1)[-1]}",
                kind=PpidUnit.Kind.DESA,
                name=f"PPID Desa {village.name}",
                village=village,
                officer_name=f"{rng.choice(FIRST_NAMES)} Contoh",
                officer_position=f"Sekretaris Desa {village.name}",
                decree_number=f"SK Kepala Desa {village.name} Nomor {number}/2017 (contoh)",
                decree_date=datetime.date(2017, rng.randint(2, 11), rng.randint(1, 28)),
                atasan_position=f"Kepala Desa {village.name}",
                address=f"Kantor Desa {village.name}",
            )
        )
    return wanted


def units(rng):
    """The PPID Utama, the agencies' PPID Pelaksana and a quarter of the villages' PPID Desa."""
    regency = wilayah.deployment()
    wanted = _regency_units(regency) + _village_units(rng, regency)
    existing = {unit.slug for unit in PpidUnit.objects.filter(slug__in=[u.slug for u in wanted])}
    taken_villages = set(PpidUnit.objects.filter(village__isnull=False).values_list("village_id", flat=True))
    has_utama = PpidUnit.objects.filter(kind=PpidUnit.Kind.UTAMA).exists()
    missing = [
        unit
        for unit in wanted
        if unit.slug not in existing
        and unit.village_id not in taken_villages
        and not (unit.kind == PpidUnit.Kind.UTAMA and has_utama)
    ]
    PpidUnit.objects.bulk_create(missing)
    return list(
        PpidUnit.objects.filter(slug__in=[u.slug for u in wanted])
        .select_related("village")
        .order_by("kind_order", "slug")
    )


def annual_report():
    AnnualReport.objects.get_or_create(
        year=2024,
        defaults={
            "facilities": "Meja layanan informasi di Kantor Dinas Komunikasi dan Informatika, portal keterbukaan "
            "dan papan pengumuman di setiap desa yang memiliki PPID Desa (contoh).",
            "staff": "Satu PPID Utama, lima PPID Pelaksana dan PPID Desa yang dijabat Sekretaris Desa (contoh).",
            "budget": 150_000_000,
            "budget_notes": "Anggaran layanan informasi dan pelatihan PPID Desa (contoh).",
            "obstacles": "Belum semua desa memiliki PPID Desa; sebagian dokumen belum tersedia dalam bentuk digital (contoh).",
            "follow_up": "Pendampingan pembentukan PPID Desa dan digitalisasi arsip desa (contoh).",
            "is_published": True,
            "is_sample": True,
        },
    )
