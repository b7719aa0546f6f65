"""Money, numbers, percentages and dates as the portal writes them (portal.formatting)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from portal import formatting
from portal.formatting import angka, persen, rupiah, tanggal, tanggal_angka, tanggal_pendek


@pytest.mark.parametrize(
    "value, shown",
    [
        (1250000000, "Rp1.250.000.000"),
        (0, "Rp0"),
        (-15000, "-Rp15.000"),
        (999, "Rp999"),
        ("2500", "Rp2.500"),
        (None, ""),
        ("", ""),
        ("n/a", "n/a"),
    ],
)
def test_rupiah_uses_dots_and_no_decimals(value, shown):
    assert rupiah(value) == shown


def test_rupiah_keeps_dots_in_english():
    with translation.override("en"):
        assert rupiah(1250000) == "Rp1.250.000"


@pytest.mark.parametrize("value, shown", [(50000, "50.000"), (7, "7"), (-1200, "-1.200"), ("x", "x")])
def test_angka_groups_thousands_with_dots(value, shown):
    assert angka(value) == shown


def test_percentages_follow_the_language():
    with translation.override("id"):
        assert persen(83.333) == "83,3%"
        assert persen(50, digits=0) == "50%"
    with translation.override("en"):
        assert persen(83.333) == "83.3%"
        assert persen(100 * 2 / 12) == "16.7%"  # rounded, not cut off
        assert persen(99.96) == "100.0%"
        assert persen(12.345, digits="2") == "12.35%"


@pytest.mark.parametrize("value", [None, ""])
def test_missing_percentage_is_a_dash(value):
    assert persen(value) == "–"


def test_percentage_of_text_is_left_as_it_is():
    assert persen("unknown") == "unknown"


def test_dates_render_with_indonesian_weekday_and_month():
    with translation.override("id"):
        assert tanggal(datetime.date(2017, 9, 19)) == "Selasa, 19 September 2017"
        assert tanggal(datetime.date(2025, 3, 31)) == "Senin, 31 Maret 2025"
        assert tanggal_pendek(datetime.date(2025, 8, 17)) == "17 Agu 2025"
    with translation.override("en"):
        assert tanggal(datetime.date(2017, 9, 19)) == "Tuesday, 19 September 2017"
        assert tanggal_pendek(datetime.date(2017, 9, 19)) == "19 Sep 2017"


def test_datetimes_are_shown_in_jakarta_time():
    moment = datetime.datetime(2017, 9, 18, 20, 0, tzinfo=datetime.UTC)  # 03:00 WIB the next day
    with translation.override("id"):
        assert tanggal(moment) == "Selasa, 19 September 2017"
        assert tanggal_pendek(moment) == "19 Sep 2017"
    assert tanggal_angka(moment) == "19-09-2017"


def test_naive_datetimes_are_taken_as_they_are():
    with translation.override("id"):
        assert tanggal(datetime.datetime(2017, 9, 18, 23, 0)) == "Senin, 18 September 2017"


def test_digit_dates_put_the_day_first():
    assert tanggal_angka(datetime.date(2024, 1, 5)) == "05-01-2024"


@pytest.mark.parametrize("function", [tanggal, tanggal_pendek, tanggal_angka])
@pytest.mark.parametrize("value", [None, ""])
def test_missing_dates_are_empty(function, value):
    assert function(value) == ""


@pytest.mark.parametrize("name", formatting.__all__)
def test_template_filters_are_the_formatting_functions(name):
    from portal.templatetags import portal as tags

    assert tags.register.filters[name] is getattr(formatting, name)


def test_filters_render_in_a_template():
    template = Template("{% load portal %}{{ amount|rupiah }} {{ share|persen:0 }} {{ day|tanggal_angka }}")
    with translation.override("id"):
        shown = template.render(Context({"amount": 1500, "share": 12.6, "day": datetime.date(2024, 2, 1)}))
    assert shown == "Rp1.500 13% 01-02-2024"
