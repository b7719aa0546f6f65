"""How the portal writes money, numbers, percentages and dates.

Plain functions, usable from Python (admin columns, statements, CSV exports,
image captions) and wrapped by the template filters in
``portal.templatetags.portal``:

    rupiah(1250000000)              → "Rp1.250.000.000"
    angka(50000)                    → "50.000"
    persen(83.333)                  → "83,3%"  (Indonesian; "83.3%" in English)
    tanggal(date(2017, 9, 19))      → "Selasa, 19 September 2017"
    tanggal_pendek(date(2017, 9, 19)) → "19 Sep 2017"
    tanggal_angka(date(2017, 9, 19))  → "19-09-2017"

Rupiah and whole numbers always use dot thousands separators (the way
Indonesian budgets are printed, whatever the page language); percentages and
month names follow the active language. Aware datetimes are shown in the
portal's time zone (WIB).
"""

import datetime
import functools

from django.utils import dates, formats, timezone, translation

__all__ = ["angka", "persen", "rupiah", "tanggal", "tanggal_angka", "tanggal_pendek"]


def _thousands(number):
    return f"{number:,}".replace(",", ".")


def rupiah(value):
    """Whole Rupiah with dot thousands separators and no space: ``Rp1.250.000.000``.

    Empty for ``None`` or ``""``; a value that is not a number is returned unchanged.
    """
    if value is None or value == "":
        return ""
    try:
        amount = int(value)
    except (TypeError, ValueError):
        return value
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{_thousands(abs(amount))}"


def angka(value):
    """A whole number with dot thousands separators: ``50.000``."""
    try:
        return _thousands(int(value))
    except (TypeError, ValueError):
        return value


def persen(value, digits=1):
    """A percentage rounded to ``digits`` places with the language's decimal mark: ``83,3%``.

    An en dash for a missing value, so a table cell never reads "None%".
    """
    if value is None or value == "":
        return "–"
    try:
        digits = int(digits)
        number = round(float(value), digits)
    except (TypeError, ValueError):
        return value
    if digits < 0 or abs(number) >= 1000:
        return f"{formats.number_format(number, decimal_pos=digits)}%"
    # Below a thousand no thousands separator applies: Django's number_format
    # gives the same text, and a long table calls this hundreds of times.
    text = f"{number:.{digits}f}".replace(".", _decimal_mark(translation.get_language()))
    return f"{text}%"


@functools.lru_cache(maxsize=16)
def _decimal_mark(language):
    return formats.get_format("DECIMAL_SEPARATOR", lang=language)


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@functools.lru_cache(maxsize=16)
def _names(language):
    """Weekday, month and short month names in a language: what Django's ``l``, ``F`` and ``M`` give.

    Written here rather than through `formats.date_format`, which parses its
    format on every call; lists show dozens of dates.
    """
    with translation.override(language):
        return (
            [str(dates.WEEKDAYS[day]) for day in range(7)],
            {month: str(name) for month, name in dates.MONTHS.items()},
            {month: str(name).title() for month, name in dates.MONTHS_3.items()},
        )


def tanggal(value):
    """A long date with the weekday: ``Selasa, 19 September 2017`` (Django's ``l, j F Y``)."""
    if not value:
        return ""
    value = _local(value)
    weekdays, months, _short = _names(translation.get_language())
    return f"{weekdays[value.weekday()]}, {value.day} {months[value.month]} {value.year:04d}"


def tanggal_pendek(value):
    """A short date with the month's abbreviation: ``19 Sep 2017`` (Django's ``j M Y``)."""
    if not value:
        return ""
    value = _local(value)
    _weekdays, _months, short = _names(translation.get_language())
    return f"{value.day} {short[value.month]} {value.year:04d}"


def tanggal_angka(value):
    """A date in digits, day first, as on letters and notices: ``19-09-2017``."""
    if not value:
        return ""
    return _local(value).strftime("%d-%m-%Y")
