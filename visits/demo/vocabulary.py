"""The demo's vocabulary (topics, host units, visiting institutions) and the
names and phrases the sample visits are drawn from."""

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from ..models import HostUnit, Institution, Topic, Visit
from .writes import _upsert

WIB = ZoneInfo("Asia/Jakarta")
CONTENT = Path(__file__).resolve().parent.parent / "demo_content"

TOPICS = [
    # slug, name, description
    ("keimigrasian", "Unit kerja keimigrasian", "Layanan paspor dan keimigrasian di daerah."),
    ("ogp", "Open Government Partnership (OGP)", "Keterbukaan pemerintahan dan rencana aksi OGP."),
    ("kim", "Kelompok Informasi Masyarakat (KIM)", "Pembentukan, pembinaan dan peran KIM."),
    ("lppl", "Lembaga Penyiaran Publik Lokal (LPPL)", "Radio dan televisi milik pemerintah daerah."),
    ("ppid", "PPID dan keterbukaan informasi publik", "Layanan informasi publik menurut UU 14/2008."),
    ("e-government", "E-government", "Layanan pemerintahan berbasis teknologi informasi."),
    ("dialog-interaktif", "Dialog interaktif", "Dialog publik mingguan antara pemerintah dan warga."),
    ("apbdes", "Keterbukaan APBDes", "Publikasi anggaran desa melalui baliho dan situs desa."),
    ("pengaduan", "Pengelolaan pengaduan masyarakat", "Penanganan aduan warga."),
    (
        "indeks-keterbukaan",
        "Indeks keterbukaan pemerintahan desa",
        "Penilaian transparansi dan akuntabilitas desa.",
    ),
]

