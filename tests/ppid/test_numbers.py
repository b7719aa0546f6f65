"""Registration numbers: readable, per year, unique, and never shared by concurrent requests."""

import datetime

import pytest
from django.utils import translation

from ppid import services
from ppid.models import InfoRequest, RegistrationCounter
from tests.concurrency import run_at_once

from .conftest import make_requester

D = datetime.date


def test_numbers_run_per_year_and_restart_in_a_new_year(register):
    first = register(received_on=D(2025, 12, 30)).request
    second = register(received_on=D(2025, 12, 31)).request
    new_year = register(received_on=D(2026, 1, 2)).request
    assert [first.number, second.number, new_year.number] == [
        "PPID/2025/000001",
        "PPID/2025/000002",
        "PPID/2026/000001",
    ]
    assert RegistrationCounter.objects.get(series="PPID", year=2025).last_number == 2


def test_number_converter_round_trips_through_the_url(register):
    from django.urls import resolve, reverse

    info_request = register(received_on=D(2025, 12, 30)).request
    translation.activate("id")  # the Indonesian address; the English one is the same under /en/
    url = reverse("ppid:register_entry", args=[info_request.number])
    assert url == "/ppid/permohonan/PPID-2025-000001/"
    assert resolve(url).kwargs["nomor"] == "PPID/2025/000001"
    assert info_request.get_absolute_url() == url


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("PPID/2026/000123", "PPID/2026/000123"),
        ("ppid-2026-123", "PPID/2026/000123"),
        (" PPID 2026 000123 ", "PPID/2026/000123"),
        ("KEB/2026/7", "KEB/2026/000007"),
        ("2026/000123", None),
        ("PPID/26/1", None),
    ],
)
def test_typed_numbers_are_normalised(typed, canonical):
    assert services.normalise_number(typed) == canonical


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_share_a_number(unit_sedahkidul):
    """Eight registrations at once, each in its own thread and connection."""

    def file_one(index):
        registration = services.register_request(
            unit=unit_sedahkidul,
            requester=make_requester(name=f"Pemohon {index}"),
            information_requested="APB Desa",
            purpose="Kajian",
            obtain_method="softcopy",
            delivery_method="email",
            received_on=D(2025, 6, 2),
        )
        return registration.request.number

    results, errors = run_at_once(file_one, threads=8)
    assert errors == []
    assert sorted(results) == [f"PPID/2025/{n:06d}" for n in range(1, 9)]
    assert InfoRequest.objects.count() == 8
    assert RegistrationCounter.objects.get(series="PPID", year=2025).last_number == 8
