"""Full-text indexes over SearchEntry.all_terms: FTS5 on SQLite, a GIN-indexed tsvector on
PostgreSQL. Both index the same pre-stemmed tokens (directory/text.py), so the same query
finds the same rows on either database."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE directory_search_fts USING fts5("
    "all_terms, content='directory_searchentry', content_rowid='id')",
    "CREATE TRIGGER directory_search_ai AFTER INSERT ON directory_searchentry BEGIN "
    "INSERT INTO directory_search_fts(rowid, all_terms) VALUES (new.id, new.all_terms); END",
    "CREATE TRIGGER directory_search_ad AFTER DELETE ON directory_searchentry BEGIN "
    "INSERT INTO directory_search_fts(directory_search_fts, rowid, all_terms) "
    "VALUES ('delete', old.id, old.all_terms); END",
    "CREATE TRIGGER directory_search_au AFTER UPDATE ON directory_searchentry BEGIN "
    "INSERT INTO directory_search_fts(directory_search_fts, rowid, all_terms) "
    "VALUES ('delete', old.id, old.all_terms); "
    "INSERT INTO directory_search_fts(rowid, all_terms) VALUES (new.id, new.all_terms); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS directory_search_au",
    "DROP TRIGGER IF EXISTS directory_search_ad",
    "DROP TRIGGER IF EXISTS directory_search_ai",
    "DROP TABLE IF EXISTS directory_search_fts",
]
POSTGRES = [
    "ALTER TABLE directory_searchentry ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', all_terms)) STORED",
    "CREATE INDEX directory_search_vector ON directory_searchentry USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS directory_search_vector",
    "ALTER TABLE directory_searchentry DROP COLUMN IF EXISTS search_vector",
]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_searchentry")]
    operations = [migrations.RunPython(forwards, backwards)]
