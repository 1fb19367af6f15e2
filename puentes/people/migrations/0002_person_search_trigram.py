"""On PostgreSQL, a trigram index makes substring search (`search_text LIKE '%word%'`) use an
index instead of reading every person. pg_trgm ships with PostgreSQL and is a trusted
extension (13+), so the database owner may create it. SQLite keeps the plain scan."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS people_person_search_trgm
    ON people_person USING gin (search_text gin_trgm_ops);
"""
DROP = "DROP INDEX IF EXISTS people_person_search_trgm;"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
