"""Columns renamed to the common convention (Indonesian ``snake_case``), per dataset: ``{old: new}``.

Each old name keeps working until ``SUNSET`` (one release): JSON rows carry it
beside the new one, the CSV header is given in the old names with
``?kolom=lama``, and every answer says ``Deprecation: true``. CHANGELOG.md
lists the same renames.
"""

import datetime

SUNSET = datetime.date(2027, 6, 30)

CHANNEL = {"kind": "jenis", "name": "nama"}
VILLAGE = {"code": "kode", "name": "nama"}
# The PPID figures, in the statistics files' columns and the annual report's rows alike.
PPID_FIGURES = {
    "requests": "permohonan",
    "granted": "dikabulkan",
    "partly_granted": "dikabulkan_sebagian",
    "refused": "ditolak",
    "refused_exempt": "ditolak_dikecualikan",
    "refused_not_held": "ditolak_tidak_dikuasai",
    "withdrawn": "ditarik",
    "open": "dalam_proses",
    "answered": "dijawab",
    "answered_on_time": "dijawab_tepat_waktu",
    "answered_on_time_percent": "persen_tepat_waktu",
    "median_working_days": "median_hari_kerja",
    "objections": "keberatan",
    "disputes": "sengketa",
}

RENAMES = {
    "kunjungan": {
        "date": "tanggal",
        "end_date": "tanggal_selesai",
        "title": "judul",
        "kind": "jenis",
        "institution": "instansi",
        "institution_type": "jenis_instansi",
        "province_code": "kode_provinsi",
        "province": "provinsi",
        "topics": "topik",
        "villages": "desa",
        "published_at": "diterbitkan",
        "is_sample": "data_contoh",
        **VILLAGE,
    },
    "kim": {
        "name": "nama",
        "village_code": "kode_desa",
        "village_name": "nama_desa",
        "village_kind": "jenis_desa",
        "district_code": "kode_kecamatan",
        "district_name": "nama_kecamatan",
        "status_since": "status_sejak",
        "level": "tingkat",
        "founded_on": "tanggal_berdiri",
        "decree_number": "nomor_sk",
        "decree_date": "tanggal_sk",
        "decree_issuer": "penerbit_sk",
        "decree_subject": "perihal_sk",
        "member_count": "jumlah_anggota",
        "website": "situs_web",
        "media_channels": "kanal_media",
        "public_phone": "telepon_publik",
        "public_email": "email_publik",
        "is_sample": "data_contoh",
        **CHANNEL,
    },
    "ppid-statistik": {
        "year": "tahun",
        "unit_slug": "slug_unit",
        "unit_kind": "jenis_unit",
        "village_code": "kode_desa",
        **PPID_FIGURES,
    },
    # The annual report's rows (section, item, value): section and item names.
    "ppid-laporan": {
        **PPID_FIGURES,
        "answered_late": "dijawab_terlambat",
        "open_late": "terbuka_terlambat",
        "late": "terlambat",
        "objections_upheld": "keberatan_dikabulkan",
        "late_obligations": "kewajiban_terlambat",
        "section": "bagian",
        "item": "butir",
        "value": "nilai",
        "total": "jumlah",
        "channel": "saluran",
        "time_taken": "waktu_jawab",
        "working_days_taken": "hari_kerja_jawab",
        "refused_by_reason": "ditolak_menurut_alasan",
        "partly_granted_by_reason": "dikabulkan_sebagian_menurut_alasan",
        "period": "periode",
        "end": "akhir",
        "received": "masuk",
        "upheld": "dikabulkan",
        "objections_by_ground": "keberatan_menurut_alasan",
        "objections_by_outcome": "keberatan_menurut_putusan",
        "filed": "diajukan",
        "pending": "dalam_proses",
        "disputes_by_outcome": "sengketa_menurut_putusan",
        "court_cases": "gugatan_pengadilan",
    },
}
