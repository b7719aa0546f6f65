"""A fake OpenSID site on loopback: each path answers what the test puts in `routes`."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        server.requests.append(self.path)
        answer = server.routes.get(urlsplit(self.path).path)
        if answer is None:
            self.send_response(404)
            self.end_headers()
            return
        status, headers, body, delay = answer
        if delay:
            time.sleep(delay)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FakeOpenSid:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.routes = {}
        self.httpd.requests = []
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def requests(self):
        return self.httpd.requests

    def answer(self, path, body, status=200, headers=None, delay=0):
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.httpd.routes[path] = (status, headers or {"Content-Type": "application/json"}, body, delay)

    def feed(self, rows, tgl_dari=None):
        pengiriman = "perubahan" if tgl_dari else "semua"
        self.answer(
            "/ppid",
            {
                "status": "success",
                "data": {
                    "ppid": rows,
                    "tanggal": "01-03-2025 06:00:00",
                    "pengiriman": pengiriman,
                    "tgl_dari": tgl_dari,
                    "total data": len(rows),
                },
            },
        )

    def row(self, id, **values):
        row = {
            "id": str(id),
            "kode_desa": "3522182004",
            "dokumen": f"{self.url}/dokumen_web/unduh_berkas/{id}",
            "nama": f"Dokumen {id}",
            "tgl_upload": "2025-02-01 10:00:00",
            "updated_at": "2025-02-01 10:00:00",
            "enabled": "1",
            "kategori": "1",
            "tahun": "2025",
            "aksi": "0",
        }
        row.update(values)
        return row


@pytest.fixture
def opensid(settings):
    server = FakeOpenSid()
    settings.PPID_OPENSID_PRIVATE_HOSTS = ["127.0.0.1"]
    settings.PPID_OPENSID_TIMEOUT = 1
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
