"""Fixtures of the open data tests: a little of everything published, built through the services."""

import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections

from tests.kim.conftest import make_kim
from tests.ogp.conftest import publish_budget
from tests.visits.conftest import magelang, make_photo, make_visit

__all__ = ["magelang", "make_kim", "make_photo", "make_visit", "publish_budget"]


@pytest.fixture
def published(publish_budget, make_kim, make_visit):
    """APBDes for 2024 and 2025 in one village, one KIM and one visit."""
    publish_budget(year=2024)
    publish_budget(year=2025)
    make_kim("KIM Sendang Potro")
    make_visit(title="Studi tiru keterbukaan informasi")


@pytest.fixture
def loopback(db):
    """The portal served on a loopback port from a thread sharing the test's database connection.

    Unlike ``live_server`` this needs no transactional test (which would empty
    the reference data the budgets are imported against): requests are
    answered one at a time, inside the test's transaction, while the test waits.
    """
    connection = connections["default"]
    server = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=_QuietHandler)

    def serve():
        connections["default"] = connection
        server.serve_forever(poll_interval=0.05)

    # As Django's test client does: a request must not close the test's
    # connection, which holds the test's transaction (PostgreSQL would drop it).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    connection.inc_thread_sharing()
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        connection.dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass
