"""System checks: the portal must not start in production without the key for personal data."""

from django.core import checks


def encryption_key(app_configs, **kwargs):
    from .encryption import MissingKeyError, configured_keys

    try:
        keys = configured_keys()
    except MissingKeyError as error:
        return [checks.Error(str(error), id="ppid.E001")]
    from cryptography.fernet import Fernet

    for key in keys:
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            return [
                checks.Error(
                    "FIELD_ENCRYPTION_KEY holds a key that is not a valid Fernet key (32 url-safe base64 bytes).",
                    id="ppid.E002",
                )
            ]
    return []


def register():
    checks.register(encryption_key, checks.Tags.security, deploy=False)
