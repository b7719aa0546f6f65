"""Demo content of the information service.

Real facts (the regulations and their titles, the 2017 share of villages with
a PPID Desa, Perki 1/2018's list of what villages publish) are reproduced as
they are. Everything else is invented and flagged ``is_sample``: the officers,
the agencies' lists, several hundred requests across 2017–2025 in every
status (some overdue, some objected, a few disputed), written notices and
survey answers. Requesters are obviously fictitious (“… Contoh”, addresses
“Alamat contoh”, e-mail under ``.invalid``) and have no NIK.

The loader is deterministic (seeded) and idempotent: units, items and
requests are keyed by slug, (unit, title, year) and registration number, and
only missing rows are created, in bulk.
"""

import base64
import datetime
import random

from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from portal import demo, wilayah
from portal.models import Village

from . import access_codes, deadlines
from .deadlines import WorkingCalendar
from .models import (
    AnnualReport,
    DipCategory,
    DipDocumentVersion,
    DipItem,
    DipItemEvent,
    Dispute,
    InfoRequest,
    Objection,
    ObjectionEvent,
    PpidUnit,
    RegistrationCounter,
    Regulation,
    RequestChannel,
    RequestEvent,
    ServiceStandard,
    SurveyResponse,
    WrittenNotice,
)
from .services import OBJECTION_SERIES, REQUEST_SERIES, format_number

SEED = 2017
SEDAHKIDUL = "35.22.18.2007"
# In 2017 about a quarter of Bojonegoro's 419 desa had a PPID Desa.
VILLAGE_SHARE = 0.25
YEARS = range(2017, 2026)
REQUESTS_PER_YEAR = {2017: 38, 2018: 46, 2019: 52, 2020: 55, 2021: 60, 2022: 66, 2023: 72, 2024: 80, 2025: 88}

REGULATIONS = [
    {
        "kind": Regulation.Kind.LAW,
        "title": "Undang-Undang Nomor 14 Tahun 2008",
        "short_name": "UU 14/2008",
        "subject": "Keterbukaan Informasi Publik",
        "description": "Hak setiap orang atas informasi publik, kewajiban badan publik, informasi yang dikecualikan, "
        "keberatan dan penyelesaian sengketa di Komisi Informasi.",
        "year": 2008,
        "order": 1,
    },
    {
        "kind": Regulation.Kind.COMMISSION_REGULATION,
        "title": "Peraturan Komisi Informasi Nomor 1 Tahun 2021",
        "short_name": "Perki 1/2021",
        "subject": "Standar Layanan Informasi Publik",
        "description": "Standar layanan, formulir permohonan, pemberitahuan tertulis, keberatan, maklumat pelayanan "
        "dan laporan layanan informasi publik.",
        "year": 2021,
        "order": 2,
    },
    {
        "kind": Regulation.Kind.COMMISSION_REGULATION,
        "title": "Peraturan Komisi Informasi Nomor 1 Tahun 2018",
        "short_name": "Perki 1/2018",
        "subject": "Standar Layanan Informasi Publik Desa",
        "description": "Informasi yang wajib diumumkan desa secara berkala, daftar informasi publik desa, "
        "papan pengumuman dan meja informasi.",
        "year": 2018,
        "order": 3,
    },
    {
        "kind": Regulation.Kind.COMMISSION_REGULATION,
        "title": "Peraturan Komisi Informasi Nomor 1 Tahun 2010",
        "short_name": "Perki 1/2010",
        "subject": "Standar Layanan Informasi Publik",
        "description": "Aturan yang lebih lama; kolom Daftar Informasi Publik (Lampiran II) masih banyak dipakai.",
        "year": 2010,
        "order": 4,
    },
    {
        "kind": Regulation.Kind.MINISTERIAL_REGULATION,
        "title": "Peraturan Menteri Komunikasi dan Informatika Nomor 08/PER/M.KOMINFO/6/2010",
        "short_name": "Permen Kominfo 08/2010",
        "subject": "Pedoman Pengembangan dan Pemberdayaan Lembaga Komunikasi Sosial",
        "description": "Dasar Kelompok Informasi Masyarakat (KIM) yang membantu desa menyebarkan informasi.",
        "year": 2010,
        "order": 5,
    },
    {
        "kind": Regulation.Kind.REGENT_REGULATION,
        "title": "Peraturan Bupati Bojonegoro Nomor 10 Tahun 2017",
        "short_name": "Perbup Bojonegoro 10/2017",
        "subject": "",
        "description": "Dasar hukum PPID Desa di Kabupaten Bojonegoro.",
        "year": 2017,
        "order": 6,
    },
]

