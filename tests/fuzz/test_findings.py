"""What the fuzzing found, kept as plain tests."""

import pytest
from axes.models import AccessAttempt
from django.core import signing

from portal.forms import VoteForm
from portal.models import RatedPage, SatisfactionVote
from tests.conftest import SEDAHKIDUL

# --- What the fuzzing found ----------------------------------------------------------------------


def test_village_search_drops_control_characters_and_still_finds_the_village(client, db):
    # A NUL byte reached the database, which PostgreSQL refuses with a server error.
    response = client.get("/wilayah/", {"q": "\x00sedahkidul\x07"})
    assert response.status_code == 200
    assert [village.code for village in response.context["results"]] == [SEDAHKIDUL]


def test_request_form_ignores_a_unit_address_that_is_not_a_slug(client, site):
    unit = site["request"].unit
    chosen = f'<option value="{unit.pk}" selected>'
    assert chosen in client.get("/ppid/permohonan/baru/", {"unit": unit.slug}).content.decode()
    for odd in (f"{unit.slug}\x00", "\x00", "desa sedahkidul", "../admin"):
        response = client.get("/ppid/permohonan/baru/", {"unit": odd})
        assert response.status_code == 200 and chosen not in response.content.decode()


@pytest.mark.parametrize("path", ["/\x00", "/a\nb/", "/" + "x" * 300, "//evil.example/", "relative/"])
def test_a_vote_is_refused_for_a_path_that_cannot_be_a_stored_page(client, db, path):
    token = signing.Signer(salt=VoteForm.SALT).sign_object({"path": path, "title": "x"})
    response = client.post("/penilaian/", {"choice": 4, "token": token}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302 and response["Location"] == "/#penilaian"
    assert not SatisfactionVote.objects.exists() and not RatedPage.objects.exists()


def test_a_vote_keeps_the_page_title_free_of_control_characters(client, db):
    token = signing.Signer(salt=VoteForm.SALT).sign_object(
        {"path": "/wilayah/", "title": "Desa\x00 Sedah\r\nkidul\x1b[31m"}
    )
    client.post("/penilaian/", {"choice": 4, "token": token}, HTTP_ORIGIN="http://testserver")
    assert RatedPage.objects.get().title == "Desa Sedah kidul [31m"


def test_an_overlong_username_at_sign_in_is_counted_as_a_failure_not_a_server_error(client, db, settings):

    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    response = client.post("/admin/login/", {"username": "x" * 6000, "password": "salah", "next": "/admin/"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 255
