"""Headers every answer carries, no server version banner, and a database set up by `migrate` alone."""

import runpy
from pathlib import Path

import gunicorn
import gunicorn.http.wsgi
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import RequestFactory

from portal import throttle

ROOT = Path(__file__).resolve().parents[2]


def test_every_answer_denies_powerful_browser_features(client, db):
    for url in ("/", "/admin/login/", "/halaman-yang-tidak-ada/"):
        policy = client.get(url)["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in policy, (url, feature)


def test_gunicorn_names_no_product_or_version(monkeypatch):
    monkeypatch.setattr(gunicorn.http.wsgi, "SERVER", gunicorn.SERVER)
    runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert gunicorn.http.wsgi.SERVER == "portal"
    assert gunicorn.__version__ not in gunicorn.http.wsgi.SERVER


def test_the_migrations_create_the_database_cache_table(db, monkeypatch):
    assert "portal_cache" in connection.introspection.table_names()
    # A database set up by `migrate` alone: the throttles work on the database cache.
    cache = DatabaseCache("portal_cache", {})
    cache.set("probe", 1)
    assert cache.get("probe") == 1
    monkeypatch.setattr(throttle, "cache", cache)
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.5")
    assert [throttle.hit(request, "probe", "1/m") for _ in range(2)] == [True, False]


def test_make_migrate_needs_no_separate_cache_table_step():
    makefile = (ROOT / "Makefile").read_text()
    assert "createcachetable" not in makefile


def test_gunicorn_listens_on_loopback_unless_told_otherwise(monkeypatch):
    """Only the nginx in front reaches gunicorn, which believes its forwarded headers."""
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["bind"] == "127.0.0.1:8000"
    unit = (ROOT / "deploy/systemd/portal.service").read_text()
    settings_lines = [line for line in unit.splitlines() if not line.startswith("#")]
    assert not [line for line in settings_lines if "GUNICORN_BIND" in line or "0.0.0.0" in line]
    assert "EnvironmentFile=/etc/portal/env" in settings_lines
