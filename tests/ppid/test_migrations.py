"""Moving the three histories onto the workflow kit's shape keeps every row and its values."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("ppid", "0002_register_deadline_index")]
AFTER = [("ppid", "0003_history_on_the_workflow_kit")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _rows_before(apps):
    unit = apps.get_model("ppid", "PpidUnit").objects.create(
        kind="utama", name="PPID Utama Uji", slug="ppid-utama-uji", atasan_position="Sekda"
    )
    item = apps.get_model("ppid", "DipItem").objects.create(
        unit=unit, category="berkala", title="APB", holding_official="Kaur", responsible_person="Kades",
        year=2025, retention_period="5 tahun", status="published",
    )  # fmt: skip
    apps.get_model("ppid", "DipItemEvent").objects.create(
        item=item, from_status="draft", to_status="published", note="Terbit."
    )
    info_request = apps.get_model("ppid", "InfoRequest").objects.create(
        number="PPID/2025/000001", year=2025, sequence=1, unit=unit, channel="online",
        received_on=datetime.date(2025, 6, 2), requester_name="Uji", requester_phone="0800",
        information_requested="APB", purpose="Kajian", obtain_method="softcopy", delivery_method="email",
        status="in_process", original_due_on=datetime.date(2025, 6, 18), due_on=datetime.date(2025, 6, 18),
        access_code_hash="0" * 64,
    )  # fmt: skip
    apps.get_model("ppid", "RequestEvent").objects.create(
        request=info_request, kind="code_reset", from_status="in_process", to_status="in_process",
        note="Kode baru.", is_public=False,
    )  # fmt: skip
    objection = apps.get_model("ppid", "Objection").objects.create(
        number="KEB/2025/000001", year=2025, sequence=1, request=info_request, ground_c=True,
        statement="Keberatan.", filed_on=datetime.date(2025, 6, 20), ground_arose_on=datetime.date(2025, 6, 18),
        due_on=datetime.date(2025, 8, 1),
    )  # fmt: skip
    apps.get_model("ppid", "ObjectionEvent").objects.create(
        objection=objection, to_status="filed", note="Masuk."
    )


@pytest.mark.django_db(transaction=True)
def test_every_history_row_survives_with_its_values():
    try:
        _rows_before(_migrate(BEFORE))
        apps = _migrate(AFTER)
        dip = apps.get_model("ppid", "DipItemEvent").objects.get()
        request = apps.get_model("ppid", "RequestEvent").objects.get()
        objection = apps.get_model("ppid", "ObjectionEvent").objects.get()
    finally:
        _migrate(_latest())
    assert (dip.from_status, dip.to_status, dip.note, dip.is_public) == (
        "draft",
        "published",
        "Terbit.",
        True,
    )
    assert (request.kind, request.note, request.is_public) == ("code_reset", "Kode baru.", False)
    assert (objection.from_status, objection.to_status, objection.note, objection.is_public) == (
        "",
        "filed",
        "Masuk.",
        True,
    )


def _latest():
    """Every app at its latest migration, as the rest of the suite expects."""
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