AGENCIES = [
    ("bappeda", "Badan Perencanaan Pembangunan Daerah (BAPPEDA)"),
    ("dinas-kesehatan", "Dinas Kesehatan"),
    ("dinas-pendidikan", "Dinas Pendidikan"),
    ("dinas-pmd", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah"),
]

FIRST_NAMES = [
    "Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika", "Lestari",
    "Made", "Nur", "Oki", "Putri", "Rina", "Slamet", "Tri", "Umi", "Wahyu", "Yanto", "Zahra", "Siti",
]  # fmt: skip
OCCUPATIONS = [
    "Petani",
    "Guru",
    "Mahasiswa",
    "Wiraswasta",
    "Wartawan",
    "Pegiat LSM",
    "Ibu rumah tangga",
    "Karyawan swasta",
]

# Perki 1/2018 Pasal 2: what a village must publish periodically.
VILLAGE_PERIODIC = [
    (
        "Profil desa: alamat, visi-misi, tugas dan fungsi, struktur organisasi, perangkat desa",
        "Sekretaris Desa",
    ),
    (
        "Matriks program yang sedang berjalan (nama program, waktu, penanggung jawab, sumber dan besar dana)",
        "Kaur Perencanaan",
    ),
    ("Matriks program yang masuk ke desa beserta data penerima manfaat", "Kasi Kesejahteraan"),
    ("RPJM Desa, RKP Desa, DU-RKP Desa dan APB Desa", "Kaur Perencanaan"),
    ("Peraturan Desa tentang APB Desa tahun berjalan", "Sekretaris Desa"),
    ("Laporan kinerja pemerintah desa", "Sekretaris Desa"),
    ("Laporan keuangan desa (realisasi APB Desa)", "Kaur Keuangan"),
]

AGENCY_ITEMS = [
    (DipCategory.BERKALA, "Profil, tugas pokok dan fungsi serta struktur organisasi"),
    (DipCategory.BERKALA, "Rencana kerja dan laporan kinerja tahunan"),
    (DipCategory.BERKALA, "Laporan realisasi anggaran"),
    (DipCategory.SETIAP_SAAT, "Daftar Informasi Publik"),
    (DipCategory.SETIAP_SAAT, "Standar operasional prosedur pelayanan"),
    (DipCategory.SETIAP_SAAT, "Perjanjian kerja sama dengan pihak ketiga"),
]

EXEMPT_ITEMS = [
    ("h", "Data pribadi penerima bantuan (NIK, alamat, kondisi kesehatan)", "Membuka data akan mengungkap rahasia pribadi penerima dan merugikan mereka; kepentingan publik terpenuhi dengan data agregat."),
    ("i", "Memorandum internal penyusunan rancangan anggaran", "Dokumen kerja yang belum diputuskan; membukanya sebelum penetapan dapat mengganggu proses pengambilan keputusan."),
    ("a", "Berkas pemeriksaan dugaan penyalahgunaan dana yang sedang ditangani aparat", "Membuka berkas dapat menghambat proses penegakan hukum yang sedang berjalan."),
]  # fmt: skip

NOT_HELD_BODIES = [
    "Badan Pusat Statistik Kabupaten Bojonegoro",
    "Kantor Pertanahan Kabupaten Bojonegoro",
    "Dinas Kesehatan",
    "Pemerintah Provinsi Jawa Timur",
]

SUBJECTS = [
    "Salinan APB Desa tahun {year} beserta rinciannya",
    "Laporan realisasi penggunaan Dana Desa tahun {year}",
    "Daftar penerima bantuan langsung tunai desa tahun {year} (jumlah per dusun)",
    "Rencana anggaran biaya pembangunan jalan desa tahun {year}",
    "Dokumen RPJM Desa yang berlaku",
    "Notulen musyawarah perencanaan pembangunan tahun {year}",
    "Data jumlah siswa putus sekolah per kecamatan tahun {year}",
    "Jadwal dan lokasi posyandu tahun {year}",
    "Dokumen kontrak pengadaan barang dan jasa tahun {year}",
    "Laporan keuangan BUMDes tahun {year}",
    "Surat keputusan pengangkatan perangkat desa",
    "Data kasus demam berdarah per desa tahun {year}",
    "Rencana kerja pemerintah daerah tahun {year}",
    "Hasil evaluasi penyelenggaraan pelayanan publik tahun {year}",
    "Daftar aset desa dan pemanfaatannya",
]

SCORE_WEIGHTS = [1, 4, 10, 6]  # answers 1–4: most requesters rate the service good


def _code(rng):
    raw = base64.b32encode(rng.getrandbits(136).to_bytes(17, "big")).decode()[: access_codes.CODE_LENGTH]
    return access_codes.format_code(raw)


@demo.loader(order=60, name="ppid")
def load(stdout):
    # One generator per section, so a section that creates nothing on a second
    # run does not shift the random choices of the next one.
    regulations = _regulations()
    _service_standards()
    units = _units(random.Random(SEED))
    items = _dip_items(random.Random(SEED + 1), units)
    created, example = _requests(random.Random(SEED + 2), units)
    _annual_report()
    stdout.write(
        f"  {len(units)} PPID units ({sum(1 for u in units if u.kind == PpidUnit.Kind.DESA)} PPID Desa), "
        f"{regulations} regulations, {items} new DIP items, {created} new requests"
    )
    if example:
        stdout.write(f"  Track {example[0]} with access code {example[1]} (demo only)")


def _regulations():
    # National regulations everywhere; the regency's own Perbup only where it applies.
    wanted = [
        data
        for data in REGULATIONS
        if data["kind"] != Regulation.Kind.REGENT_REGULATION or demo.is_reference_region()
    ]
    for data in wanted:
        Regulation.objects.update_or_create(title=data["title"], defaults=data)
    return len(wanted)


MAKLUMAT = {
    "statement": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai standar "
    "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
    "sesuai peraturan perundang-undangan yang berlaku.",
    "legal_basis": "- Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik\n"
    "- Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik\n"
    "- Peraturan Komisi Informasi Nomor 1 Tahun 2018 tentang Standar Layanan Informasi Publik Desa",
    "procedure": "1. Pemohon mengisi formulir permohonan di portal, di meja layanan, melalui pos, surat elektronik "
    "atau telepon.\n2. Pemohon menerima nomor pendaftaran dan kode akses.\n3. PPID memproses permohonan dan "
    "mengirim pemberitahuan tertulis.\n4. Pemohon yang tidak puas dapat mengajukan keberatan kepada atasan PPID.",
    "completion_time": "Pemberitahuan tertulis paling lambat **10 hari kerja** sejak permohonan diterima, dan dapat "
    "diperpanjang satu kali paling lama **7 hari kerja** dengan alasan tertulis.",
    "fees": "Layanan informasi **tidak dipungut biaya**. Biaya penggandaan atau pengiriman, bila ada, "
    "ditanggung pemohon sesuai biaya nyata.",
    "guarantee": "Informasi diberikan sesuai permohonan, tepat waktu dan tanpa diskriminasi, termasuk bagi "
    "penyandang disabilitas.",
    "evaluation": "Survei kepuasan masyarakat dilakukan setiap tahun dan hasilnya diumumkan di portal.",
    "signed_by_position": "Kepala Dinas Komunikasi dan Informatika selaku PPID Utama",
    "is_sample": True,
}


def _service_standards():
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


def _units(rng):
    regency = wilayah.deployment()
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
    desa = list(Village.objects.desa().filter(code__startswith=regency.code + ".").order_by("code"))
    target = round(len(desa) * VILLAGE_SHARE)
    chosen = [v for v in desa if v.code == SEDAHKIDUL]
    others = [v for v in desa if v.code != SEDAHKIDUL]
    chosen += rng.sample(others, max(0, min(len(others), target - len(chosen))))
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


def _dip_items(rng, units):
    now = timezone.now()
    wanted = []
    for unit in units:
        if unit.kind == PpidUnit.Kind.DESA:
            years = [2025] if unit.village_id != SEDAHKIDUL else [2017, 2025]
            for year in years:
                for title, holder in VILLAGE_PERIODIC:
                    wanted.append(
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
                    )
        else:
            for category, title in AGENCY_ITEMS:
                wanted.append(
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
                        retention_period="Selama berlaku"
                        if category == DipCategory.SETIAP_SAAT
                        else "5 tahun",
                    )
                )
        if unit.kind == PpidUnit.Kind.UTAMA or unit.village_id == SEDAHKIDUL:
            wanted.append(
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
            )
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
                        exempt_until=datetime.date(2030, 12, 31)
                        if index == 0
                        else datetime.date(2025, 6, 30),
                    )
                )
    existing = set(DipItem.objects.filter(unit__in=units).values_list("unit_id", "title", "year"))
    missing = [item for item in wanted if (item.unit_id, item.title, item.year) not in existing]
    for item in missing:
        item.status = DipItem.Status.PUBLISHED
        item.published_at = now - datetime.timedelta(days=rng.randint(1, 600))
        item.is_sample = True
    DipItem.objects.bulk_create(missing, batch_size=500)
    created = list(
        DipItem.objects.filter(unit__in=units, events__isnull=True)
        .select_related("unit__village")
        .order_by("pk")
    )
    DipItemEvent.objects.bulk_create(
        [
            DipItemEvent(
                item=item,
                from_status=DipItem.Status.DRAFT,
                to_status=DipItem.Status.PUBLISHED,
                at=item.published_at,
                note="Data contoh",
            )
            for item in created
        ],
        batch_size=500,
    )
    versions = []
    for item in created:
        if item.is_exempt or item.category == DipCategory.SERTA_MERTA:
            continue
        if item.unit.village_id and "APB Desa" in item.title:
            link = f"/apbdes/{item.year}/{item.unit.village_id}/"
        elif item.unit.village_id:
            link = f"{item.unit.village.get_absolute_url()}"
        else:
            link = item.unit.get_absolute_url()
        versions.append(
            DipDocumentVersion(
                item=item, number=1, link=link, note="Versi pertama", created_at=item.published_at
            )
        )
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
    DipDocumentVersion.objects.bulk_create(versions, batch_size=500)
    return len(missing)


