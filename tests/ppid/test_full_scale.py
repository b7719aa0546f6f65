"""The full-scale sample loader: the total, idempotence, numbering, and what the public pages show."""

import datetime
import io
from collections import defaultdict

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from portal import demo as demo_registry
from ppid import demo, full_scale, services, statistics
from ppid.models import (
    InfoRequest,
    Objection,
    RegistrationCounter,
    RequestEvent,
    SurveyResponse,
    WrittenNotice,
)

D = datetime.date
TOTAL = 200
PAGES = ["/ppid/", "/ppid/register/", "/ppid/statistik/", "/ppid/laporan/2025/"]


def _load():
    out = io.StringIO()
    full_scale.load(out)
    return out.getvalue()


@pytest.fixture
def small_total(monkeypatch):
    monkeypatch.setattr(full_scale, "TOTAL_REQUESTS", TOTAL)
    return TOTAL


@pytest.fixture
def units(utama, agency, unit_sedahkidul, unit_sumberrejo):
    return [utama, agency, unit_sedahkidul, unit_sumberrejo]


def _assert_numbers_follow_the_counters():
    """Per year the sequences run 1…N without gaps, and the counter stands at N."""
    sequences = defaultdict(list)
    for year, sequence, number in InfoRequest.objects.values_list("year", "sequence", "number"):
        sequences[year].append(sequence)
        assert number == services.format_number(services.REQUEST_SERIES, year, sequence)
    counters = dict(
        RegistrationCounter.objects.filter(series=services.REQUEST_SERIES).values_list("year", "last_number")
    )
    for year, found in sequences.items():
        assert sorted(found) == list(range(1, len(found) + 1))
        assert counters[year] == len(found)


def test_registry_lists_the_loader():
    assert any(
        item.name == "ppid" and item.load is full_scale.load for item in demo_registry.full_scale_loaders()
    )


def test_shares_per_year_add_up_to_the_count_in_the_demo_proportions():
    shares = full_scale.shares_per_year(49_443, demo.REQUESTS_PER_YEAR)
    assert sum(shares.values()) == 49_443
    assert shares[2017] < shares[2021] < shares[2025]
    assert full_scale.shares_per_year(3, {2024: 1, 2025: 1}) in ({2024: 2, 2025: 1}, {2024: 1, 2025: 2})


def test_tops_up_to_the_total_once_and_a_second_run_adds_nothing(units, register, small_total):
    register(received_on=D(2025, 3, 4))
    output = _load()
    assert "199 sample requests added (200 in all)" in output
    assert InfoRequest.objects.count() == TOTAL
    counts = [model.objects.count() for model in (RequestEvent, WrittenNotice, SurveyResponse, Objection)]
    assert "none added" in _load()
    assert InfoRequest.objects.count() == TOTAL
    assert [
        model.objects.count() for model in (RequestEvent, WrittenNotice, SurveyResponse, Objection)
    ] == counts


def test_added_requests_are_sample_data_shaped_like_the_demo(units, small_total):
    _load()
    added = InfoRequest.objects.all()
    assert not added.filter(is_sample=False).exists()
    assert set(added.values_list("year", flat=True)) <= set(demo.YEARS)
    assert set(added.values_list("unit_id", flat=True)) == {unit.pk for unit in units}
    assert not added.exclude(requester_nik="").exists()
    assert all(name.endswith(" Contoh") for name in added.values_list("requester_name", flat=True))
    assert {InfoRequest.Status.GRANTED, InfoRequest.Status.REFUSED} <= set(
        added.values_list("status", flat=True)
    )
    # Every answer has its written notice with the same decision; every timeline ends at the status.
    answered = added.answered()
    assert WrittenNotice.objects.count() == answered.count()
    assert not answered.exclude(notice__decision=F("status")).exists()
    for info_request in added.prefetch_related("events"):
        timeline = [event.to_status for event in info_request.events.all()]
        assert timeline[0] == InfoRequest.Status.REGISTERED and timeline[-1] == info_request.status
    assert not Objection.objects.filter(is_sample=False).exists()


def test_numbers_are_unique_per_year_and_a_request_filed_afterwards_gets_the_next(
    units, register, small_total
):
    register(received_on=D(2025, 3, 4))
    _load()
    _assert_numbers_follow_the_counters()
    assert InfoRequest.objects.values("number").distinct().count() == TOTAL
    top = InfoRequest.objects.filter(year=2025).order_by("-sequence").first().sequence
    filed = register(received_on=D(2025, 12, 30)).request
    assert filed.sequence == top + 1
    assert filed.number == f"PPID/2025/{top + 1:06d}"


