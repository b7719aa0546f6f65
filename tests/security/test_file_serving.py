"""User files are served as downloads that cannot run, by Django and by the shipped nginx."""

import os
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


NGINX_CONF = """
worker_processes 1;
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    upstream portal_app {{ server 127.0.0.1:9; }}
    limit_req_zone $binary_remote_addr zone=portal_forms:1m rate=30r/m;
    server {{
        listen 127.0.0.1:{port};
        include {run}/portal-locations.conf;
    }}
}}
"""


@pytest.fixture
def shipped_nginx(tmp_path):
    """nginx on loopback with the shipped locations file, its media folder moved to tmp_path/media."""
    import shutil
    import socket
    import subprocess
    import time

    if not shutil.which("nginx"):
        pytest.skip("nginx is not installed")
    media = tmp_path / "media"
    media.mkdir()
    tmp_path.chmod(0o755)
    locations = (ROOT / "deploy/nginx/portal-locations.conf").read_text()
    assert "alias /var/lib/portal/media/;" in locations
    (tmp_path / "portal-locations.conf").write_text(locations.replace("/var/lib/portal/media/", f"{media}/"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    user = "user root;" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(NGINX_CONF.format(run=tmp_path, port=port, user=user))
    server = subprocess.Popen(["nginx", "-c", str(tmp_path / "nginx.conf")], stderr=subprocess.PIPE)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield media, f"http://127.0.0.1:{port}/media/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(
    "name, content, content_type, attachment",
    [
        ("sk.pdf", pdf_bytes("SK"), "application/pdf", True),
        ("unverified.bin", b"<html><script>alert(1)</script></html>", "application/octet-stream", True),
        ("photo.jpg", jpeg_with_script(), "image/jpeg", False),
        # Files stored before uploads were verified keep their old names: still downloads that cannot run.
        ("old-upload.html", b"<html><script>alert(1)</script></html>", "text/html", True),
        (
            "old-upload.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            None,
            True,
        ),
    ],
    ids=["pdf", "unverified", "image", "old html", "old svg"],
)
def test_the_shipped_nginx_serves_media_with_the_headers_that_stop_scripts(
    shipped_nginx, name, content, content_type, attachment
):
    import urllib.request

    media, base = shipped_nginx
    (media / name).write_bytes(content)
    (media / name).chmod(0o644)
    with urllib.request.urlopen(base + name, timeout=10) as response:
        headers = response.headers
        assert response.read() == content
    if content_type:
        assert headers["Content-Type"] == content_type
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert (headers["Content-Disposition"] == "attachment") is attachment
    assert headers["Server"] == "nginx"
