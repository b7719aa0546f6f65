"""Registration numbers of requests and objections: “PPID/2026/000123”, “KEB/2026/000004”.

Numbers are drawn from a per-series, per-year counter row locked for the
duration of the caller's transaction, so two requests filed at the same
moment on two servers never share a number.
"""

import re

from django.db import IntegrityError, transaction

from ..models import RegistrationCounter

REQUEST_SERIES = "PPID"
OBJECTION_SERIES = "KEB"
NUMBER_RE = re.compile(r"^\s*(PPID|KEB)[\s/\-]*(\d{4})[\s/\-]*(\d{1,9})\s*$", re.IGNORECASE)


def format_number(series, year, sequence):
    return f"{series}/{year}/{sequence:06d}"


def normalise_number(text):
    """“ppid-2026-123”, “PPID/2026/000123” → “PPID/2026/000123”; None when it cannot be one."""
    match = NUMBER_RE.match(text or "")
    if not match:
        return None
    series, year, sequence = match.groups()
    return format_number(series.upper(), int(year), int(sequence))


def draw_number(*, series, year):
    """The next number of a series in a year. Must run inside the caller's transaction.

    The counter row is locked with SELECT … FOR UPDATE until the caller commits,
    so concurrent registrations queue on it instead of reading the same value.
    On SQLite the whole write transaction is serialised (BEGIN IMMEDIATE).
    """
    counter = RegistrationCounter.objects.select_for_update().filter(series=series, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                RegistrationCounter.objects.create(series=series, year=year, last_number=0)
        except IntegrityError:
            pass  # another process created it first; lock that row instead
        counter = RegistrationCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def raise_counter(*, series, year, to):
    """Move a year's counter up to `to` after rows were numbered in bulk (demo and sample loaders)."""
    counter, _created = RegistrationCounter.objects.get_or_create(series=series, year=year)
    if counter.last_number < to:
        counter.last_number = to
        counter.save(update_fields=["last_number"])
