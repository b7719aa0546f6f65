"""Derived figures as Permendagri 20/2018 defines them, on hand-computed numbers."""

from decimal import Decimal

from ogp import figures


def test_tally_sums_every_level_of_the_chart_of_accounts():
    totals = figures.tally(
        [
            ("4.2.1.01", "", "DDS", 800),
            ("4.2.3.01", "", "ADD", 400),
            ("4.1.2.01", "", "PAD", 50),
            ("5.2.1.02", "01.01.04", "ADD", 4),
            ("5.2.1.01", "01.01.04", "ADD", 6),
            ("5.3.5.03", "02.03.10", "DDS", 90),
        ]
    )
    assert totals.account("4") == 1250
    assert totals.account("4.2") == 1200
    assert totals.account("4.2.1") == 800
    assert totals.account("5.2.1") == 10
    assert totals.account("5.2") == 10
    assert totals.account("5") == 100
    assert totals.activity("01") == 10
    assert totals.activity("01.01.04") == 10
    assert totals.activity("02.03") == 90
    assert totals.by_source == {"DDS": 800, "ADD": 400, "PAD": 50}
    assert totals.spending_by_source == {"ADD": 10, "DDS": 90}


def test_surplus_financing_and_silpa_follow_the_reference_definitions():
    totals = figures.tally(
        [
            ("4.2.1.01", "", "DDS", 1000),
            ("5.3.5.03", "02.03.10", "DDS", 1200),
            ("6.1.1.01", "", "", 300),
            ("6.2.2.01", "", "", 50),
        ]
    )
    # Surplus = 1000 − 1200 = −200; net financing = 300 − 50 = 250; SiLPA = −200 + 250 = 50.
    assert totals.surplus == -200
    assert totals.net_financing == 250
    assert totals.silpa == 50


def test_realisation_rate_is_realised_over_budget_rounded_to_cents():
    assert figures.rate(3, 1) == Decimal("33.33")
    assert figures.rate(800, 600) == Decimal("75.00")
    assert figures.rate(200, 250) == Decimal("125.00")


def test_zero_budget_with_realisation_shows_one_hundred_percent():
    assert figures.rate(0, 5_000_000) == Decimal(100)


def test_zero_budget_and_nothing_realised_has_no_rate():
    assert figures.rate(0, 0) is None
    assert figures.rate(1000, None) is None


def test_shown_rounds_half_up_where_the_page_filter_would_truncate():
    assert figures.shown(Decimal("99.79")) == Decimal("99.8")
    assert figures.shown(Decimal("85.71"), 0) == Decimal("86")
    assert figures.shown(None) is None


def test_zero_lines_appear_in_totals_without_adding_anything():
    totals = figures.tally([("4.3.6.01", "", "DLL", 0), ("4.2.1.01", "", "DDS", 10)])
    assert totals.account("4.3.6") == 0
    assert "4.3.6.01" in totals.by_account
    assert totals.revenue == 10


def test_comparison_gives_original_revised_and_difference():
    original = figures.tally([("5.3.5.03", "02.03.10", "DDS", 900)])
    revised = figures.tally([("5.3.5.03", "02.03.10", "DDS", 1000), ("5.3.7.03", "02.03.14", "DDS", 150)])
    rows = figures.compare([("5", "Belanja"), ("5.3", "Modal")], original, revised)
    assert [(row.original, row.revised, row.difference) for row in rows] == [
        (900, 1150, 250),
        (900, 1150, 250),
    ]


def test_totals_survive_a_round_trip_through_json():
    totals = figures.tally([("4.2.1.01", "", "DDS", 10), ("5.2.1.02", "01.01.04", "ADD", 4)])
    again = figures.Totals.from_json(totals.as_json())
    assert again == totals
    assert again.surplus == 6
