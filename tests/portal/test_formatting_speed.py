"""The formatting written in Python gives exactly what Django's number and date formats give."""

import datetime
import random

import pytest
from django.utils import formats, timezone, translation

from portal import formatting

DATES = [datetime.date(2016, 12, 25) + datetime.timedelta(days=day * 5) for day in range(160)]
MOMENTS = [
    datetime.datetime(2024, 12, 31, 18, 30, tzinfo=datetime.UTC),  # already 1 January in WIB
    datetime.datetime(2017, 9, 19, 9, 0),
]


@pytest.mark.parametrize("language", ["id", "en"])
def test_dates_match_django_date_format(language):
    with translation.override(language):
        for value in [*DATES, *MOMENTS]:
            aware = isinstance(value, datetime.datetime) and timezone.is_aware(value)
            local = timezone.localtime(value) if aware else value
            assert formatting.tanggal(value) == formats.date_format(local, "l, j F Y")
            assert formatting.tanggal_pendek(value) == formats.date_format(local, "j M Y")


def test_a_date_in_indonesian():
    with translation.override("id"):
        assert formatting.tanggal(datetime.date(2017, 9, 19)) == "Selasa, 19 September 2017"
        assert formatting.tanggal_pendek(datetime.date(2017, 9, 19)) == "19 Sep 2017"
        assert formatting.tanggal(MOMENTS[0]) == "Rabu, 1 Januari 2025"


@pytest.mark.parametrize("language", ["id", "en"])
def test_percentages_match_django_number_format(language):
    rng = random.Random(18)
    values = [
        0,
        -0.0,
        -0.04,
        0.05,
        99.95,
        100,
        999.96,
        1234.5,
        "12.5",
        *(rng.uniform(-2000, 2000) for _ in range(500)),
    ]
    with translation.override(language):
        for value in values:
            for digits in (0, 1, 2):
                expected = formats.number_format(round(float(value), digits), decimal_pos=digits)
                assert formatting.persen(value, digits) == f"{expected}%"
