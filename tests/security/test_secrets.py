"""Production refuses public or guessable secrets; `make serve` makes its own."""

import base64
import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from portal import production_secrets

ROOT = Path(__file__).resolve().parents[2]
# The key tests/conftest.py encrypts with: public, and typed rather than generated.
TEST_FIXTURE_KEY = "b3JhbmctYm9qb25lZ29yby1rZXktZm9yLXRlc3RzLTE="
# Long and varied enough, but anyone reading this file has it.
WRITTEN_HERE = "this-secret-is-written-in-a-test-file-so-everyone-has-it-0123456789"


def fresh_secret():
    return secrets.token_urlsafe(50)


def fresh_key():
    return Fernet.generate_key().decode()


def typed_key():
    """A valid Fernet key made of 32 letters someone typed (made here, so written nowhere)."""
    letters = "".join(secrets.choice(string.ascii_letters) for _ in range(32))
    return base64.urlsafe_b64encode(letters.encode()).decode()


def test_generated_secrets_pass():
    assert production_secrets.problems(secret_key=fresh_secret(), field_keys=[fresh_key()], root=ROOT) == []


@pytest.mark.parametrize(
    "secret, expected",
    [
        ("short-" + "x" * 40, "at least 50 characters"),
        ("a" * 80, "at least 50 characters"),
        (WRITTEN_HERE, "written in the portal's repository"),
        (production_secrets.DEVELOPMENT_SECRET, "written in the portal's repository"),
        # What make serve once used: public in its pattern, whatever the host name.
        (f"local-serve-pc-{secrets.token_hex(4)}-not-for-production-0123456789abcdef", "a placeholder"),
        ("django-insecure-" + secrets.token_urlsafe(40), "a placeholder"),
    ],
    # Fixed ids: every test worker must collect the same names, whatever the random part.
    ids=["short", "repeated", "written-here", "development", "old-make-serve", "django-insecure"],
)
def test_short_repeated_or_public_secret_keys_are_refused(secret, expected):
    found = production_secrets.problems(secret_key=secret, field_keys=[fresh_key()], root=ROOT)
    assert len(found) == 1
    assert expected in found[0]


def test_a_secret_found_in_any_repository_file_is_refused(tmp_path):
    secret = fresh_secret()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "deploy.md").write_text(f"DJANGO_SECRET_KEY={secret}\n")
    found = production_secrets.problems(secret_key=secret, field_keys=[fresh_key()], root=tmp_path)
    assert found == [
        "DJANGO_SECRET_KEY is written in the portal's repository, so it is public; generate a new one."
    ]


def test_the_deployments_own_env_files_are_not_the_repository(tmp_path):
    secret, key = fresh_secret(), fresh_key()
    (tmp_path / ".env").write_text(f"DJANGO_SECRET_KEY={secret}\nFIELD_ENCRYPTION_KEY={key}\n")
    (tmp_path / ".serve.env").write_text(f"SERVE_SECRET_KEY={secret}\n")
    (tmp_path / ".venv-3.13").mkdir()
    (tmp_path / ".venv-3.13" / "pyvenv.cfg").write_text(f"# {secret}\n")
    assert production_secrets.problems(secret_key=secret, field_keys=[key], root=tmp_path) == []


@pytest.mark.parametrize(
    "key, expected",
    [
        (production_secrets._derived_from(production_secrets.DEVELOPMENT_SECRET), "key 2 is written"),
        (TEST_FIXTURE_KEY, "key 2 is written"),
        (typed_key(), "key 2 is readable text"),
    ],
    ids=["derived-from-development-secret", "test-fixture-key", "typed-text"],
)
def test_public_or_typed_encryption_keys_are_refused_in_any_position(key, expected):
    found = production_secrets.problems(secret_key=fresh_secret(), field_keys=[fresh_key(), key], root=ROOT)
    assert len(found) == 1
    assert expected in found[0]


def run_production(**overrides):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "FIELD_"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="portal.example.go.id",
        DJANGO_SECRET_KEY=fresh_secret(),
        FIELD_ENCRYPTION_KEY=fresh_key(),
        SITE_URL="https://portal.example.go.id",
    )
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_production_stops_on_the_development_secret_and_the_key_once_derived_from_it():
    derived = production_secrets._derived_from(production_secrets.DEVELOPMENT_SECRET)
    result = run_production(
        DJANGO_SECRET_KEY=production_secrets.DEVELOPMENT_SECRET, FIELD_ENCRYPTION_KEY=derived
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: DJANGO_SECRET_KEY is written in the portal's repository, so it is public; "
        "generate a new one."
    ]
    result = run_production(FIELD_ENCRYPTION_KEY=derived)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEY key 1 is written in the portal's repository" in result.stderr


def serve_recipe():
    makefile = (ROOT / "Makefile").read_text()
    start = makefile.index("\nserve:")
    return makefile[start : makefile.index("\n\n", start)]


def test_make_serve_keeps_its_own_random_secrets_in_an_ignored_file_and_two_factor_on():
    recipe = serve_recipe()
    assert "DEV_SECRET" not in recipe
    assert "hashlib" not in recipe
    assert "OTP_REQUIRED=0" not in recipe
    assert "$${OTP_REQUIRED:-1}" in recipe
    assert ".serve.env" in (ROOT / ".gitignore").read_text().split()
    assert "secrets.token_urlsafe(50)" in (ROOT / "Makefile").read_text()


def test_make_serve_makes_its_secrets_once_privately_and_they_pass_production(tmp_path):
    stamp, kept = tmp_path / "installed", tmp_path / ".serve.env"
    stamp.touch()
    make = ["make", "-s", f"STAMP={stamp}", f"SERVE_SECRETS={kept}", str(kept)]
    subprocess.run(make, cwd=ROOT, check=True, capture_output=True, timeout=60)
    first = kept.read_text()
    values = dict(line.split("=", 1) for line in first.splitlines())
    assert set(values) == {"SERVE_SECRET_KEY", "SERVE_FIELD_ENCRYPTION_KEY"}
    assert kept.stat().st_mode & 0o077 == 0
    assert (
        production_secrets.problems(
            secret_key=values["SERVE_SECRET_KEY"],
            field_keys=[values["SERVE_FIELD_ENCRYPTION_KEY"]],
            root=ROOT,
        )
        == []
    )
    subprocess.run(make, cwd=ROOT, check=True, capture_output=True, timeout=60)
    assert kept.read_text() == first


def test_an_encryption_key_derived_from_the_secret_key_is_refused():
    secret = fresh_secret()
    found = production_secrets.problems(
        secret_key=secret, field_keys=[production_secrets._derived_from(secret)], root=ROOT
    )
    assert found == [
        "FIELD_ENCRYPTION_KEY key 1 is derived from DJANGO_SECRET_KEY; generate a key of its own."
    ]
