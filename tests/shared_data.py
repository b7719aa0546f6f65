"""Data loaded once for every test of a module, for tests that only read it.

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker, tmp_path_factory):
        with shared_for_module(django_db_blocker, tmp_path_factory.mktemp("demo")):
            load_the_demo()
            yield

Everything the block writes sits in one transaction that is rolled back when
the module's tests are done. Each test runs in a savepoint inside it (the
`db` fixture), so a test that writes undoes its writes as usual and the next
test sees the data as loaded. The block gets the settings every test gets
(fast hashing, in-memory cache and e-mail, files under `root`);
`media_under` points a test's file storage at `root` so it finds the files
the block wrote. Not for transactional tests (`transaction=True`), which
empty the tables themselves.
"""

import contextlib

from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import override_settings


def isolated_settings(root):
    """The settings `tests.conftest._fast_and_isolated` gives each test, with files under `root`."""
    return {
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **media_settings(root),
        "PAGE_CACHE_SECONDS": 0,
        "AUTHENTICATION_BACKENDS": ["django.contrib.auth.backends.ModelBackend"],
        "OTP_REQUIRED": False,
        "FIELD_ENCRYPTION_KEY": "b3JhbmctYm9qb25lZ29yby1rZXktZm9yLXRlc3RzLTE=",
    }


def media_settings(root):
    return {
        "MEDIA_ROOT": root / "media",
        "STORAGES": {
            **django_settings.STORAGES,
            "default": {
                "BACKEND": "portal.uploads.storage.VerifiedFileSystemStorage",
                "OPTIONS": {"location": root / "media"},
            },
            "private": {
                "BACKEND": "portal.uploads.storage.VerifiedFileSystemStorage",
                "OPTIONS": {"location": root / "private", "base_url": None},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }


def media_under(settings, root):
    """Point this test's file storage at the shared data's files."""
    for name, value in media_settings(root).items():
        setattr(settings, name, value)


@contextlib.contextmanager
def shared_for_module(django_db_blocker, root, **extra_settings):
    """Open the transaction (and settings) the shared data lives in; roll it back on exit.

    Content types cached while the block ran may name rows the rollback
    removes, so the cache is emptied with it.
    """
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(**{**isolated_settings(root), **extra_settings}),
            transaction.atomic(),
        ):
            yield
            transaction.set_rollback(True)
    finally:
        ContentType.objects.clear_cache()
