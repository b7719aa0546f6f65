"""Fixtures of the information service's tests: an encryption key, units and request helpers."""

import datetime

import pytest
from django.utils import timezone, translation

from portal.models import Village
from ppid import services
from ppid.models import InfoRequest, PpidUnit, WrittenNotice
from tests.conftest import SEDAHKIDUL, SUMBERREJO

from .opensid_server import opensid  # noqa: F401  (the fake OpenSID site fixture)
from .smtp_server import smtp_server  # noqa: F401  (a real SMTP server on loopback)

# A fixed Fernet key so tests never depend on the environment.
TEST_KEY = "b3JhbmctYm9qb25lZ29yby1rZXktZm9yLXRlc3RzLTE="
# A valid NIK: province 35, regency 22, district 18, born 15-08-1990 (woman: 15 + 40), serial 0001.
VALID_NIK = "3522185508900001"


@pytest.fixture(autouse=True)
def _ppid_settings(settings):
    settings.FIELD_ENCRYPTION_KEY = TEST_KEY
    settings.PPID_SKIP_CUTI_BERSAMA = True
    settings.PPID_RETENTION_YEARS = 5


@pytest.fixture
def utama(db):
    return PpidUnit.objects.create(
        kind=PpidUnit.Kind.UTAMA,
        name="PPID Utama Kabupaten Bojonegoro",
        slug="ppid-utama",
        agency="Dinas Komunikasi dan Informatika",
        officer_name="Kepala Diskominfo Uji",
        officer_position="Kepala Dinas Komunikasi dan Informatika",
        atasan_name="Sekda Uji",
        atasan_position="Sekretaris Daerah Kabupaten Bojonegoro",
        email="ppid-utama@example.org",
    )


@pytest.fixture
def agency(db):
    return PpidUnit.objects.create(
        kind=PpidUnit.Kind.PELAKSANA,
        name="PPID Pelaksana Dinas Kesehatan",
        slug="ppid-dinkes",
        agency="Dinas Kesehatan",
        atasan_position="Kepala Dinas Kesehatan",
    )


def _village_unit(code, slug):
    village = Village.objects.get(code=code)
    return PpidUnit.objects.create(
        kind=PpidUnit.Kind.DESA,
        name=f"PPID Desa {village.name}",
        slug=slug,
        village=village,
        officer_name=f"Sekdes {village.name}",
        officer_position=f"Sekretaris Desa {village.name}",
        decree_number=f"SK Kepala Desa {village.name} Nomor 7/2017",
        decree_date=datetime.date(2017, 3, 14),
        atasan_name=f"Kades {village.name}",
        atasan_position=f"Kepala Desa {village.name}",
        email=f"ppid@{slug}.example.org",
    )


@pytest.fixture
def unit_sedahkidul(db):
    return _village_unit(SEDAHKIDUL, "desa-sedahkidul")


@pytest.fixture
def unit_sumberrejo(db):
    return _village_unit(SUMBERREJO, "desa-sumberrejo")


def make_requester(**overrides):
    values = {
        "name": "Sri Wulandari",
        "nik": VALID_NIK,
        "address": "Jalan Mawar 1, Sedahkidul",
        "phone": "081234567890",
        "email": "sri@example.org",
        "occupation": "Guru",
    }
    values.update(overrides)
    return services.Requester(**values)


def register_for(unit, received_on=None, requester=None, channel="online", actor=None, **kwargs):
    """Register a request for `unit` through the service; returns the services.Registration."""
    return services.register_request(
        unit=unit,
        requester=requester or make_requester(),
        information_requested=kwargs.pop("information_requested", "Salinan APB Desa Sedahkidul tahun 2025"),
        purpose=kwargs.pop("purpose", "Pengawasan pembangunan desa"),
        obtain_method=kwargs.pop("obtain_method", "softcopy"),
        delivery_method=kwargs.pop("delivery_method", "email"),
        channel=channel,
        received_on=received_on,
        actor=actor,
        **kwargs,
    )


@pytest.fixture
def register(unit_sedahkidul):
    """register(**overrides) -> services.Registration, through the service."""

    def make(unit=None, **kwargs):
        return register_for(unit or unit_sedahkidul, **kwargs)

    return make


def answer(info_request, decision=WrittenNotice.Decision.GRANTED, issued_on=None, **fields):
    """Answer a request with a complete written notice, through the service."""
    notice = {
        "decision": decision,
        "materials": "Salinan APB Desa 2025 (PDF)",
        "signed_by_name": "Sekdes Uji",
        "signed_by_position": "Sekretaris Desa",
        "delivery_format": "softcopy",
        "delivery_method": "email",
    }
    if decision == WrittenNotice.Decision.REFUSED:
        notice.update(
            refusal_reason="exempt", exemption_ground="h", consequence_test="Rahasia pribadi.", materials=""
        )
    if decision == WrittenNotice.Decision.PARTLY_GRANTED:
        notice.update(
            exemption_ground="h", consequence_test="Rahasia pribadi.", redacted_parts="NIK dihitamkan."
        )
    notice.update(fields)
    notice["issued_on"] = issued_on or info_request.received_on
    return services.answer_request(info_request=info_request, **notice)


@pytest.fixture
def answered():
    return answer


@pytest.fixture
def refused(register):
    """A request received Mon 2 Jun 2025 and refused (Pasal 17 letter h) on Wed 11 Jun."""
    info_request = register(received_on=datetime.date(2025, 6, 2)).request
    answer(info_request, decision="refused", issued_on=datetime.date(2025, 6, 11))
    return reload(info_request)


def reload(info_request):
    return InfoRequest.objects.get(pk=info_request.pk)


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request speaks English here; pages keep their own language."""
    with translation.override("en"):
        yield


def deliver(to=None):
    """Send the outbox as `send_outbox` would; the e-mails sent so far (to `to` only, if given)."""
    from django.core import mail

    from ppid import outbox

    outbox.send_due(now=timezone.now() + datetime.timedelta(seconds=1))
    return [message for message in mail.outbox if to is None or message.to == [to]]


def page_url(name, *args):
    """A public page's Indonesian (unprefixed) address; `reverse` here gives the English one."""
    from django.urls import reverse

    with translation.override("id"):
        return reverse(name, args=args)
