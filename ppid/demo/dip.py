"""The demo's Daftar Informasi Publik: each unit's items, published, with their document versions."""

import datetime

from django.utils import timezone

from ..models import DIP_WORKFLOW, DipCategory, DipDocumentVersion, DipItem, DipItemEvent, PpidUnit
from .content import AGENCY_ITEMS, EXEMPT_ITEMS, SEDAHKIDUL, VILLAGE_PERIODIC


def _village_items(rng, unit):
    years = [2025] if unit.village_id != SEDAHKIDUL else [2017, 2025]
    return [
        DipItem(
            unit=unit,
            category=DipCategory.BERKALA,
            title=title,
            summary=f"{title}, {unit.village.name}, tahun {year}.",
            holding_official=f"{holder} {unit.village.name}",
            responsible_person=f"Kepala Desa {unit.village.name}",
            produced_on=datetime.date(year, rng.randint(1, 3), rng.randint(1, 28)),
            produced_place=f"Kantor Desa {unit.village.name}",
            year=year,
            softcopy=True,
            hardcopy=True,
            retention_period="5 tahun",
        )
        for year in years
        for title, holder in VILLAGE_PERIODIC
    ]


def _agency_items(rng, unit):
    return [
        DipItem(
            unit=unit,
            category=category,
            title=title,
            summary=f"{title} {unit.agency}.",
            holding_official=unit.agency,
            responsible_person=unit.officer_position,
            produced_on=datetime.date(2025, rng.randint(1, 6), rng.randint(1, 28)),
            produced_place=unit.agency,
            year=2025,
            softcopy=True,
            hardcopy=rng.random() < 0.5,
            retention_period="Selama berlaku" if category == DipCategory.SETIAP_SAAT else "5 tahun",
        )
        for category, title in AGENCY_ITEMS
    ]


def _story_items(unit):
    """The flood warning and two exempt items, for the PPID Utama and the story village."""
    wanted = [
        DipItem(
            unit=unit,
            category=DipCategory.SERTA_MERTA,
            title="Peringatan dini banjir luapan Bengawan Solo",
            summary="Status siaga, wilayah yang terdampak dan jalur evakuasi.",
            holding_official="Badan Penanggulangan Bencana Daerah",
            responsible_person=unit.officer_position,
            produced_on=datetime.date(2025, 1, 14),
            produced_place=unit.address or unit.name,
            year=2025,
            retention_period="1 tahun",
        )
    ]
    for index, (letter, title, test) in enumerate(EXEMPT_ITEMS[:2]):
        wanted.append(
            DipItem(
                unit=unit,
                category=DipCategory.DIKECUALIKAN,
                title=title,
                holding_official=unit.officer_position,
                responsible_person=unit.officer_position,
                year=2023,
                retention_period="5 tahun",
                softcopy=False,
                exemption_ground=letter,
                exemption_legal_basis=f"UU 14/2008 Pasal 17 huruf {letter}",
                consequence_test=test,
                # The second one's exemption has ended, so it shows as due for review.
                exempt_until=datetime.date(2030, 12, 31) if index == 0 else datetime.date(2025, 6, 30),
            )
        )
    return wanted


def _versions(item):
    if item.is_exempt or item.category == DipCategory.SERTA_MERTA:
        return []
    if item.unit.village_id and "APB Desa" in item.title:
        link = f"/apbdes/{item.year}/{item.unit.village_id}/"
    elif item.unit.village_id:
        link = f"{item.unit.village.get_absolute_url()}"
    else:
        link = item.unit.get_absolute_url()
    versions = [
        DipDocumentVersion(item=item, number=1, link=link, note="Versi pertama", created_at=item.published_at)
    ]
    if item.unit.village_id == SEDAHKIDUL and "realisasi" in item.title:
        versions.append(
            DipDocumentVersion(
                item=item,
                number=2,
                link=link,
                note="Koreksi angka realisasi triwulan IV",
                created_at=item.published_at,
            )
        )
    return versions


def _key(item):
    return (item.unit_id, item.title, item.year)


def dip_items(rng, units):
    """Write the units' missing items, each published along the DIP workflow; return how many."""
    now = timezone.now()
    wanted = []
    for unit in units:
        if unit.kind == PpidUnit.Kind.DESA:
            wanted += _village_items(rng, unit)
        else:
            wanted += _agency_items(rng, unit)
        if unit.kind == PpidUnit.Kind.UTAMA or unit.village_id == SEDAHKIDUL:
            wanted += _story_items(unit)
    existing = set(DipItem.objects.filter(unit__in=units).values_list("unit_id", "title", "year"))
    missing = [item for item in wanted if _key(item) not in existing]
    histories = {}
    for item in missing:
        item.published_at = now - datetime.timedelta(days=rng.randint(1, 600))
        item.is_sample = True
        histories[_key(item)] = DIP_WORKFLOW.seed(
            item,
            [
                (DipItem.Status.DRAFT, item.published_at, "Data contoh"),
                (DipItem.Status.PUBLISHED, item.published_at),
            ],
        )
    DipItem.objects.bulk_create(missing, batch_size=500)
    created = [
        item
        for item in DipItem.objects.filter(unit__in=units, events__isnull=True)
        .select_related("unit__village")
        .order_by("pk")
        if _key(item) in histories
    ]
    DipItemEvent.objects.bulk_create(
        [row for item in created for row in DIP_WORKFLOW.attach(item, histories[_key(item)])], batch_size=500
    )
    DipDocumentVersion.objects.bulk_create([v for item in created for v in _versions(item)], batch_size=500)
    return len(missing)
