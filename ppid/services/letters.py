"""Letter numbers of a unit's receipts and written notices: “045/PT/PPID-BJN/2026”.

A letter gets its number the first time it is printed, downloaded or sent, and
keeps it: the `Letter` row is unique per request and kind. Numbers are drawn
from the unit's `LetterCounter` row for that kind and year, locked with
SELECT … FOR UPDATE for the rest of the drawing transaction, so two officers
printing at the same moment on two servers queue instead of sharing a number.
"""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from portal import wilayah

from ..models import Letter, LetterCounter, LetterKind, PpidUnit, WrittenNotice

# The kind's part of a letter number: TBP = tanda bukti permohonan, PT = pemberitahuan tertulis.
KIND_CODES = {LetterKind.RECEIPT: "TBP", LetterKind.NOTICE: "PT"}
VOWELS = set("AEIOU")


def region_abbreviation(name):
    """Three letters for a regency or city: its initial and the next two consonants (BJN, MGL)."""
    letters = [ch for ch in name.upper() if ch.isalpha()]
    if not letters:
        return ""
    consonants = [ch for ch in letters[1:] if ch not in VOWELS]
    return "".join([letters[0], *consonants[:2]])


def unit_code(unit):
    """The unit's part of its letter numbers: its own code, else one made from the region or its short name."""
    if unit.letter_code:
        return unit.letter_code
    if unit.kind == PpidUnit.Kind.UTAMA:
        return f"PPID-{region_abbreviation(wilayah.deployment().name)}"
    short = re.sub(r"^ppid-", "", unit.slug).upper()
    return f"PPID-{short}"


def format_letter_number(*, sequence, kind, code, year):
    """“045/PT/PPID-BJN/2026”: sequence (at least three digits), kind, unit, year."""
    return f"{sequence:03d}/{KIND_CODES[LetterKind(kind)]}/{code}/{year}"


def _locked_counter(unit, kind, year):
    counter = LetterCounter.objects.select_for_update().filter(unit=unit, kind=kind, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                LetterCounter.objects.create(unit=unit, kind=kind, year=year, last_number=0)
        except IntegrityError:
            pass  # another process created it first; lock that row instead
        counter = LetterCounter.objects.select_for_update().get(unit=unit, kind=kind, year=year)
    return counter


def _unit_and_date(info_request, kind):
    if kind == LetterKind.RECEIPT:
        return info_request.unit, info_request.received_on
    notice = WrittenNotice.objects.filter(request=info_request).first()
    if notice is None:
        raise ValidationError(_("This request has no written notice yet."), code="no_notice")
    return info_request.unit, notice.issued_on


@transaction.atomic
def issue_letter(*, info_request, kind):
    """The request's letter of this kind, numbered now if it has no number yet.

    The receipt is dated the day the request was received and the notice the
    day it was issued; the year of that date is the year of the number. Raises
    ValidationError (code ``no_notice``) for a notice that has not been written.
    """
    kind = LetterKind(kind)
    existing = Letter.objects.filter(request=info_request, kind=kind).first()
    if existing is not None:
        return existing
    unit, dated_on = _unit_and_date(info_request, kind)
    counter = _locked_counter(unit, kind, dated_on.year)
    # Another caller may have numbered this letter while this one waited for the lock.
    existing = Letter.objects.filter(request=info_request, kind=kind).first()
    if existing is not None:
        return existing
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return Letter.objects.create(
        unit=unit,
        kind=kind,
        year=dated_on.year,
        sequence=counter.last_number,
        number=format_letter_number(
            sequence=counter.last_number, kind=kind, code=unit_code(unit), year=dated_on.year
        ),
        request=info_request,
        dated_on=dated_on,
    )
