"""PostgreSQL only: a generated tsvector over the search entry with a GIN index.

Titles weigh more than body text. The ``indonesian`` configuration stems
Indonesian words. SQLite has no such column; portal.search falls back to a
plain text match there.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE portal_searchentry ADD COLUMN search_document tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('indonesian', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('indonesian', coalesce(body, '')), 'C')
  ) STORED;
CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (search_document);
"""
BACKWARD = """
DROP INDEX IF EXISTS portal_searchentry_document;
ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS search_document;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_search_index")]
    operations = [migrations.RunPython(forward, backward)]