def _working_date(rng, year, calendar, latest=None):
    while True:
        day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        if day.year == year and calendar.is_working_day(day) and (latest is None or day <= latest):
            return day


def _requests(rng, units):
    calendar = WorkingCalendar.from_db()
    utama = next(u for u in units if u.kind == PpidUnit.Kind.UTAMA)
    agencies = [u for u in units if u.kind == PpidUnit.Kind.PELAKSANA]
    villages = [u for u in units if u.kind == PpidUnit.Kind.DESA]
    sedahkidul = next((u for u in villages if u.village_id == SEDAHKIDUL), villages[0] if villages else utama)
    busy_villages = rng.sample(villages, min(12, len(villages)))
    existing = set(InfoRequest.objects.filter(year__in=YEARS).values_list("number", flat=True))
    today = timezone.localdate()
    plans, example = [], None
    for year in YEARS:
        for sequence in range(1, REQUESTS_PER_YEAR[year] + 1):
            plan = _plan(rng, year, sequence, calendar, utama, agencies, villages, busy_villages, sedahkidul)
            if plan["request"].number == "PPID/2025/000001":
                example = (plan["request"].number, plan["code"])
            if plan["request"].number not in existing:
                plans.append(plan)
    InfoRequest.objects.bulk_create([p["request"] for p in plans], batch_size=300)
    ids = dict(
        InfoRequest.objects.filter(number__in=[p["request"].number for p in plans]).values_list(
            "number", "pk"
        )
    )
    for plan in plans:
        plan["request"].pk = ids[plan["request"].number]
    objections = write_request_children(plans, batch_size=500)
    _objections(random.Random(SEED + 3), objections, calendar, today)
    for year in YEARS:
        top = InfoRequest.objects.filter(year=year).aggregate(top=Max("sequence"))["top"] or 0
        counter, _created = RegistrationCounter.objects.get_or_create(series=REQUEST_SERIES, year=year)
        if counter.last_number < top:
            counter.last_number = top
            counter.save(update_fields=["last_number"])
    return len(plans), example


