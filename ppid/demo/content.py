"""The texts and figures the demo is made of: real regulations and obligations, invented names.

Real facts (the regulations and their titles, the 2017 share of villages with
a PPID Desa, Perki 1/2018's list of what villages publish) are reproduced as
they are; the names, subjects and bodies are invented.
"""

from ..models import DipCategory, Regulation

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
