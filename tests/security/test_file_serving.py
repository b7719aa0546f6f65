"""User files are served as downloads that cannot run, by Django and by the shipped nginx."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings
from django.urls import clear_url_caches, path

from portal.uploads import serving
from tests.sample_files import pdf_bytes
from tests.security.polyglots import jpeg_with_script

ROOT = Path(__file__).resolve().parents[2]
urlpatterns = [path("media/<path:path>", serving.serve_media)]


@pytest.fixture
def media_view(settings):
    clear_url_caches()
    with override_settings(ROOT_URLCONF=__name__):
        yield
    clear_url_caches()


@pytest.mark.parametrize(
    "content, extension, disposition, content_type",
    [
        (pdf_bytes("SK"), ".pdf", "attachment", "application/pdf"),
        (b"<html><script>alert(1)</script></html>", ".bin", "attachment", "application/octet-stream"),
        (jpeg_with_script(), ".jpg", "inline", "image/jpeg"),
    ],
)
def test_media_is_served_with_verified_type_and_headers_that_stop_scripts(
    client, media_view, content, extension, disposition, content_type
):
    name = storages["default"].save("kim/sk/upload.pdf", ContentFile(content))
    assert name.endswith(extension)
    response = client.get("/media/" + name)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_development_media_route_uses_the_protected_view():
    from portal import urls

    source = Path(urls.__file__).read_text()
    assert "serving.serve_media" in source
    assert "django.views.static import serve" not in source


def test_shipped_nginx_sends_the_same_headers_for_media_and_hides_its_version():
    config = (ROOT / "deploy/nginx/portal-locations.conf").read_text()
    media = config[config.index("location /media/") :]
    media = media[: media.index("\n}\n")]
    assert 'add_header Content-Disposition "attachment" always;' in media
    assert media.count("add_header X-Content-Type-Options nosniff always;") == 2
    assert media.count("add_header Content-Security-Policy \"default-src 'none'; sandbox\" always;") == 2
    assert "location ~* \\.(jpg|png|webp)$" in media
    assert "server_tokens off;" in config
