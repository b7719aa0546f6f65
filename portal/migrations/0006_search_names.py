"""Search by names: a folded ``names`` column, pg_trgm and unaccent, and a new document.

On PostgreSQL the document now reads names and codes with the ``simple``
configuration (no stemming: "perintah" stays "perintah", "Sedahkidul" stays
whole) and the summary and body both with ``simple`` and ``indonesian``, so
an exact word and a stemmed one both match; names weigh most. A trigram
index on the names serves typo corrections. SQLite only gains the column.
"""

from django.db import migrations, models

FORWARD = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
DROP INDEX IF EXISTS portal_searchentry_document;
ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS search_document;
ALTER TABLE portal_searchentry ADD COLUMN search_document tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(names, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('indonesian', coalesce(body, '')), 'C') ||
    setweight(to_tsvector('simple', coalesce(body, '')), 'D')
  ) STORED;
CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (search_document);
CREATE INDEX portal_searchentry_names_trgm ON portal_searchentry USING gin (names gin_trgm_ops);
"""
BACKWARD = """
DROP INDEX IF EXISTS portal_searchentry_names_trgm;
DROP INDEX IF EXISTS portal_searchentry_document;
ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS search_document;
ALTER TABLE portal_searchentry ADD COLUMN search_document tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('indonesian', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('indonesian', coalesce(body, '')), 'C')
  ) STORED;
CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (search_document);
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_cache_table")]
    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="names",
            field=models.TextField(blank=True, verbose_name="searchable names"),
        ),
        migrations.RunPython(forward, backward),
    ]
