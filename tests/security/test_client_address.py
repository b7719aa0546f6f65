"""The client address comes from X-Forwarded-For only through trusted proxies."""

import re
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from portal import throttle
from portal.client_address import client_address, parse_networks
from portal.middleware import AuditlogMiddleware

AXES_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]


def request_from(peer, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().post("/", REMOTE_ADDR=peer, **extra)


@pytest.mark.parametrize(
    "trusted, peer, forwarded, expected",
    [
        # No trusted proxy (the default): the header is ignored, whatever it says.
        ([], "203.0.113.7", "1.2.3.4", "203.0.113.7"),
        ([], "127.0.0.1", "1.2.3.4, 10.0.0.9", "127.0.0.1"),
        # A peer that is not a trusted proxy cannot speak for anyone else.
        (["127.0.0.1"], "203.0.113.7", "1.2.3.4", "203.0.113.7"),
        # Behind nginx: the address nginx appended, not what the client wrote before it.
        (["127.0.0.1"], "127.0.0.1", "6.6.6.6, 198.51.100.4", "198.51.100.4"),
        # Two proxies: the right-most address neither of them is.
        (["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3", "198.51.100.4"),
        (["::1", "2001:db8::/32"], "::1", "[2001:db9::5]:443, 2001:db8::7", "2001:db9::5"),
        (["127.0.0.1"], "127.0.0.1", "198.51.100.4:5123", "198.51.100.4"),
        # A trusted proxy that forwards nothing usable: the proxy itself.
        (["127.0.0.1"], "127.0.0.1", None, "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", "not-an-address", "127.0.0.1"),
        (["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "10.0.0.5", "10.0.0.5"),
    ],
)
def test_client_address_believes_only_trusted_proxies(settings, trusted, peer, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    assert client_address(request_from(peer, forwarded)) == expected


def test_a_bad_trusted_proxies_entry_is_named():
    with pytest.raises(ValueError, match="'10.0.0.300/8'"):
        parse_networks(("10.0.0.300/8",))


def test_a_new_forwarded_address_per_request_does_not_escape_the_throttle(settings):
    settings.TRUSTED_PROXIES = []
    hits = [throttle.hit(request_from("203.0.113.7", f"1.2.3.{n}"), "spoof", "3/m") for n in range(6)]
    assert hits == [True, True, True, False, False, False]


def test_behind_a_trusted_proxy_clients_are_counted_apart_but_spoofing_does_not_help(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    spoofed = [
        throttle.hit(request_from("127.0.0.1", f"9.9.9.{n}, 198.51.100.4"), "proxy", "2/m") for n in range(4)
    ]
    assert spoofed == [True, True, False, False]
    assert throttle.hit(request_from("127.0.0.1", "198.51.100.5"), "proxy", "2/m")


@pytest.mark.parametrize("trusted", [[], ["127.0.0.1"]])
def test_rotating_forwarded_addresses_does_not_defeat_the_login_lockout(db, client, settings, trusted):
    settings.AUTHENTICATION_BACKENDS = AXES_BACKENDS
    settings.TRUSTED_PROXIES = trusted
    User.objects.create_user("sekdes", password="correct horse battery", is_staff=True)
    url = reverse("admin:login")
    for n in range(8):
        client.post(
            url,
            {"username": "sekdes", "password": "wrong", "next": "/admin/"},
            HTTP_X_FORWARDED_FOR=f"5.5.5.{n}, 198.51.100.4",
        )
    response = client.post(
        url,
        {"username": "sekdes", "password": "correct horse battery", "next": "/admin/"},
        HTTP_X_FORWARDED_FOR="7.7.7.7, 198.51.100.4",
    )
    assert response.status_code == 429
    expected = "198.51.100.4" if trusted else "127.0.0.1"
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [expected]


@pytest.mark.parametrize("trusted, expected", [([], "127.0.0.1"), (["127.0.0.1"], "198.51.100.4")])
def test_the_audit_trail_records_the_same_address(db, settings, trusted, expected):
    settings.TRUSTED_PROXIES = trusted

    def change_something(request):
        User.objects.create_user("baru", password="x" * 20)
        return None

    AuditlogMiddleware(change_something)(request_from("127.0.0.1", "6.6.6.6, 198.51.100.4"))
    entry = LogEntry.objects.get_for_object(User.objects.get(username="baru")).get()
    assert entry.remote_addr == expected


def test_no_other_code_reads_the_peer_or_the_forwarded_header(settings):
    root = Path(__file__).resolve().parents[2]
    readers = sorted(
        str(path.relative_to(root))
        for package in ("portal", "visits", "kim", "ppid", "ogp")
        for path in (root / package).rglob("*.py")
        if re.search(
            r"[\"'](REMOTE_ADDR|HTTP_X_FORWARDED_FOR|X-Forwarded-For)[\"']",
            path.read_text(encoding="utf-8"),
            re.I,
        )
        and "migrations" not in path.parts
    )
    assert readers == ["portal/client_address.py"]
    assert settings.AXES_CLIENT_IP_CALLABLE == "portal.client_address.client_address"
    assert "portal.middleware.AuditlogMiddleware" in settings.MIDDLEWARE
    assert "auditlog.middleware.AuditlogMiddleware" not in settings.MIDDLEWARE
