"""Moving the status history onto the workflow kit's HistoryEntry keeps every row and value."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("ogp", "0002_reference_data")]
AFTER = [("ogp", "0003_history_on_workflow_kit")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_history_rows_keep_their_actor_note_and_time():
    old = _migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="operator_apbdes")
    village = old.get_model("portal", "Village").objects.order_by("code").first()
    budget = old.get_model("ogp", "Budget").objects.create(village=village, year=2024)
    version = old.get_model("ogp", "BudgetVersion").objects.create(budget=budget, number=1)
    report = old.get_model("ogp", "RealisationReport").objects.create(
        version=version, period="semester1", as_of=datetime.date(2024, 6, 30)
    )
    note = "Perdes 2 Tahun 2024 " * 15  # the old 300-character limit, filled
    old.get_model("ogp", "VersionStatusChange").objects.create(
        version=version, from_status="draft", to_status="published", by=user, note=note[:300]
    )
    old.get_model("ogp", "ReportStatusChange").objects.create(
        report=report, from_status="draft", to_status="discarded", by=user, note="import"
    )
    stamps = list(old.get_model("ogp", "VersionStatusChange").objects.values_list("at", flat=True))
    try:
        new = _migrate(AFTER)
        version_row = new.get_model("ogp", "VersionStatusChange").objects.get()
        report_row = new.get_model("ogp", "ReportStatusChange").objects.get()
        assert (version_row.actor_id, version_row.note, version_row.at) == (user.pk, note[:300], stamps[0])
        assert (version_row.from_status, version_row.to_status, version_row.is_public) == (
            "draft",
            "published",
            True,
        )
        assert (report_row.actor_id, report_row.note, report_row.to_status) == (
            user.pk,
            "import",
            "discarded",
        )
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
