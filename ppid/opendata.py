"""The public register of requests and the Daftar Informasi Publik as open data.

`/ppid/register.csv|json` holds what the public register page shows of each
request: its number, unit, the information asked for, dates, status and
outcome. Nothing about the requester is included, not even the initials the
page shows: a file is easily joined with others, a page is not.

`/ppid/dip.csv|json` holds every published DIP item with its category, unit,
holder, format and document; an exempt item gives its Pasal 17 letter and
the end of the exemption but no document.
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import DipItem, InfoRequest, Objection

REGISTER = "ppid-register"
DIP = "ppid-dip"

REGISTER_COLUMNS = [
    "nomor",
    "tahun",
    "unit",
    "slug_unit",
    "kode_desa",
    "informasi_diminta",
    "saluran",
    "diterima",
    "tenggat",
    "perpanjangan_hari_kerja",
    "status",
    "keputusan",
    "dijawab",
    "terlambat",
    "jumlah_keberatan",
    "url",
    "data_contoh",
]

DIP_COLUMNS = [
    "id",
    "judul",
    "ringkasan",
    "kategori",
    "tahun",
    "unit",
    "slug_unit",
    "kode_desa",
    "pejabat_penguasa",
    "penanggung_jawab",
    "tanggal_dibuat",
    "tempat_dibuat",
    "softcopy",
    "hardcopy",
    "jangka_waktu_simpan",
    "pasal_pengecualian",
    "dikecualikan_sampai",
    "dokumen",
    "versi_dokumen",
    "dari_opensid",
    "url",
    "diterbitkan",
    "data_contoh",
]


def register_rows(request):
    """One dict per request in the public register, newest first (one query)."""
    objections = Objection.objects.filter(request=OuterRef("pk")).order_by().values("request")
    requests = (
        InfoRequest.objects.public_register()
        .for_list()
        .annotate(objection_count=Coalesce(Subquery(objections.annotate(n=Count("pk")).values("n")), 0))
    )
    today = timezone.localdate()
    return [_register_row(r, request, today) for r in requests]


def _register_row(info_request, request, today):
    notice = getattr(info_request, "notice", None)
    unit = info_request.unit
    return {
        "nomor": info_request.number,
        "tahun": info_request.year,
        "unit": unit.name,
        "slug_unit": unit.slug,
        "kode_desa": unit.village_id or "",
        "informasi_diminta": info_request.information_requested,
        "saluran": info_request.channel,
        "diterima": info_request.received_on,
        "tenggat": info_request.due_on,
        "perpanjangan_hari_kerja": info_request.extension_days,
        "status": info_request.status,
        "keputusan": notice.decision if notice is not None else "",
        "dijawab": info_request.answered_on,
        "terlambat": info_request.answered_late() or info_request.is_overdue(today),
        "jumlah_keberatan": info_request.objection_count,
        "url": request.build_absolute_uri(info_request.get_absolute_url()),
        "data_contoh": info_request.is_sample,
    }


def dip_rows(request):
    """One dict per published DIP item, newest first (three queries)."""
    items = DipItem.objects.published().for_list().select_related("harvested")
    return [_dip_row(item, request) for item in items]


def _dip_row(item, request):
    version = None if item.is_exempt else item.current_version
    harvested = getattr(item, "harvested", None)
    document = version.url if version is not None else ""
    return {
        "id": item.pk,
        "judul": item.title,
        "ringkasan": item.summary,
        "kategori": item.category,
        "tahun": item.year,
        "unit": item.unit.name,
        "slug_unit": item.unit.slug,
        "kode_desa": item.unit.village_id or "",
        "pejabat_penguasa": item.holding_official,
        "penanggung_jawab": item.responsible_person,
        "tanggal_dibuat": item.produced_on,
        "tempat_dibuat": item.produced_place,
        "softcopy": item.softcopy and not item.is_exempt,
        "hardcopy": item.hardcopy and not item.is_exempt,
        "jangka_waktu_simpan": item.retention_period,
        "pasal_pengecualian": item.exemption_ground,
        "dikecualikan_sampai": item.exempt_until,
        "dokumen": request.build_absolute_uri(document) if document.startswith("/") else document,
        "versi_dokumen": version.number if version is not None else None,
        "dari_opensid": harvested is not None,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "diterbitkan": item.published_at,
        "data_contoh": item.is_sample,
    }
