"""Requesters' personal data never reaches a public page, feed, data file or the audit log."""

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps.views import sitemap
from django.test import RequestFactory
from django.utils import translation

from ppid import services
from ppid.models import DipCategory, DipItem, Dispute, InfoRequest, ServiceStandard
from ppid.sitemaps import SITEMAPS
from tests.conftest import SEDAHKIDUL

from .conftest import answer, make_requester, reload

D = datetime.date
NAME = "Zulkarnaen Wicaksonoputra"
NIK = "3522181204850007"
PHONE = "081398765432"
EMAIL = "zulkarnaen.rahasia@example.org"
ADDRESS = "Jalan Kenanga Tersembunyi 77"
SECRETS = [NAME, "Wicaksonoputra", NIK, PHONE, EMAIL, "zulkarnaen.rahasia", ADDRESS, "Kenanga Tersembunyi"]


@pytest.fixture
def distinctive_requests(register, utama, ppid_utama):
    """Requests in every public state, all filed by the same very recognisable person."""
    person = make_requester(
        name=NAME, nik=NIK, phone=PHONE, email=EMAIL, address=ADDRESS, occupation="Peternak Lebah"
    )
    made = {}
    made["open"] = register(requester=person, received_on=D(2025, 6, 2)).request
    made["regency"] = register(requester=person, unit=utama, received_on=D(2025, 6, 2)).request
    granted = register(requester=person, received_on=D(2024, 3, 4)).request
    answer(granted, issued_on=D(2024, 3, 8))
    services.submit_survey(info_request=reload(granted), scores={f"q{i}": 3 for i in range(1, 10)})
    refused = register(requester=person, received_on=D(2024, 3, 4)).request
    answer(refused, decision="refused", issued_on=D(2024, 3, 8))
    objection = services.file_objection(
        info_request=reload(refused), grounds={"a"}, statement="Keberatan.", filed_on=D(2024, 3, 12)
    )
    services.change_objection_status(
        objection=objection,
        to_status="rejected",
        actor=ppid_utama,
        decision="Ditolak.",
        decided_on=D(2024, 3, 20),
    )
    services.save_dispute(
        dispute=Dispute(
            objection=objection, commission="Komisi Informasi Provinsi Jawa Timur", filed_on=D(2024, 3, 25)
        )
    )
    made["granted"], made["refused"] = granted, refused
    item = DipItem.objects.create(
        unit=utama, category=DipCategory.BERKALA, title="Rencana kerja", holding_official="Bidang", responsible_person="Kadis",
        year=2025, retention_period="5 tahun",
    )  # fmt: skip
    services.change_dip_status(item=item, to_status="published")
    ServiceStandard.objects.create(
        effective_from=D(2021, 7, 1), statement="Kami sanggup.", legal_basis="UU", procedure="Isi", completion_time="10",
        fees="Gratis", guarantee="Ya", evaluation="Survei", signed_by_position="PPID Utama",
    )  # fmt: skip
    return made


def public_urls(made):
    urls = [
        "/ppid/", "/ppid/unit/", "/ppid/unit/ppid-utama/", "/ppid/unit/desa-sedahkidul/", "/ppid/dip/", "/ppid/dip/feed/",
        "/ppid/register/", "/ppid/register/?status=refused", "/ppid/statistik/", "/ppid/statistik.csv",
        "/ppid/statistik.json", "/ppid/laporan/", "/ppid/laporan/2024/", "/ppid/laporan/2024.csv",
        "/ppid/laporan/2025/", "/ppid/ikm/", "/ppid/ikm/?tahun=2024", "/ppid/peraturan/", "/ppid/maklumat/",
        f"/wilayah/{SEDAHKIDUL}/", "/wilayah/35.22.18/",
    ]  # fmt: skip
    urls += [info_request.get_absolute_url() for info_request in made.values()]
    urls += [item.get_absolute_url() for item in DipItem.objects.published()]
    return urls


def test_no_public_page_feed_or_data_file_contains_personal_data(client, distinctive_requests):
    for url in public_urls(distinctive_requests):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        body = body.decode()
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} found on {url}"
        if url == "/ppid/statistik.json":
            json.loads(body)
    register_page = client.get("/ppid/register/").content.decode()
    assert "Z. W." in register_page


def test_sitemaps_contain_no_personal_data(distinctive_requests):
    response = sitemap(RequestFactory().get("/sitemap.xml"), sitemaps=SITEMAPS)
    response.render()
    body = response.content.decode()
    assert distinctive_requests["granted"].get_absolute_url() in body
    assert "/ppid/dip/" in body
    for secret in SECRETS:
        assert secret not in body


def test_audit_log_records_changes_without_personal_data(register):
    info_request = register(
        requester=make_requester(name=NAME, nik=NIK, phone=PHONE, email=EMAIL, address=ADDRESS)
    ).request
    services.anonymise_request(info_request=info_request)
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(InfoRequest), object_pk=str(info_request.pk)
    )
    assert entries.count() >= 2
    dump = json.dumps([entry.changes for entry in entries]) + " ".join(entry.object_repr for entry in entries)
    assert "requester_nik" in dump  # the log says the field changed…
    for secret in SECRETS:
        assert secret not in dump  # …but not what it was


def test_the_public_register_shows_initials_only(client, register):
    info_request = register(requester=make_requester(name="Ahmad Budi Cahyono Dwi")).request
    html = client.get(info_request.get_absolute_url()).content.decode()
    assert "A. B. C." in html and "Ahmad" not in html


def test_site_search_never_holds_or_shows_personal_data(client, distinctive_requests):
    from portal import search
    from portal.models import SearchEntry

    search.rebuild("request")
    search.rebuild("dip")
    entries = list(SearchEntry.objects.filter(kind__in=["request", "dip"]).values("title", "summary", "body"))
    assert len(entries) >= 5
    stored = " ".join(" ".join(entry.values()) for entry in entries)
    for secret in SECRETS:
        assert secret not in stored
    for query in [NAME, "Zulkarnaen", NIK, PHONE, EMAIL, ADDRESS]:
        assert not search.matching(search.clean_query(query)).exists(), query
        assert client.get("/cari/", {"q": query}).context["total"] == 0
    body = client.get("/cari/", {"q": "APB Desa Sedahkidul"}).content.decode()
    assert distinctive_requests["granted"].number in body
    for secret in SECRETS:
        assert secret not in body
    found = [entry.url for entry in search.matching("APB Desa Sedahkidul")]
    with translation.override("id"):  # the index keeps the Indonesian address
        assert distinctive_requests["granted"].get_absolute_url() in found
    assert not search.matching("Zulkarnaen").exists()
