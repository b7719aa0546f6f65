"""Bad or hostile OpenSID feeds are reported on the village's site record and change nothing."""

import pytest
from django.urls import reverse

from ppid.harvest import FeedError, check_host, harvest_source
from ppid.models import DipItem, OpenSidSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(opensid, unit_sedahkidul):
    opensid.feed([opensid.row(12)])
    harvest_source(source := OpenSidSource.objects.create(unit=unit_sedahkidul, site_url=opensid.url))
    return source


def assert_refused(source, message):
    before = list(DipItem.objects.values_list("pk", "title", "status", "updated_at"))
    synced = source.synced_until
    assert harvest_source(source) is None
    source.refresh_from_db()
    assert message in source.last_error
    assert source.synced_until == synced
    assert list(DipItem.objects.values_list("pk", "title", "status", "updated_at")) == before


def test_timeout(opensid, source):
    opensid.answer("/ppid", {"status": "success", "data": {"ppid": []}}, delay=1.5)
    assert_refused(source, "did not answer in time")


def test_not_json(opensid, source):
    opensid.answer("/ppid", b"<html>Maaf</html>", headers={"Content-Type": "text/html"})
    assert_refused(source, "not JSON")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([1, 2], "not a JSON object"),
        ({"status": "fail", "data": {"tgl_dari": "salah"}}, "refused the request"),
        ({"status": "success", "data": {"ppid": "none"}}, "no list of documents"),
        ({"status": "success", "data": {"ppid": [{"id": "x"}]}}, "no id or no name"),
    ],
)
def test_wrong_json(opensid, source, payload, message):
    opensid.answer("/ppid", payload)
    assert_refused(source, message)


def test_huge_body(opensid, source, settings):
    settings.PPID_OPENSID_MAX_BYTES = 1000
    opensid.feed([opensid.row(n, aksi="3") for n in range(100)])
    assert_refused(source, "larger than 1000 bytes")


def test_redirect_to_another_host(opensid, source):
    opensid.answer("/ppid", b"", status=302, headers={"Location": "http://opensid.example.net/ppid"})
    assert_refused(source, "another host")


def test_redirect_within_the_site_is_followed(opensid, source):
    opensid.answer("/ppid", b"", status=302, headers={"Location": "/index.php/ppid"})
    opensid.answer("/index.php/ppid", {"status": "success", "data": {"ppid": [opensid.row(13)]}})
    assert harvest_source(source)["new"] == 1


@pytest.mark.parametrize(
    "address", ["http://10.0.0.5/berkas/1", "http://169.254.169.254/latest", "http://[::1]/x"]
)
def test_document_url_on_a_private_address(opensid, source, address):
    opensid.feed([opensid.row(13), opensid.row(14, dokumen=address)])
    assert_refused(source, "private network address")
    assert not DipItem.objects.filter(title="Dokumen 13").exists()


def test_document_url_on_another_host(opensid, source):
    opensid.feed([opensid.row(14, dokumen="https://files.example.net/14.pdf")])
    assert_refused(source, "another host")


def test_configured_loopback_host_needs_the_setting(opensid, source, settings):
    settings.PPID_OPENSID_PRIVATE_HOSTS = []
    assert_refused(source, "private network address")


def test_private_site_address_is_refused():
    with pytest.raises(FeedError, match="private network address"):
        check_host("http://192.168.1.1/ppid", "192.168.1.1")


def test_problem_is_shown_in_the_admin_of_the_village_only(
    client, opensid, source, officer_sedahkidul, officer_sumberrejo
):
    opensid.answer("/ppid", b"{broken")
    harvest_source(source)
    url = reverse("admin:ppid_opensidsource_changelist")
    client.force_login(officer_sedahkidul)
    assert "not JSON" in client.get(url).content.decode()
    client.force_login(officer_sumberrejo)
    assert "not JSON" not in client.get(url).content.decode()
    change = reverse("admin:ppid_opensidsource_change", args=[source.pk])
    assert client.get(change).status_code == 404