def write_request_children(plans, *, batch_size):
    """Write the timeline, notice and survey of planned requests whose ``pk`` is set.

    Returns the plans with an objection, which `_objections` writes next.
    """
    events, notices, surveys, objected = [], [], [], []
    for plan in plans:
        request_id = plan["request"].pk
        for event in plan["events"]:
            event.request_id = request_id
            events.append(event)
        for key, bucket in (("notice", notices), ("survey", surveys)):
            if plan[key]:
                plan[key].request_id = request_id
                bucket.append(plan[key])
        if plan["objection"]:
            plan["objection"].request_id = request_id
            objected.append(plan)
    RequestEvent.objects.bulk_create(events, batch_size=batch_size)
    WrittenNotice.objects.bulk_create(notices, batch_size=batch_size)
    SurveyResponse.objects.bulk_create(surveys, batch_size=batch_size)
    return objected


def _plan(rng, year, sequence, calendar, utama, agencies, villages, busy_villages, sedahkidul):
    """One invented request with its history, notice, survey and objection, not yet saved."""
    pick = rng.random()
    if sequence % 9 == 1 or pick < 0.1:
        unit = sedahkidul
    elif pick < 0.3:
        unit = utama
    elif pick < 0.5:
        unit = rng.choice(agencies) if agencies else utama
    elif pick < 0.75:
        unit = rng.choice(busy_villages) if busy_villages else utama
    else:
        unit = rng.choice(villages) if villages else utama
    latest = datetime.date(year, 12, 31) if year < 2025 else datetime.date(2025, 12, 22)
    received = _working_date(rng, year, calendar, latest)
    first_due = calendar.add_working_days(received, deadlines.ANSWER_DAYS).due
    name = f"{rng.choice(FIRST_NAMES)} Contoh"
    channel = rng.choices(RequestChannel.values, weights=[60, 20, 5, 10, 5])[0]
    code = _code(rng)
    with_email = rng.random() < 0.8
    info_request = InfoRequest(
        number=format_number(REQUEST_SERIES, year, sequence),
        year=year,
        sequence=sequence,
        unit=unit,
        channel=channel,
        received_on=received,
        registered_at=timezone.make_aware(
            datetime.datetime.combine(received, datetime.time(9, rng.randint(0, 59)))
        ),
        requester_name=name,
        requester_initials=" ".join(f"{part[0]}." for part in name.split()),
        requester_address=f"Alamat contoh No. {sequence}, {unit.village.name if unit.village_id else 'Bojonegoro'}",
        requester_phone="" if with_email and rng.random() < 0.5 else f"0800-0000-{sequence:04d}",
        requester_email=f"pemohon{year}{sequence:03d}@contoh.invalid" if with_email else "",
        requester_occupation=rng.choice(OCCUPATIONS),
        information_requested=rng.choice(SUBJECTS).format(year=year - rng.randint(0, 1)),
        purpose=rng.choice(
            [
                "Bahan kajian",
                "Pengawasan pembangunan desa",
                "Tugas kuliah",
                "Pemberitaan",
                "Keperluan pribadi",
            ]
        ),
        obtain_method=rng.choice(["inspect", "softcopy", "softcopy", "hardcopy"]),
        delivery_method=rng.choice(["collect", "email", "email", "post", "whatsapp"]),
        original_due_on=first_due,
        due_on=first_due,
        access_code_hash=access_codes.hash_code(code),
        is_sample=True,
    )
    S = InfoRequest.Status
    registered_at = info_request.registered_at
    events = [RequestEvent(to_status=S.REGISTERED, at=registered_at, note="Data contoh")]
    plan = {
        "request": info_request,
        "code": code,
        "events": events,
        "notice": None,
        "survey": None,
        "objection": None,
    }
    # The last days of 2025 stay open (and are overdue by now); a few withdrawn; the rest answered.
    if year == 2025 and received >= datetime.date(2025, 11, 17):
        status = [S.REGISTERED, S.IN_PROCESS, S.EXTENDED][sequence % 3]
    else:
        roll = rng.random()
        status = (
            S.WITHDRAWN
            if roll < 0.05
            else S.REFUSED
            if roll < 0.18
            else S.PARTLY_GRANTED
            if roll < 0.3
            else S.GRANTED
        )
    at = registered_at
    if status != S.REGISTERED:
        at = at + datetime.timedelta(days=rng.randint(0, 2), hours=2)
        events.append(RequestEvent(from_status=S.REGISTERED, to_status=S.IN_PROCESS, at=at, note=""))
    extended = status == S.EXTENDED or (status in InfoRequest.ANSWERED_STATUSES and rng.random() < 0.15)
    if extended:
        days = rng.randint(3, 7)
        info_request.extension_days = days
        info_request.extension_reason = "Dokumen masih dihimpun dari beberapa bidang (contoh)."
        info_request.due_on = calendar.add_working_days(first_due, days).due
        at = timezone.make_aware(datetime.datetime.combine(first_due, datetime.time(10)))
        events.append(
            RequestEvent(
                from_status=S.IN_PROCESS, to_status=S.EXTENDED, at=at, note=info_request.extension_reason
            )
        )
    info_request.status = status
    if status == S.WITHDRAWN:
        info_request.closed_at = at + datetime.timedelta(days=3)
        events.append(
            RequestEvent(
                from_status=S.IN_PROCESS,
                to_status=S.WITHDRAWN,
                at=info_request.closed_at,
                note="Dicabut oleh pemohon (contoh).",
            )
        )
        return plan
    if status not in InfoRequest.ANSWERED_STATUSES:
        return plan
    late = rng.random() < 0.08
    limit = info_request.due_on
    taken = calendar.working_days_between(received, limit)
    if late:
        days = taken + rng.randint(1, 6)
    elif extended:
        days = rng.randint(deadlines.ANSWER_DAYS + 1, taken)
    else:
        days = rng.randint(2, taken)
    answered = calendar.add_working_days(received, days).due
    info_request.answered_on = answered
    info_request.working_days_taken = days
    info_request.closed_at = timezone.make_aware(datetime.datetime.combine(answered, datetime.time(14)))
    events.append(
        RequestEvent(
            from_status=S.EXTENDED if extended else S.IN_PROCESS, to_status=status, at=info_request.closed_at
        )
    )
    notice = WrittenNotice(
        decision=status,
        issued_on=answered,
        signed_by_name=unit.officer_name,
        signed_by_position=unit.officer_position or unit.name,
        delivery_format=info_request.obtain_method,
        delivery_method=info_request.delivery_method,
    )
    if status == S.GRANTED:
        notice.materials = "Salinan dokumen yang diminta (contoh)."
    elif status == S.PARTLY_GRANTED:
        letter, _title, test = rng.choice(EXEMPT_ITEMS)
        notice.materials = "Salinan dokumen dengan bagian yang dihitamkan (contoh)."
        notice.exemption_ground = letter
        notice.consequence_test = test
        notice.redacted_parts = "Nama dan NIK penerima manfaat dihitamkan (contoh)."
    elif rng.random() < 0.4:
        notice.refusal_reason = WrittenNotice.RefusalReason.NOT_HELD
        notice.information_held = False
        notice.other_body = rng.choice(NOT_HELD_BODIES)
    else:
        letter, _title, test = rng.choice(EXEMPT_ITEMS)
        notice.refusal_reason = WrittenNotice.RefusalReason.EXEMPT
        notice.exemption_ground = letter
        notice.consequence_test = test
    if notice.delivery_format == "hardcopy" and rng.random() < 0.5:
        notice.fee = 500 * rng.randint(10, 60)
        notice.payment_method = "Dibayar tunai di meja layanan (contoh)"
    plan["notice"] = notice
    if rng.random() < 0.45:
        scores = {f"q{i}": rng.choices([1, 2, 3, 4], weights=SCORE_WEIGHTS)[0] for i in range(1, 10)}
        plan["survey"] = SurveyResponse(
            unit=unit,
            year=answered.year,
            submitted_at=info_request.closed_at + datetime.timedelta(days=1),
            is_sample=True,
            **scores,
        )
    objectionable = status in (S.REFUSED, S.PARTLY_GRANTED) or late
    if objectionable and rng.random() < 0.35:
        plan["objection"] = Objection(request=info_request)
    return plan


