"""The rows of an OpenSID ``/ppid`` feed, checked and turned into `FeedDocument`s.

OpenSID sends every value as a string. ``kategori`` is the class of public
information (1 berkala, 2 serta-merta, 3 setiap saat, 4 dikecualikan); where a
site also sends ``kategori_info_publik``, ``kategori`` is the kind of document
(1 public information, 2 SK Kepala Desa, 3 Perdes) and the other field the
class. Exempt documents, regulations and anything else are left out.
``aksi`` is 0 (full list), 1 new, 2 changed or 3 deleted.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import DipCategory
from .fetch import FeedError, check_host, parse_date

CATEGORIES = {"1": DipCategory.BERKALA, "2": DipCategory.SERTA_MERTA, "3": DipCategory.SETIAP_SAAT}
DELETED = "3"


@dataclass(frozen=True)
class FeedDocument:
    kode_desa: str
    external_id: str
    title: str
    link: str
    category: str  # a DipCategory, or "" when the document is left out
    year: int
    updated_at: str
    produced_on: object
    enabled: bool
    deleted: bool

    @property
    def is_public(self):
        return bool(self.category)


def _category(row):
    if "kategori_info_publik" in row:
        if str(row.get("kategori", "")) != "1":
            return ""
        return CATEGORIES.get(str(row.get("kategori_info_publik", "")), "")
    return CATEGORIES.get(str(row.get("kategori", "")), "")


def _year(row, produced_on):
    text = str(row.get("tahun") or "").strip()
    if text.isdigit() and 1945 <= int(text) <= 2100:
        return int(text)
    if produced_on is not None:
        return produced_on.year
    raise FeedError(_("Document %(id)s has no valid year.") % {"id": row.get("id")})


def _document(row, host):
    if not isinstance(row, dict):
        raise FeedError(_("A row of the feed is not an object."))
    external_id = str(row.get("id") or "").strip()
    title = str(row.get("nama") or "").strip()[:255]
    if not external_id.isdigit() or not title:
        raise FeedError(_("A row of the feed has no id or no name."))
    deleted = str(row.get("aksi", "0")) == DELETED
    link = str(row.get("dokumen") or "").strip()
    if not deleted or link:
        check_host(link, host)
    if len(link) > 500:
        raise FeedError(_("Document %(id)s has an address that is too long.") % {"id": external_id})
    produced_on = parse_date(row.get("tgl_upload"))
    return FeedDocument(
        kode_desa=str(row.get("kode_desa") or "").strip()[:20],
        external_id=external_id,
        title=title,
        link=link,
        category=_category(row),
        year=_year(row, produced_on),
        updated_at=str(row.get("updated_at") or "")[:30],
        produced_on=produced_on,
        enabled=str(row.get("enabled", "1")) == "1",
        deleted=deleted,
    )


def parse_feed(payload, host):
    """Every row of `payload` as a `FeedDocument`; a `FeedError` if any part is not as OpenSID sends it."""
    if not isinstance(payload, dict):
        raise FeedError(_("The feed is not a JSON object."))
    data = payload.get("data")
    if payload.get("status") != "success" or not isinstance(data, dict):
        raise FeedError(_("The site refused the request: %(answer)s") % {"answer": str(data)[:200]})
    rows = data.get("ppid")
    if not isinstance(rows, list):
        raise FeedError(_("The feed has no list of documents."))
    return [_document(row, host) for row in rows]
