"""The Indonesian population number (NIK) on a KTP: validation and masking.

A NIK has 16 digits: province (2), regency (2) and district (2) of first
registration, the birth date (day, month and year, two digits each) with 40 added
to the day for women, and
a 4-digit serial that is never 0000. Only the checks that can be made without
the population register are made here: the province must exist, the date must
be a real date and the serial must not be zero.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal import wilayah

NIK_RE = re.compile(r"^[0-9]{16}$")


def normalise(value):
    """Drop the spaces, dots and dashes people type between groups of digits."""
    return re.sub(r"[\s.\-]", "", value or "")


def birth_date_valid(day, month, year2):
    """Whether DD/MM/YY is a real date in the 1900s or 2000s (29 February needs a leap year)."""
    for century in (1900, 2000):
        try:
            datetime.date(century + year2, month, day)
        except ValueError:
            continue
        return True
    return False


def validate_nik(value):
    """Raise ValidationError with a message saying exactly which part is wrong."""
    nik = normalise(value)
    if not NIK_RE.match(nik):
        raise ValidationError(_("A NIK has exactly 16 digits (digits only)."), code="nik_length")
    province_codes = {code for code, _name in wilayah.provinces()}
    if nik[:2] not in province_codes:
        raise ValidationError(
            _("The first two digits of a NIK are a province code; %(code)s is not one."),
            code="nik_province",
            params={"code": nik[:2]},
        )
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:  # women: 40 is added to the day of birth
        day -= 40
    if not birth_date_valid(day, month, year2):
        raise ValidationError(
            _(
                "Digits 7 to 12 of a NIK are the date of birth: two digits each for the day, the month and "
                "the year (for women 40 is added to the day). %(digits)s is not a date: check the NIK on the KTP."
            ),
            code="nik_birth_date",
            params={"digits": nik[6:12]},
        )
    if nik[12:] == "0000":
        raise ValidationError(_("The last four digits of a NIK cannot be 0000."), code="nik_serial")


def mask(nik):
    """Show only the first four and the last two digits: 3522••••••••••01."""
    nik = normalise(nik)
    if not nik:
        return ""
    if len(nik) <= 6:
        return "•" * len(nik)
    return nik[:4] + "•" * (len(nik) - 6) + nik[-2:]
