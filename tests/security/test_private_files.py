"""Private identity documents are served only through permission-checked views."""

import pytest

from portal.uploads.serving import FILE_POLICY
from ppid.models import (
    AnswerDocument,
    InfoRequest,
)
from tests.conftest import SEDAHKIDUL

# --- Private identity documents ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["identity scan", "power of attorney", "answer document"])
def test_private_documents_are_served_only_through_the_permission_checked_view(
    client,
    settings,
    private_files,
    make_staff,
    officer_sedahkidul,
    officer_sumberrejo,
    ppid_utama,
    editor,
    kind,
):
    url, content = private_files[kind]
    for user in (officer_sedahkidul, ppid_utama):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == content
        assert response["Content-Disposition"].startswith("attachment; filename=")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == FILE_POLICY
        assert "no-store" in response["Cache-Control"]
    kim_manager = make_staff("pengelola_lain", "Pengelola KIM", SEDAHKIDUL)
    for user in (officer_sumberrejo, editor, kim_manager):
        client.force_login(user)
        refused = client.get(url)
        assert refused.status_code in (403, 404), user
        assert content not in refused.content
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")


def test_private_documents_never_lie_under_the_public_media_address(client, settings, private_files):

    stored = [
        request.requester_identity_scan for request in InfoRequest.objects.exclude(requester_identity_scan="")
    ]
    stored += [
        request.requester_proxy_letter for request in InfoRequest.objects.exclude(requester_proxy_letter="")
    ]
    stored += [document.document for document in AnswerDocument.objects.all()]
    assert len(stored) == 3
    private_root = str(settings.STORAGES["private"]["OPTIONS"]["location"])
    for upload in stored:
        assert upload.path.startswith(private_root) and not upload.path.startswith(str(settings.MEDIA_ROOT))
        assert client.get("/media/" + upload.name).status_code == 404
