"""The demo's reference data: levels, names, news subjects, and the helpers
that draw people and boards from them."""

import datetime

from ..models import (
    BoardMember,
    BoardRole,
    KimLevel,
)

SEED = "kim-demo"
# Dates are drawn up to this day (or today, if earlier) so the plan does not drift.
ANCHOR = datetime.date(2026, 6, 30)
# Share of villages that get a sample KIM; a few of those KIMs are inactive or dissolved.
VILLAGE_SHARE = 0.73
SOURCE_2017 = "Berita Dinas Kominfo Kabupaten Bojonegoro, 19 September 2017"

SEDAHKIDUL = "35.22.18.2007"
SUMBERREJO = "35.22.12.2006"
PEJAMBON = "35.22.12.2015"

LEVELS = [
    ("tumbuh", "Tumbuh", "KIM baru dengan pengurus dan SK pengukuhan."),
    ("berkembang", "Berkembang", "KIM yang rutin menerbitkan informasi lewat satu saluran media atau lebih."),
    ("maju", "Maju", "KIM yang membantu desa mempublikasikan APBDes dan punya situs web sendiri."),
    ("mandiri", "Mandiri", "KIM yang menjadi rujukan KIM lain dan berprestasi dalam lomba."),
]

GIVEN = [
    "Agus",
    "Bambang",
    "Budi",
    "Dwi",
    "Eko",
    "Endang",
    "Fitri",
    "Hadi",
    "Heru",
    "Indah",
    "Joko",
    "Kartini",
    "Lestari",
    "Muji",
    "Nanik",
    "Nur",
    "Puji",
    "Rahayu",
    "Retno",
    "Rini",
    "Sri",
    "Sugeng",
    "Suharti",
    "Sulastri",
    "Supriyadi",
    "Susanto",
    "Tri",
    "Wahyu",
    "Wati",
    "Yuli",
    "Yusuf",
    "Ahmad",
    "Siti",
    "Umi",
    "Teguh",
    "Slamet",
    "Ratna",
    "Dian",
    "Arif",
    "Nining",
]
FAMILY = [
    "Prasetyo",
    "Wibowo",
    "Setiawan",
    "Handayani",
    "Susilowati",
    "Hidayat",
    "Kurniawan",
    "Rahmawati",
    "Santoso",
    "Purnomo",
    "Utomo",
    "Wulandari",
    "Saputra",
    "Maulana",
    "Fauzi",
    "Lestari",
    "Suryani",
    "Haryanto",
    "Nugroho",
    "Anggraini",
    "Mulyono",
    "Sholikhin",
    "Asrori",
    "Khoiriyah",
]
NAME_WORDS = [
    "Warta",
    "Suara",
    "Cahaya",
    "Sinar",
    "Mitra",
    "Jendela",
    "Lentera",
    "Gema",
    "Kabar",
    "Pena",
    "Media",
    "Wahana",
    "Sumber",
    "Citra",
    "Bina",
]
POST_TOPICS = [
    (
        "Papan informasi APBDes {year} dipasang di {place}",
        "Pemerintah desa bersama KIM memasang papan informasi APBDes {year} di depan balai desa. "
        "Warga dapat membaca rincian pendapatan, belanja dan pembiayaan desa.\n\n"
        "KIM juga membagikan ringkasannya lewat grup warga dan papan pengumuman di setiap dusun.",
    ),
    (
        "Pelatihan menulis berita untuk warga {place}",
        "KIM mengadakan pelatihan menulis berita sederhana untuk pemuda dan ibu-ibu PKK. "
        "Peserta belajar menyusun berita dengan rumus 5W+1H dan memotret kegiatan dengan ponsel.\n\n"
        "Hasil tulisan peserta akan dimuat di buletin KIM bulan depan.",
    ),
    (
        "Musyawarah desa membahas RKPDes {year}",
        "Musyawarah desa di {place} membahas rencana kerja pemerintah desa tahun {year}. "
        "KIM mencatat usulan warga dan menyebarkan hasilnya.\n\n"
        "- usulan perbaikan jalan usaha tani\n- pelatihan usaha mikro\n- penambahan lampu jalan",
    ),
    (
        "Jadwal posyandu dan imunisasi bulan ini di {place}",
        "KIM menyebarkan jadwal posyandu balita dan lansia di setiap dusun. "
        "Warga diminta membawa buku KIA saat datang.\n\n"
        "Informasi lengkap ada di papan pengumuman balai desa.",
    ),
    (
        "Realisasi APBDes semester pertama {year} diumumkan",
        "Pemerintah desa mengumumkan laporan realisasi APBDes semester pertama tahun {year}. "
        "KIM membantu menyusun infografis agar angka-angkanya mudah dipahami warga.\n\n"
        "Warga yang ingin bertanya dapat menghubungi PPID desa.",
    ),
    (
        "Kerja bakti membersihkan saluran irigasi di {place}",
        "Warga bergotong royong membersihkan saluran irigasi menjelang musim tanam. "
        "KIM mendokumentasikan kegiatan dan mengajak warga menjaga kebersihan saluran.\n\n"
        "Kegiatan ini diikuti perangkat desa, kelompok tani dan karang taruna.",
    ),
    (
        "Sosialisasi hak warga atas informasi publik",
        "KIM bersama PPID desa menjelaskan cara warga meminta informasi publik sesuai UU 14/2008. "
        "Peserta diajak mencoba mengajukan permohonan informasi melalui portal.\n\n"
        "Materi sosialisasi dapat dipinjam di sekretariat KIM.",
    ),
]
RETURN_NOTE = "Mohon tambahkan nama kegiatan, tanggal dan sumber angka yang dikutip, lalu kirim ulang."


def _levels():
    levels = []
    for order, (slug, name, description) in enumerate(LEVELS):
        level, _created = KimLevel.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order, "is_sample": True}
        )
        levels.append(level)
    return levels


def _years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _person(rng, used):
    while True:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if name not in used:
            used.add(name)
            return name


def _board_rows(rng, *, start, end, full, extra_members, used, skip_roles=()):
    roles = [BoardRole.CHAIR, BoardRole.SECRETARY, BoardRole.TREASURER]
    if full:
        roles += [BoardRole.GATHERING, BoardRole.PROCESSING, BoardRole.DISSEMINATION]
    roles += [BoardRole.MEMBER] * extra_members
    return [
        {"role": role, "name": _person(rng, used), "term_start": start, "term_end": end}
        for role in roles
        if role not in skip_roles
    ]


def _ensure_board(kim, rows, *, is_sample, source=""):
    for row in rows:
        BoardMember.objects.get_or_create(
            kim=kim,
            role=row["role"],
            name=row["name"],
            term_start=row["term_start"],
            defaults={"term_end": row["term_end"], "is_sample": is_sample, "source": source},
        )
