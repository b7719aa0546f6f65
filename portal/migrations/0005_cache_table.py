"""The database cache's table comes with the migrations: `migrate` alone sets a database up.

Throttles and the page cache use the database cache when no REDIS_URL is set;
without its table every throttled page answered 500. createcachetable does
nothing for a cache that is not a database cache, and nothing for a table
that exists, so the step is safe everywhere and again.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_search_document")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=False)]
