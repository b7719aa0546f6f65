"""Shared fixtures: the territory loaded once per test database, users per role,
a fast password hasher, an in-memory cache and e-mail, and no network."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.dispatch import receiver
from django.test.signals import setting_changed
from django.urls import clear_url_caches
from pytest_django.plugin import blocking_manager_key

from portal import data_versions
from portal.models import StaffProfile, Village
from portal.roles import Role, sync_roles

# Bojonegoro's two villages used throughout the tests.
SEDAHKIDUL = "35.22.18.2007"
SUMBERREJO = "35.22.12.2006"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the regions of REGION_CODE (and the role groups) once per test database."""
    with django_db_blocker.unblock():
        call_command("load_regions", verbosity=0)
        sync_roles()


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


def _restore_territory():
    if not Village.objects.exists():
        # The flush gave content types new ids; forget the ones cached before it.
        ContentType.objects.clear_cache()
        call_command("load_regions", verbosity=0)
        sync_roles()


@pytest.fixture(autouse=True)
def _territory_after_flush(request):
    """Transactional tests empty every table when they end; a transactional test finds the territory."""
    if _is_transactional(request.node):
        request.getfixturevalue("transactional_db")
        _restore_territory()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the territory back as soon as a transactional test's flush has emptied the tables.

    pytest-django runs the transactional tests after the others, but the next
    test a worker is given may still be an ordinary one, which needs the
    territory too.
    """
    result = yield
    if _is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            _restore_territory()
    return result


@pytest.fixture(autouse=True)
def _throttle_clock_held_still(monkeypatch):
    """Throttles count per fixed window; a test must not straddle two of them."""
    from portal import throttle

    monkeypatch.setattr(throttle, "now", lambda: 1_800_000_000.0)


@receiver(setting_changed)
def _addresses_follow_the_default_language(setting, **kwargs):
    """The unprefixed language is LANGUAGE_CODE: the resolver's cached prefixes must follow it."""
    if setting in ("LANGUAGE_CODE", "LANGUAGES"):
        clear_url_caches()


@pytest.fixture(autouse=True)
def _default_language_between_tests():
    """A request leaves its language active in the thread; `reverse` gives that language's address
    (`/en/…`), so each test starts and ends in the default language."""
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "portal.uploads.storage.VerifiedFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "private": {
            "BACKEND": "portal.uploads.storage.VerifiedFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    # Whole-page caching and login lockout have their own tests; elsewhere they
    # would only hide what a test changes (and axes needs a request to log in).
    settings.PAGE_CACHE_SECONDS = 0
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
    settings.OTP_REQUIRED = False
    settings.FIELD_ENCRYPTION_KEY = "b3JhbmctYm9qb25lZ29yby1rZXktZm9yLXRlc3RzLTE="
    cache.clear()
    data_versions.forget()
    yield
    cache.clear()
    data_versions.forget()


def create_staff(username, role=None, village_code=None, **extra):
    """Create a staff user with a role and, optionally, the village they answer for."""
    user = User.objects.create_user(
        username=username, password="correct horse battery", is_staff=True, **extra
    )
    if role is not None:
        user.groups.add(Group.objects.get(name=Role(role).value))
    village = Village.objects.get(code=village_code) if village_code else None
    StaffProfile.objects.create(user=user, village=village)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def make_staff(db):
    """Create a staff user with a role and, optionally, the village they answer for."""
    return create_staff


@pytest.fixture
def officer_sedahkidul(make_staff):
    return make_staff("sekdes_sedahkidul", Role.PPID_DESA, SEDAHKIDUL)


@pytest.fixture
def officer_sumberrejo(make_staff):
    return make_staff("sekdes_sumberrejo", Role.PPID_DESA, SUMBERREJO)


@pytest.fixture
def administrator(make_staff):
    return make_staff("admin_diskominfo", Role.ADMINISTRATOR)


@pytest.fixture
def editor(make_staff):
    return make_staff("editor_diskominfo", Role.EDITOR)


@pytest.fixture
def ppid_utama(make_staff):
    return make_staff("ppid_utama", Role.PPID_UTAMA)
