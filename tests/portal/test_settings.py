"""Settings read the environment in one place and refuse a half-configured production."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
# Generated per run: a secret written in the repository is refused in production.
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "portal.example.go.id",
    "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
    "SITE_URL": "https://portal.example.go.id",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "FIELD_ENCRYPTION_KEY", "SITE_URL"]
)
def test_production_refuses_to_start_without_required_variable(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines == [f"Configuration error: {missing} must be set when DJANGO_DEBUG is off."]


@pytest.mark.parametrize("site_url", ["portal.example.go.id", "ftp://portal.example.go.id", "https://"])
def test_production_refuses_a_site_url_that_is_not_an_address(site_url):
    result = run_manage("check", env={**PRODUCTION, "SITE_URL": site_url})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: SITE_URL must be the portal's address, like https://portal.example.go.id."
    ]


def test_development_runs_without_a_site_url():
    result = run_manage("check", env={"DJANGO_DEBUG": "1", "SITE_URL": ""})
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_no_environment_means_development_on_sqlite():
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'portal.settings'); django.setup();"
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.REGION_CODE)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    debug, engine, name, region = result.stdout.split()
    assert debug == "True"
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "db.sqlite3")
    assert region == "35.22"


def test_database_url_switches_to_postgresql():
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'portal.settings'); django.setup();"
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    clean["DATABASE_URL"] = "postgres://portal@db.internal:5432/portal"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert result.stdout.split() == ["django.db.backends.postgresql", "portal"]


def test_env_example_documents_every_variable():
    settings_source = (ROOT / "portal" / "settings.py").read_text()
    example = (ROOT / ".env.example").read_text()
    import re

    read = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.M))
    assert read, "settings read no variables?"
    assert read <= documented, f"undocumented: {sorted(read - documented)}"