def _objections(rng, plans, calendar, today):
    """Objections to some refused, partial or late answers; a few go on to the Komisi Informasi."""
    made = []
    sequences = dict(Objection.objects.values_list("year").annotate(top=Max("sequence")).order_by())
    for plan in plans:
        info_request, notice = plan["request"], plan["notice"]
        objection = plan["objection"]
        filed = calendar.add_working_days(info_request.answered_on, rng.randint(2, 25)).due
        grounds = set()
        if notice.exemption_ground:
            grounds.add("a")
        if info_request.answered_on > info_request.due_on:
            grounds.add("g")
        if not grounds or rng.random() < 0.3:
            grounds.add(rng.choice("de"))
        year = filed.year
        sequence = sequences.get(year, 0) + 1
        sequences[year] = sequence
        objection.number = format_number(OBJECTION_SERIES, year, sequence)
        objection.year, objection.sequence = year, sequence
        objection.statement = "Saya keberatan atas jawaban PPID (contoh)."
        objection.filed_on = filed
        objection.filed_at = timezone.make_aware(datetime.datetime.combine(filed, datetime.time(10)))
        objection.ground_arose_on = info_request.answered_on
        objection.due_on = calendar.add_working_days(filed, deadlines.OBJECTION_ANSWER_DAYS).due
        objection.is_sample = True
        for letter in grounds:
            setattr(objection, f"ground_{letter}", True)
        decided = calendar.add_working_days(filed, rng.randint(5, 32)).due
        # A few objections are still waiting for the atasan (and are overdue by now).
        if decided < today and rng.random() > 0.1:
            objection.status = rng.choice(
                [Objection.Status.UPHELD, Objection.Status.REJECTED, Objection.Status.REJECTED]
                + ([Objection.Status.SETTLED] if "a" not in grounds else [])
            )
            objection.decided_on = decided
            objection.decision = (
                "Atasan PPID telah memeriksa keberatan ini dan memutuskan sebagaimana tercantum (contoh)."
            )
            objection.decision_html = "<p>" + objection.decision + "</p>"
            objection.decided_by_position = info_request.unit.atasan_position
        made.append(objection)
    Objection.objects.bulk_create(made, batch_size=300)
    saved = list(Objection.objects.filter(number__in=[o.number for o in made]))
    events, disputes = [], []
    for objection in saved:
        events.append(
            ObjectionEvent(objection=objection, to_status=Objection.Status.FILED, at=objection.filed_at)
        )
        if objection.decided_on:
            events.append(
                ObjectionEvent(
                    objection=objection,
                    from_status=Objection.Status.FILED,
                    to_status=objection.status,
                    at=timezone.make_aware(
                        datetime.datetime.combine(objection.decided_on, datetime.time(11))
                    ),
                )
            )
            if objection.status == Objection.Status.REJECTED and rng.random() < 0.35:
                filed = calendar.add_working_days(objection.decided_on, rng.randint(3, 14)).due
                decided = filed + datetime.timedelta(days=rng.randint(60, 200))
                dispute = Dispute(
                    objection=objection,
                    commission="Komisi Informasi Provinsi Jawa Timur",
                    case_number=f"{rng.randint(10, 400)}/KI-Jatim/{filed.year} (contoh)",
                    filed_on=filed,
                    mediation_on=filed + datetime.timedelta(days=rng.randint(14, 40)),
                    is_sample=True,
                )
                if decided < today:
                    dispute.decided_on = decided
                    dispute.outcome = rng.choice(Dispute.Outcome.values[:4])
                    dispute.summary = "Putusan Komisi Informasi (contoh)."
                    if dispute.outcome != Dispute.Outcome.MEDIATED:
                        dispute.adjudication_on = dispute.mediation_on + datetime.timedelta(days=20)
                disputes.append(dispute)
    ObjectionEvent.objects.bulk_create(events, batch_size=500)
    Dispute.objects.bulk_create(disputes)
    for year, top in sequences.items():
        counter, _created = RegistrationCounter.objects.get_or_create(series=OBJECTION_SERIES, year=year)
        if counter.last_number < top:
            counter.last_number = top
            counter.save(update_fields=["last_number"])


def _annual_report():
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