HOST_UNITS = [
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
    ("Dinas Kominfo", "Dinas Komunikasi dan Informatika"),
    ("Bagian Pemerintahan", "Bagian Pemerintahan Sekretariat Daerah"),
    ("Bagian Humas dan Protokol", "Bagian Hubungan Masyarakat dan Protokol Sekretariat Daerah"),
    ("Dinas PMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("Inspektorat", "Inspektorat Daerah"),
    ("Bagian Organisasi", "Bagian Organisasi Sekretariat Daerah"),
]

MAGELANG = ("Pemerintah Kota Magelang", "Pemkot Magelang", Institution.Kind.PEMKOT, "33.71", "")

# name, short name, type, Kemendagri code, country
INSTITUTIONS = [
    MAGELANG,
    ("Pemerintah Kabupaten Sleman", "Pemkab Sleman", Institution.Kind.PEMKAB, "34.04", ""),
    ("Pemerintah Kota Surakarta", "Pemkot Surakarta", Institution.Kind.PEMKOT, "33.72", ""),
    ("Pemerintah Kabupaten Lamongan", "Pemkab Lamongan", Institution.Kind.PEMKAB, "35.24", ""),
    ("Pemerintah Kabupaten Gresik", "Pemkab Gresik", Institution.Kind.PEMKAB, "35.25", ""),
    ("Pemerintah Kabupaten Blora", "Pemkab Blora", Institution.Kind.PEMKAB, "33.16", ""),
    ("Pemerintah Kabupaten Tuban", "Pemkab Tuban", Institution.Kind.PEMKAB, "35.23", ""),
    ("Pemerintah Kota Pontianak", "Pemkot Pontianak", Institution.Kind.PEMKOT, "61.71", ""),
    ("Pemerintah Kota Makassar", "Pemkot Makassar", Institution.Kind.PEMKOT, "73.71", ""),
    ("Pemerintah Kabupaten Badung", "Pemkab Badung", Institution.Kind.PEMKAB, "51.03", ""),
    ("Pemerintah Kota Bandung", "Pemkot Bandung", Institution.Kind.PEMKOT, "32.73", ""),
    ("Pemerintah Kabupaten Banyumas", "Pemkab Banyumas", Institution.Kind.PEMKAB, "33.02", ""),
    ("Pemerintah Kabupaten Sidoarjo", "Pemkab Sidoarjo", Institution.Kind.PEMKAB, "35.15", ""),
    ("Pemerintah Kota Banjarmasin", "Pemkot Banjarmasin", Institution.Kind.PEMKOT, "63.71", ""),
    ("Pemerintah Provinsi Kalimantan Timur", "Pemprov Kaltim", Institution.Kind.PEMPROV, "64", ""),
    ("Pemerintah Kabupaten Lombok Barat", "Pemkab Lombok Barat", Institution.Kind.PEMKAB, "52.01", ""),
    ("Pemerintah Kota Bandar Lampung", "Pemkot Bandar Lampung", Institution.Kind.PEMKOT, "18.71", ""),
    ("Pemerintah Kabupaten Banyuwangi", "Pemkab Banyuwangi", Institution.Kind.PEMKAB, "35.10", ""),
    ("Pemerintah Kota Padang", "Pemkot Padang", Institution.Kind.PEMKOT, "13.71", ""),
    ("Pemerintah Kabupaten Tangerang", "Pemkab Tangerang", Institution.Kind.PEMKAB, "36.03", ""),
    ("Pemerintah Kota Kendari", "Pemkot Kendari", Institution.Kind.PEMKOT, "74.71", ""),
    ("Pemerintah Kota Batu", "Pemkot Batu", Institution.Kind.PEMKOT, "35.79", ""),
    ("DPRD Kabupaten Tulungagung", "DPRD Tulungagung", Institution.Kind.DPRD, "35.04", ""),
    ("DPRD Kota Semarang", "DPRD Kota Semarang", Institution.Kind.DPRD, "33.74", ""),
    ("Universitas Gadjah Mada", "UGM", Institution.Kind.UNIVERSITY, "34.04", ""),
    ("Kementerian Komunikasi dan Informatika", "Kemkominfo", Institution.Kind.MINISTRY, "", ""),
    ("Elgeyo Marakwet County Government", "Elgeyo Marakwet County", Institution.Kind.FOREIGN, "", "Kenya"),
]

# Visits per year of the sample set (2020 was quiet: the pandemic stopped travel).
SAMPLE_YEARS = {2016: 3, 2017: 4, 2018: 5, 2019: 5, 2020: 1, 2021: 2, 2022: 3, 2023: 4, 2024: 3}
SAMPLE_SEED = 3522

FIRST_NAMES = [
    "Agus",
    "Budi",
    "Dewi",
    "Endang",
    "Fajar",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Mulyono",
    "Nur",
    "Rina",
    "Slamet",
    "Tri",
    "Wahyu",
    "Yuli",
    "Sri",
    "Bambang",
    "Siti",
]
LAST_NAMES = [
    "Santoso",
    "Wibowo",
    "Rahayu",
    "Prasetyo",
    "Lestari",
    "Hidayat",
    "Kurniawan",
    "Setiawan",
    "Wulandari",
    "Saputra",
    "Nugroho",
    "Susanti",
    "Purnomo",
    "Handayani",
]
LEADER_POSITIONS = {
    Institution.Kind.PEMKAB: [
        "Asisten Pemerintahan Setda",
        "Kepala Dinas Komunikasi dan Informatika",
        "Kepala Bappeda",
    ],
    Institution.Kind.PEMKOT: [
        "Asisten Pemerintahan Setda",
        "Kepala Dinas Komunikasi dan Informatika",
        "Sekretaris Daerah",
    ],
    Institution.Kind.PEMPROV: ["Kepala Dinas Komunikasi dan Informatika Provinsi"],
    Institution.Kind.DPRD: ["Ketua Komisi A", "Wakil Ketua DPRD"],
    Institution.Kind.UNIVERSITY: [
        "Ketua Program Studi Ilmu Pemerintahan",
        "Dosen Departemen Politik dan Pemerintahan",
    ],
    Institution.Kind.MINISTRY: ["Kepala Subdirektorat Layanan Informasi"],
    Institution.Kind.FOREIGN: ["County Executive Committee Member for ICT"],
}
# Host positions of sample visits; "{regency}" becomes the deployment's name.
HOST_POSITIONS = [
    "Sekretaris Daerah {regency}",
    "Asisten Pemerintahan Setda {regency}",
    "Kepala Dinas Komunikasi dan Informatika {regency}",
    "Kepala Bidang Pengelolaan Informasi dan Aspirasi Publik Dinas Kominfo",
]
SAMPLE_KINDS = [
    Visit.Kind.STUDY_VISIT,
    Visit.Kind.STUDY_VISIT,
    Visit.Kind.STUDY_TO_REPLICATE,
    Visit.Kind.WORK_VISIT,
    Visit.Kind.BENCHMARKING,
]
KIND_WORDS = {
    Visit.Kind.WORK_VISIT: "Kunjungan kerja",
    Visit.Kind.STUDY_VISIT: "Studi banding",
    Visit.Kind.STUDY_TO_REPLICATE: "Studi tiru",
    Visit.Kind.BENCHMARKING: "Benchmarking",
    Visit.Kind.OTHER: "Kunjungan",
}
TOPIC_PHRASES = {
    "keimigrasian": "pelayanan keimigrasian di daerah",
    "ogp": "pelaksanaan Open Government Partnership",
    "kim": "pembinaan Kelompok Informasi Masyarakat",
    "lppl": "pengelolaan radio LPPL",
    "ppid": "layanan PPID sampai tingkat desa",
    "e-government": "layanan e-government",
    "dialog-interaktif": "dialog interaktif setiap Jumat",
    "apbdes": "publikasi APBDes melalui baliho",
    "pengaduan": "penanganan pengaduan masyarakat",
    "indeks-keterbukaan": "indeks keterbukaan pemerintahan desa",
}
TOPIC_WORDS = {
    "keimigrasian": "layanan keimigrasian",
    "ogp": "OGP",
    "kim": "KIM",
    "lppl": "LPPL",
    "ppid": "PPID desa",
    "e-government": "e-government",
    "dialog-interaktif": "dialog interaktif",
    "apbdes": "baliho APBDes",
    "pengaduan": "pengaduan masyarakat",
    "indeks-keterbukaan": "indeks keterbukaan desa",
}
# The sample visits that are still being written (left as drafts), by position.
SAMPLE_DRAFTS = {7, 29}


@dataclass(frozen=True)
class Vocabulary:
    topics: dict
    units: dict
    institutions: dict


def load_vocabulary():
    """Topics, host units and the visiting institutions (real governments, real codes)."""
    topics = {
        slug: _upsert(Topic, {"slug": slug}, {"name": name, "description": text})
        for slug, name, text in TOPICS
    }
    units = {name: _upsert(HostUnit, {"name": name}, {"full_name": full}) for name, full in HOST_UNITS}
    institutions = {
        name: _upsert(
            Institution,
            {"name": name},
            {"short_name": short, "kind": kind, "region_code": code, "country": country},
            validate=True,
        )
        for name, short, kind, code, country in INSTITUTIONS
    }
    return Vocabulary(topics=topics, units=units, institutions=institutions)
