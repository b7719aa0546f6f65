"""Taking in the public-information documents villages publish on their OpenSID sites.

`harvest_source` reads one village's ``/ppid`` feed (incrementally, with
``tgl_dari`` from the last successful harvest), checks the whole feed first
and only then files it, in one transaction; a feed that cannot be read or is
not as OpenSID sends it changes nothing and its problem is kept on the
`OpenSidSource` for the admin.
"""

import urllib.parse

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .apply import apply_documents
from .feed import FeedDocument, parse_feed
from .fetch import FeedError, check_host, fetch_feed

__all__ = ["FeedDocument", "FeedError", "check_host", "harvest_all", "harvest_source"]


def _summary(counts):
    return _("%(new)s new, %(changed)s changed, %(withdrawn)s withdrawn, %(left_out)s left out") % {
        key: counts.get(key, 0) for key in ("new", "changed", "withdrawn", "left_out")
    }


def harvest_source(source, now=None):
    """Harvest one village's feed; returns the counts, or raises nothing and records a `FeedError`."""
    now = now or timezone.now()
    source.last_run_at = now
    host = (urllib.parse.urlsplit(source.site_url).hostname or "").lower()
    try:
        docs = parse_feed(fetch_feed(source.site_url, since=source.synced_until), host)
    except FeedError as error:
        source.last_error = str(error)
        source.save(update_fields=["last_run_at", "last_error"])
        return None
    with transaction.atomic():
        counts = apply_documents(source, docs)
        source.synced_until = timezone.localdate(now)
        source.last_success_at = now
        source.last_error = ""
        source.last_summary = _summary(counts)
        source.save(
            update_fields=["last_run_at", "last_success_at", "last_error", "last_summary", "synced_until"]
        )
    return counts


def harvest_all(now=None):
    """Harvest every active village site; returns [(source, counts or None)]."""
    from ..models import OpenSidSource

    sources = OpenSidSource.objects.filter(is_active=True, unit__is_active=True).select_related(
        "unit__village"
    )
    return [(source, harvest_source(source, now=now)) for source in sources]
