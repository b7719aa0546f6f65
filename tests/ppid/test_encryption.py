import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from ppid import encryption
from ppid.checks import encryption_key
from ppid.models import InfoRequest

from .conftest import TEST_KEY, VALID_NIK, reload


def _raw_nik(info_request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT requester_nik FROM ppid_inforequest WHERE id = %s", [info_request.pk])
        return cursor.fetchone()[0]


def test_nik_is_encrypted_at_rest_and_read_back(register):
    info_request = register().request
    raw = _raw_nik(info_request)
    assert VALID_NIK not in raw
    assert raw.startswith("gAAAA")  # a Fernet token
    assert reload(info_request).requester_nik == VALID_NIK


def test_missing_key_in_production_fails_clearly(settings, register):
    settings.FIELD_ENCRYPTION_KEY = ""
    settings.DEBUG = False
    with pytest.raises(encryption.MissingKeyError, match="FIELD_ENCRYPTION_KEY must be set"):
        register()
    assert not InfoRequest.objects.exists()
    errors = encryption_key(None)
    assert [error.id for error in errors] == ["ppid.E001"]


def test_missing_key_stops_the_system_check(settings):
    settings.FIELD_ENCRYPTION_KEY = ""
    settings.DEBUG = False
    with pytest.raises(SystemCheckError, match="ppid.E001"):
        call_command("check")


def test_development_derives_a_key_from_the_secret_key(settings, register):
    settings.FIELD_ENCRYPTION_KEY = ""
    settings.DEBUG = True
    info_request = register().request
    assert VALID_NIK not in _raw_nik(info_request)
    assert reload(info_request).requester_nik == VALID_NIK
    assert encryption_key(None) == []


def test_an_invalid_key_is_reported(settings):
    settings.FIELD_ENCRYPTION_KEY = "not-a-key"
    assert [error.id for error in encryption_key(None)] == ["ppid.E002"]


def test_keys_can_be_rotated(settings, register):
    info_request = register().request
    settings.FIELD_ENCRYPTION_KEY = f"{Fernet.generate_key().decode()},{TEST_KEY}"
    assert reload(info_request).requester_nik == VALID_NIK
