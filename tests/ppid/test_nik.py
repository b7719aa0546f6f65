import pytest
from django.core.exceptions import ValidationError

from ppid import nik


@pytest.mark.parametrize(
    "value",
    [
        "3522181508900001",  # man, born 15-08-1990
        "3522185508900001",  # woman, born 15-08-1990 (15 + 40)
        "3522182902000001",  # 29-02-2000, a leap year
        "3522186902040002",  # woman born 29-02-2004
        "1101010101019999",  # Aceh, 01-01-2001 or 1901
        "3522 1855 0890 0001",  # spaces between groups are dropped
        "3522.1855.0890.0001",
    ],
)
def test_valid_nik(value):
    nik.validate_nik(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("352218550890001", "nik_length"),  # 15 digits
        ("35221855089000011", "nik_length"),  # 17 digits
        ("35221855089O0001", "nik_length"),  # a letter O
        ("３５２２１８５５０８９０００１", "nik_length"),  # full-width digits are not ASCII digits
        ("", "nik_length"),
        ("0022185508900001", "nik_province"),
        ("9922185508900001", "nik_province"),
        ("3522183208900001", "nik_birth_date"),  # day 32
        ("3522180008900001", "nik_birth_date"),  # day 0
        ("3522187208900001", "nik_birth_date"),  # 72 - 40 = day 32
        ("3522181513900001", "nik_birth_date"),  # month 13
        ("3522182902010001", "nik_birth_date"),  # 29-02-2001 and 1901 are not dates
        ("3522185508900000", "nik_serial"),
    ],
)
def test_invalid_nik_says_which_part_is_wrong(value, code):
    with pytest.raises(ValidationError) as error:
        nik.validate_nik(value)
    assert error.value.code == code


def test_mask_keeps_only_the_first_four_and_last_two_digits():
    assert nik.mask("3522185508900001") == "3522••••••••••01"
    assert nik.mask("") == ""
