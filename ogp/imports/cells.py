"""Reading one cell: text, whole Rupiah, dates and the codes of villages, accounts and kegiatan."""

import datetime
import re

from django.utils.translation import gettext_lazy as _

_DIGITS = re.compile(r"^\d+$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")
_ID_DECIMAL = re.compile(r"^(\d+|\d{1,3}(?:\.\d{3})+),(\d+)$")
_EN_DECIMAL = re.compile(r"^(\d+|\d{1,3}(?:,\d{3})+)\.(\d{1,2})$")


def text(value):
    """A cell as trimmed text with single spaces ("" for empty).

    The apostrophe the portal's downloads put before a leading =, +, - or @
    (so spreadsheets do not run it as a formula) is removed again.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    cleaned = " ".join(str(value).split())
    if cleaned[:1] == "'" and cleaned[1:2] in ("=", "+", "-", "@"):
        cleaned = cleaned[1:]
    return cleaned


def parse_rupiah(value):
    """(amount, error) for a cell holding whole Rupiah; amount is None when the cell is empty.

    Dots are thousands separators (1.250.000), as written in Indonesia; a
    decimal part is accepted only when it is zero (1.250.000,00).
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, _("“%(value)s” is not an amount in Rupiah.") % {"value": value}
    if isinstance(value, int | float):
        return _number_amount(value)
    raw = text(value)
    if not raw:
        return None, None
    return _text_amount(raw)


def _number_amount(value):
    """(amount, error) for a cell a spreadsheet stored as a number."""
    if value < 0:
        return None, _("The amount cannot be negative.")
    if isinstance(value, float) and not value.is_integer():
        return None, _("Use whole Rupiah without cents (%(value)s).") % {"value": value}
    return int(value), None


def _text_amount(raw):
    """(amount, error) for an amount written as text: 1250000, 1.250.000, Rp 1.250.000,00 …"""
    cleaned = raw.replace(" ", "").replace("\u00a0", "")
    if cleaned[:2].lower() == "rp":
        cleaned = cleaned[2:]
    if cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")")):
        return None, _("The amount cannot be negative.")
    for pattern, separator in ((_DIGITS, ""), (_DOT_THOUSANDS, "."), (_COMMA_THOUSANDS, ",")):
        if pattern.match(cleaned):
            return int(cleaned.replace(separator, "") if separator else cleaned), None
    for pattern, separator in ((_ID_DECIMAL, "."), (_EN_DECIMAL, ",")):
        match = pattern.match(cleaned)
        if match:
            if set(match.group(2)) != {"0"}:
                return None, _("Use whole Rupiah without cents (%(value)s).") % {"value": raw}
            return int(match.group(1).replace(separator, "")), None
    return None, _("“%(value)s” is not an amount in Rupiah.") % {"value": raw[:40]}


def parse_date(value):
    """(date, error) for a cell holding a date; date is None when the cell is empty."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date(), None
        except ValueError:
            continue
    return None, _("“%(value)s” is not a date; write 2024-01-15 or 15/01/2024.") % {"value": raw[:40]}


def normalise_village_code(value):
    raw = text(value).rstrip(".")
    if re.fullmatch(r"\d{10}", raw):
        raw = f"{raw[:2]}.{raw[2:4]}.{raw[4:6]}.{raw[6:]}"
    return raw


def normalise_account_code(value):
    """ "5.2.1.2" and "5.2.1.02." both become "5.2.1.02"."""
    raw = text(value).rstrip(".")
    parts = raw.split(".")
    if len(parts) == 4 and parts[3].isdigit() and len(parts[3]) == 1:
        parts[3] = "0" + parts[3]
    return ".".join(parts)


def normalise_activity_code(value):
    """ "1.1.4" and "01.01.04." both become "01.01.04"."""
    raw = text(value).rstrip(".")
    if not raw:
        return ""
    parts = raw.split(".")
    if all(part.isdigit() and 1 <= len(part) <= 2 for part in parts):
        parts = [part.zfill(2) for part in parts]
    return ".".join(parts)
