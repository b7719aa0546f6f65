"""The KIM registry as open data (`/kim/data.csv`, `/kim/data.json`).

One row per published KIM: names, codes, status, level, dates, decree, member
count and media channels. No personal data: no board members, and the KIM's
phone and e-mail only where the KIM chose to publish them.
"""

from django.db.models import Prefetch
from django.utils import timezone

from portal import wilayah
from portal.opendata.conventions import boolean, iso_time, with_old_names

from .models import Kim, MediaChannel

CSV_FIELDS = [
    "nama",
    "slug",
    "url",
    "kode_desa",
    "nama_desa",
    "jenis_desa",
    "kode_kecamatan",
    "nama_kecamatan",
    "status",
    "status_sejak",
    "tingkat",
    "tanggal_berdiri",
    "nomor_sk",
    "tanggal_sk",
    "penerbit_sk",
    "perihal_sk",
    "jumlah_anggota",
    "situs_web",
    "kanal_media",
    "telepon_publik",
    "email_publik",
    "data_contoh",
]
DATASET = "kim"


def registry_rows(request=None):
    """Dicts for every published KIM, in name order (two queries)."""
    kims = (
        Kim.objects.published()
        .select_related("village__district", "level")
        .prefetch_related(Prefetch("channels", queryset=MediaChannel.objects.order_by("order", "pk")))
        .order_by("name", "pk")
    )
    return [_row(kim, request) for kim in kims]


def _row(kim, request):
    channels = [{"jenis": c.kind, "url": c.url, "nama": c.name} for c in kim.channels.all()]
    website = next((c["url"] for c in channels if c["jenis"] == MediaChannel.Kind.WEBSITE and c["url"]), "")
    url = kim.get_absolute_url()
    public = kim.contact_is_public
    return {
        "nama": kim.name,
        "slug": kim.slug,
        "url": request.build_absolute_uri(url) if request is not None else url,
        "kode_desa": kim.village.code,
        "nama_desa": kim.village.name,
        "jenis_desa": kim.village.kind,
        "kode_kecamatan": kim.village.district.code,
        "nama_kecamatan": kim.village.district.name,
        "status": kim.status,
        "status_sejak": _iso(kim.status_since),
        "tingkat": kim.level.name if kim.level else "",
        "tanggal_berdiri": _iso(kim.founded_on),
        "nomor_sk": kim.decree_number,
        "tanggal_sk": _iso(kim.decree_date),
        "penerbit_sk": kim.decree_issuer,
        "perihal_sk": kim.decree_subject,
        "jumlah_anggota": kim.member_count,
        "situs_web": website,
        "kanal_media": channels,
        "telepon_publik": kim.phone if public else "",
        "email_publik": kim.email if public else "",
        "data_contoh": kim.is_sample,
    }


def json_rows(request=None):
    """The rows as JSON serves them: with the old names beside the new for one release."""
    return [
        with_old_names(
            {**row, "kanal_media": [with_old_names(c, DATASET) for c in row["kanal_media"]]}, DATASET
        )
        for row in registry_rows(request)
    ]


def flatten(row):
    """A row for CSV: channels as “kind url” pairs separated by “ | ”."""
    flat = dict(row)
    flat["kanal_media"] = " | ".join(
        f"{c['jenis']} {c['url'] or c['nama']}".strip() for c in row["kanal_media"]
    )
    flat["jumlah_anggota"] = "" if row["jumlah_anggota"] is None else row["jumlah_anggota"]
    flat["data_contoh"] = boolean(row["data_contoh"])
    return flat


def meta(request=None):
    regency = wilayah.deployment()
    return {
        "title": f"Registry of KIM, {regency.full_name}",
        "publisher": regency.government_name,
        "region_code": regency.code,
        "generated": iso_time(timezone.now()),
        "fields": CSV_FIELDS,
        "note": "Invented demonstration records have data_contoh = true.",
    }


def _iso(value):
    return value.isoformat() if value else ""