def test_numbers_follow_the_order_of_registration(units, small_total):
    _load()
    for year in demo.YEARS:
        sequences = list(
            InfoRequest.objects.filter(year=year)
            .order_by("registered_at", "pk")
            .values_list("sequence", flat=True)
        )
        assert sequences == sorted(sequences)


def test_tops_up_after_the_demo_and_continues_its_numbers(db, monkeypatch):
    demo_loader = next(item for item in demo_registry.loaders() if item.name == "ppid")
    demo_loader.load(io.StringIO())
    demo_count = InfoRequest.objects.count()
    demo_objections = Objection.objects.count()
    monkeypatch.setattr(full_scale, "TOTAL_REQUESTS", demo_count + 300)
    _load()
    assert InfoRequest.objects.count() == demo_count + 300
    assert Objection.objects.count() > demo_objections
    _assert_numbers_follow_the_counters()
    keb = defaultdict(list)
    for year, sequence in Objection.objects.values_list("year", "sequence"):
        keb[year].append(sequence)
    counters = dict(
        RegistrationCounter.objects.filter(series=services.OBJECTION_SERIES).values_list(
            "year", "last_number"
        )
    )
    for year, found in keb.items():
        assert sorted(found) == list(range(1, len(found) + 1)) and counters[year] == len(found)
    # The demo's own rows are untouched, and a second demo run still finds them all.
    assert "0 new requests" in _capture(demo_loader.load)


def _capture(load):
    out = io.StringIO()
    load(out)
    return out.getvalue()


def test_register_pages_show_added_requests_by_number_without_requesters(client, units, small_total):
    _load()
    newest = InfoRequest.objects.public_register().latest()[:25]
    response = client.get("/ppid/register/")
    html = response.content.decode()
    assert response.context["paginator"].count == TOTAL
    for info_request in newest:
        assert info_request.number in html
        assert info_request.requester_name not in html
        assert info_request.requester_email not in html or not info_request.requester_email
    entry = InfoRequest.objects.answered().order_by("pk").first()
    response = client.get(entry.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200 and entry.number in page
    assert entry.requester_initials in page
    for personal in (
        entry.requester_name,
        entry.requester_address,
        entry.requester_email,
        entry.requester_phone,
    ):
        assert not personal or personal not in page


def test_statistics_and_report_count_the_added_requests(client, units, small_total):
    _load()
    response = client.get("/ppid/statistik/")
    assert response.status_code == 200
    by_year = dict(response.context["by_year"])
    assert sum(figures.requests for figures in by_year.values()) == TOTAL
    for year, figures in by_year.items():
        assert figures.requests == InfoRequest.objects.filter(year=year).count()
        assert figures.answered == InfoRequest.objects.filter(year=year).answered().count()
    report = client.get("/ppid/laporan/2025/")
    assert report.status_code == 200
    assert report.context["report"].totals.requests == InfoRequest.objects.filter(year=2025).count()


def _query_counts(client):
    counts = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_public_pages_run_as_many_queries_at_full_scale_as_before(client, units, register, small_total):
    for day in (D(2025, 3, 4), D(2025, 6, 2)):
        info_request = register(received_on=day).request
        services.change_request_status(info_request=info_request, to_status="in_process")
    before = _query_counts(client)
    _load()
    assert _query_counts(client) == before


def test_statistics_at_scale_match_a_count_request_by_request(units, small_total):
    _load()
    expected = defaultdict(lambda: {"days": [], "on_time": 0})
    for info_request in InfoRequest.objects.answered():
        item = expected[info_request.unit_id, info_request.year]
        item["days"].append(info_request.working_days_taken)
        item["on_time"] += info_request.answered_on <= info_request.due_on
    rows = {(row.unit.pk, row.year): row.figures for row in statistics.figures_by_unit_and_year()}
    for key, item in expected.items():
        assert sorted(rows[key].days) == sorted(item["days"]) and rows[key].on_time == item["on_time"]
    years = set(InfoRequest.objects.values_list("year", flat=True))
    assert statistics.years_with_requests() == sorted(years, reverse=True)
