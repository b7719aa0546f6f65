"""A visit keeps its report's plain-text start, so describing one renders no Markdown."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal import richtext


def test_the_start_of_the_report_is_kept_on_save(make_visit):
    visit = make_visit(body="Rombongan **datang** pagi hari.\n\nParagraf kedua.")
    visit.refresh_from_db()
    assert visit.body_start == "Rombongan datang pagi hari. Paragraf kedua."


def test_saving_only_the_report_updates_its_start(make_visit):
    visit = make_visit(body="Lama")
    visit.body = "Baru *sekali*"
    visit.save(update_fields=["body"])
    visit.refresh_from_db()
    assert visit.body_start == "Baru sekali"


def test_a_long_report_is_cut_at_a_word(make_visit):
    visit = make_visit(body="kata " * 100)
    assert len(visit.body_start) <= 200
    assert visit.body_start.endswith("kata…")


def test_describing_a_visit_renders_no_markdown(make_visit, monkeypatch):
    visit = make_visit(body="Rombongan datang.")

    def refuse(*args, **kwargs):
        raise AssertionError("Markdown rendered on read")

    monkeypatch.setattr(richtext.markdown, "markdown", refuse)
    assert visit.description == "Rombongan datang."


BEFORE = [("visits", "0003_history_on_workflow_kit")]
AFTER = [("visits", "0004_visit_body_start")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_start_of_existing_reports(make_visit):
    visit = make_visit(body="Rombongan **datang** pagi hari.")
    try:
        _migrate(BEFORE)
        apps = _migrate(AFTER)
        migrated = apps.get_model("visits", "Visit").objects.get(pk=visit.pk)
    finally:
        executor = MigrationExecutor(connection)
        _migrate(executor.loader.graph.leaf_nodes())
    assert migrated.body_start == "Rombongan datang pagi hari."
