"""Encryption at rest for personal data (the requester's NIK).

Values are encrypted with Fernet (AES-128-CBC with HMAC-SHA256) under the keys
in `settings.FIELD_ENCRYPTION_KEY`, a comma-separated list: the first key
encrypts, every key decrypts, so keys can be rotated by putting a new key
first. Generate a key with::

    python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"

Without a key, a development portal (DEBUG on) derives one from SECRET_KEY; a
production portal refuses to store or read encrypted data and the system check
`ppid.E001` reports the missing setting at start-up.
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class MissingKeyError(ImproperlyConfigured):
    pass


def configured_keys():
    """The Fernet keys in use, first one encrypting; raise MissingKeyError if there are none."""
    raw = getattr(settings, "FIELD_ENCRYPTION_KEY", "") or ""
    keys = tuple(key.strip() for key in raw.split(",") if key.strip())
    if keys:
        return keys
    if settings.DEBUG:
        digest = hashlib.sha256(("ppid-field-encryption:" + settings.SECRET_KEY).encode()).digest()
        return (base64.urlsafe_b64encode(digest).decode(),)
    raise MissingKeyError(
        "FIELD_ENCRYPTION_KEY must be set when DJANGO_DEBUG is off: personal data is encrypted with it. "
        'Generate one with: python -c "from cryptography.fernet import Fernet; '
        'print(Fernet.generate_key().decode())"'
    )


@lru_cache(maxsize=8)
def _cipher(keys):
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY holds a key that is not a valid Fernet key (32 url-safe base64 bytes)."
        ) from error


def cipher():
    return _cipher(configured_keys())


def encrypt(text):
    return cipher().encrypt(text.encode()).decode()


def decrypt(token):
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "Encrypted personal data cannot be read with the configured FIELD_ENCRYPTION_KEY."
        ) from error


class EncryptedTextField(models.TextField):
    """A text field stored encrypted; the empty string stays empty (nothing to protect).

    Encryption is randomised, so the field cannot be searched or filtered on.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)
