"""Secrets a production portal refuses: public ones and guessable ones.

`problems(secret_key=…, field_keys=…)` lists what is wrong with the signing
secret and the encryption keys, one line each; settings stop the portal on the
first. A value is public when it is written anywhere in the repository (the
development secret, an example, a test fixture: everyone with the code has it)
or is one of the values earlier versions derived from such a secret, and a
secret that calls itself a placeholder ("not-for-production") is none. A
``SECRET_KEY`` needs at least 50 characters; an encryption key must be a
Fernet key (32 bytes, url-safe base64) generated, not typed: its bytes must not
all be readable characters, and it must not be derived from the ``SECRET_KEY``
(as `make serve` once did): nothing the portal encrypts depends on the signing
secret.
"""

import base64
import binascii
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

MIN_SECRET_LENGTH = 50
DEVELOPMENT_SECRET = "django-insecure-development-only-key-never-use-in-production"
# Folders and files of a checkout that are not the repository's (see .gitignore).
NOT_REPOSITORY = {
    ".git",
    ".venv",
    "node_modules",
    "media",
    "private_media",
    "staticfiles",
    "backups",
    "bench-results",
    "e2e-artifacts",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
}
LARGEST_SCANNED_FILE = 8 * 1024 * 1024


def _derived_from(secret):
    """The encryption key `make serve` once derived from a secret (hence as public as it)."""
    digest = hashlib.sha256(("ppid-field-encryption:" + secret).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


DENIED = frozenset({DEVELOPMENT_SECRET, _derived_from(DEVELOPMENT_SECRET)})
# Words of a placeholder, not of a secret: Django's own "django-insecure-" prefix, and
# what earlier `make serve` secrets said ("local-serve-<host>-not-for-production-…").
PLACEHOLDER_WORDS = (
    "django-insecure",
    "insecure-",
    "not-for-production",
    "never-use",
    "change-me",
    "changeme",
)


def _repository_files(root):
    for folder, subfolders, files in os.walk(root):
        # .venv-3.13 and the like: the second virtualenvs `make test VENV=…` builds.
        subfolders[:] = [
            name for name in subfolders if name not in NOT_REPOSITORY and not name.startswith(".venv-")
        ]
        for name in files:
            # .env and make serve's .serve.env hold this deployment's own secrets.
            if name.startswith((".env", ".serve")) and name != ".env.example":
                continue
            if name.startswith("db") and ".sqlite3" in name:
                continue
            yield Path(folder) / name


def appears_in_repository(value, root):
    """Whether the value is written in any file of the checkout at root."""
    needle = value.encode()
    for path in _repository_files(root):
        try:
            if path.stat().st_size <= LARGEST_SCANNED_FILE and needle in path.read_bytes():
                return True
        except OSError:
            continue
    return False


def _is_public(value, root):
    return value in DENIED or appears_in_repository(value, root)


def _typed_not_generated(key):
    try:
        raw = base64.urlsafe_b64decode(key.encode())
    except (binascii.Error, ValueError):
        return False  # the encryption module reports keys that are not Fernet keys
    return len(raw) == 32 and all(32 <= byte < 127 for byte in raw)


def is_site_address(url):
    """Whether `url` is an absolute http(s) address with a host and nothing after the path."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not (parts.query or parts.fragment)


def problems(*, secret_key, field_keys, root):
    """Why these secrets must not run a production portal; an empty list when they may."""
    found = []
    if len(secret_key) < MIN_SECRET_LENGTH or len(set(secret_key)) < 5:
        found.append(f"DJANGO_SECRET_KEY must be a random value of at least {MIN_SECRET_LENGTH} characters.")
    elif _is_public(secret_key, root):
        found.append(
            "DJANGO_SECRET_KEY is written in the portal's repository, so it is public; generate a new one."
        )
    elif any(word in secret_key.lower() for word in PLACEHOLDER_WORDS):
        found.append("DJANGO_SECRET_KEY is a placeholder that says so, not a secret; generate a new one.")
    for position, key in enumerate(field_keys, start=1):
        if _is_public(key, root):
            found.append(
                f"FIELD_ENCRYPTION_KEY key {position} is written in the portal's repository, so it is public; "
                "generate a new one."
            )
        elif key == _derived_from(secret_key):
            found.append(
                f"FIELD_ENCRYPTION_KEY key {position} is derived from DJANGO_SECRET_KEY; generate a key of its own."
            )
        elif _typed_not_generated(key):
            found.append(f"FIELD_ENCRYPTION_KEY key {position} is readable text, not a generated key.")
    return found
