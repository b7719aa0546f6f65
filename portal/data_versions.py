"""Versions of published data, and the page parts and values cached under them.

Every service that publishes a kind of public data calls `changed(topic)` in
its own transaction; the counter moves when the publication commits and not
before. A part of a page that shows only such data is cached with `fragment()`
under the counters it depends on, the language and the release, so no visitor
is shown a part older than the last publication:

    html = data_versions.fragment("ogp-year", topics=["ogp"], parts=[year], render=lambda: ...)

A reader takes the counters before it reads the data, so a publication that
commits in between can only leave newer data under the older counter, never
older data under the newer one. `remember()` keeps a value per process the
same way (reference tables that staff rarely change).

Topics in use: ``ogp`` (APBDes versions and realisation reports, moved in
`ogp.services.summaries.refresh_summary`), ``ogp-reference`` (the chart of
accounts, activities and sources of funds).
"""

import functools
import hashlib
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import F
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .models import DataVersion

_remembered = {}
# The counters read during the current request (each is read at most once per request).
_request = threading.local()
# What the rendered HTML comes from, for the release fingerprint.
SOURCE_FOLDERS = ("templates", "locale", "portal", "visits", "kim", "ppid", "ogp")


def changed(*topics):
    """Move the counters of ``topics``: call inside the transaction that publishes."""
    if getattr(_request, "counters", None) is not None:
        _request.counters = {}  # a request that publishes reads the new counters afterwards
    now = timezone.now()
    for topic in topics:
        if not DataVersion.objects.filter(topic=topic).update(number=F("number") + 1, changed_at=now):
            _row, created = DataVersion.objects.get_or_create(topic=topic, defaults={"number": 1})
            if not created:
                DataVersion.objects.filter(topic=topic).update(number=F("number") + 1, changed_at=now)


def current(*topics):
    """The counters of ``topics`` with the time each last moved: one query, none if already read.

    Within a request each counter is read once, so the parts of one page agree.
    """
    known = getattr(_request, "counters", None)
    if known is None:
        known = {}
    missing = [topic for topic in topics if topic not in known]
    if missing:
        known.update(dict.fromkeys(missing, (0, None)))
        known.update(
            (topic, (number, changed_at))
            for topic, number, changed_at in DataVersion.objects.filter(topic__in=missing).values_list(
                "topic", "number", "changed_at"
            )
        )
    return tuple((topic, *known[topic]) for topic in topics)


def _request_began(**kwargs):
    _request.counters = {}


def _request_ended(**kwargs):
    _request.counters = None


request_started.connect(_request_began, dispatch_uid="portal.data_versions.began")
request_finished.connect(_request_ended, dispatch_uid="portal.data_versions.ended")


@functools.cache
def release():
    """The release prefix: PORTAL_RELEASE, or a fingerprint of the templates, code and catalogues."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha1(usedforsecurity=False)
    root = Path(settings.BASE_DIR)
    for folder in SOURCE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".html", ".py", ".mo") and path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def fragment_key(name, *, versions, parts=()):
    raw = repr((versions, tuple(parts)))
    digest = hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
    return f"fragment:{release()}:{translation.get_language()}:{name}:{digest}"


def fragment(name, *, topics, parts=(), render):
    """The HTML ``render()`` gives, cached under the topics' counters, ``parts``, language and release.

    ``parts`` are whatever else the HTML depends on (the year shown, the sort
    order, the rows' own keys). Off when FRAGMENT_CACHE_SECONDS is 0.
    """
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return mark_safe(render())
    key = fragment_key(name, versions=current(*topics), parts=parts)
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)


def remember(name, *, topics, load):
    """``load()``'s value, kept in this process until one of the topics' counters moves."""
    versions = current(*topics)
    found = _remembered.get(name)
    if found is None or found[0] != versions:
        found = (versions, load())
        _remembered[name] = found
    return found[1]


def forget():
    """Drop what `remember()` keeps in this process (tests, after loading data in bulk)."""
    _remembered.clear()
    _request.counters = None
