"""Fixtures of the open data tests: a little of everything published, built through the services."""

import datetime
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections

from kim import services as kim_services
from kim.models import Post
from portal.roles import Role
from ppid import services as ppid_services
from ppid.models import DipCategory, DipItem
from tests.conftest import SEDAHKIDUL, create_staff
from tests.kim.conftest import make_kim, register_kim
from tests.ogp.conftest import publish_budget, publish_budget_version
from tests.ppid.conftest import TEST_KEY, _village_unit, answer, make_requester
from tests.shared_data import media_under, shared_for_module
from tests.visits.conftest import create_magelang, magelang, make_photo, make_visit, visit_maker

__all__ = ["magelang", "make_kim", "make_photo", "make_visit", "publish_budget"]


@pytest.fixture(scope="module")
def published_for_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """APBDes for 2024 and 2025 in one village, one KIM with one post, one visit, one answered
    request in the register and one DIP item, all through the services: built once per module."""
    root = tmp_path_factory.mktemp("published")
    with shared_for_module(django_db_blocker, root, FIELD_ENCRYPTION_KEY=TEST_KEY):
        publish_budget_version(year=2024)
        publish_budget_version(year=2025)
        kim = register_kim("KIM Sendang Potro")
        publish_post(kim, create_staff)
        visit_maker(create_magelang())(title="Studi tiru keterbukaan informasi")
        publish_ppid()
        yield root


@pytest.fixture
def published(published_for_module, db, settings):
    """The module's published data (see `published_for_module`); each test's writes are undone."""
    media_under(settings, published_for_module)
    settings.FIELD_ENCRYPTION_KEY = TEST_KEY


def publish_post(kim, make_staff, title="Papan informasi APBDes dipasang"):
    author = make_staff("pengelola_data", Role.KIM_MANAGER, SEDAHKIDUL)
    kim.managers.add(author)
    editor = make_staff("editor_data", Role.EDITOR)
    post = kim_services.create_post(kim=kim, title=title, body="Isi berita.", by=author)
    for status in (Post.Status.SUBMITTED, Post.Status.PUBLISHED):
        post = kim_services.transition_post(
            post=post, to=status, by=author if status == "submitted" else editor, notify=False
        )
    return post


def publish_ppid():
    unit = _village_unit(SEDAHKIDUL, "desa-sedahkidul")
    registration = ppid_services.register_request(
        unit=unit,
        requester=make_requester(),
        information_requested="Salinan APB Desa Sedahkidul tahun 2025",
        purpose="Pengawasan pembangunan desa",
        obtain_method="softcopy",
        delivery_method="email",
        channel="online",
        received_on=datetime.date(2025, 6, 2),
    )
    answer(registration.request, issued_on=datetime.date(2025, 6, 5))
    item = DipItem(
        unit=unit,
        category=DipCategory.BERKALA,
        title="APB Desa 2025",
        holding_official="Kaur Keuangan",
        responsible_person="Kepala Desa",
        year=2025,
        retention_period="5 tahun",
    )
    ppid_services.create_dip_item(item=item)
    ppid_services.add_dip_version(item=item, link="https://desa.example/apbdes.pdf", note="Awal")
    ppid_services.change_dip_status(item=item, to_status="published")


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
