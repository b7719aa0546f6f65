"""The KIM registry as open data (`/kim/data.csv`, `/kim/data.json`).

One row per published KIM: names, codes, status, level, dates, decree, member
count and media channels. No personal data: no board members, and the KIM's
phone and e-mail only where the KIM chose to publish them.
"""

from django.db.models import Prefetch
from django.utils import timezone

from portal import wilayah

from .models import Kim, MediaChannel

CSV_FIELDS = [
    "name",
    "slug",
    "url",
    "village_code",
    "village_name",
    "village_kind",
    "district_code",
    "district_name",
    "status",
    "status_since",
    "level",
    "founded_on",
    "decree_number",
    "decree_date",
    "decree_issuer",
    "decree_subject",
    "member_count",
    "website",
    "media_channels",
    "public_phone",
    "public_email",
    "is_sample",
]


def registry_rows(request=None):
    """Dicts for every published KIM, in name order (two queries)."""
    kims = (
        Kim.objects.published()
        .select_related("village__district", "level")
        .prefetch_related(Prefetch("channels", queryset=MediaChannel.objects.order_by("order", "pk")))
        .order_by("name", "pk")
    )
    rows = []
    for kim in kims:
        channels = [{"kind": c.kind, "url": c.url, "name": c.name} for c in kim.channels.all()]
        website = next(
            (c["url"] for c in channels if c["kind"] == MediaChannel.Kind.WEBSITE and c["url"]), ""
        )
        url = kim.get_absolute_url()
        rows.append(
            {
                "name": kim.name,
                "slug": kim.slug,
                "url": request.build_absolute_uri(url) if request is not None else url,
                "village_code": kim.village.code,
                "village_name": kim.village.name,
                "village_kind": kim.village.kind,
                "district_code": kim.village.district.code,
                "district_name": kim.village.district.name,
                "status": kim.status,
                "status_since": _iso(kim.status_since),
                "level": kim.level.name if kim.level else "",
                "founded_on": _iso(kim.founded_on),
                "decree_number": kim.decree_number,
                "decree_date": _iso(kim.decree_date),
                "decree_issuer": kim.decree_issuer,
                "decree_subject": kim.decree_subject,
                "member_count": kim.member_count,
                "website": website,
                "media_channels": channels,
                "public_phone": kim.phone if kim.contact_is_public else "",
                "public_email": kim.email if kim.contact_is_public else "",
                "is_sample": kim.is_sample,
            }
        )
    return rows


def flatten(row):
    """A row for CSV: channels as “kind url” pairs separated by “ | ”."""
    flat = dict(row)
    flat["media_channels"] = " | ".join(
        f"{c['kind']} {c['url'] or c['name']}".strip() for c in row["media_channels"]
    )
    flat["member_count"] = "" if row["member_count"] is None else row["member_count"]
    flat["is_sample"] = "1" if row["is_sample"] else "0"
    return flat


def meta(request=None):
    regency = wilayah.deployment()
    return {
        "title": f"Registry of KIM, {regency.full_name}",
        "publisher": regency.government_name,
        "region_code": regency.code,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "fields": CSV_FIELDS,
        "note": "Invented demonstration records have is_sample = true.",
    }


def _iso(value):
    return value.isoformat() if value else ""
