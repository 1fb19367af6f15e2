"""Writing many new rows fast: one prepared statement (SQLite) or COPY (PostgreSQL)."""

import datetime
import json
import uuid
from collections.abc import Collection
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.expressions import RawSQL

_CONVERTED_FIELDS = (
    models.UUIDField,
    models.ForeignKey,
    models.DateTimeField,
    models.DateField,
    models.TimeField,
    models.JSONField,
)


def insert_rows(
    model: type[models.Model], rows: list[dict[str, Any]], now: datetime.datetime
) -> None:
    """Insert many new rows with one prepared statement.

    bulk_create compiles SQL for every batch, and SQLite's parameter limit makes those batches
    tiny; one executemany is several times faster. Values that need the database's
    representation (UUIDs, dates, JSON) go through the field's own get_db_prep_save.
    """
    if not rows:
        return
    database = connections[DEFAULT_DB_ALIAS]  # the real connection, not the thread-local proxy
    auto = model._meta.auto_field
    # An auto-increment id is the database's to choose (PostgreSQL refuses an explicit NULL).
    fields = [
        f for f in model._meta.concrete_fields if not (f is auto and f.attname not in rows[0])
    ]
    quote = database.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    missing = object()
    # A value a row leaves out is the same for every row: convert it once.
    defaults = [
        f.get_db_prep_save(
            now if f.attname in ("created_at", "updated_at") else f.get_default(), database
        )
        for f in fields
    ]
    # psycopg sends UUIDs, dates and times as they are; SQLite needs them as text.
    kinds = (models.JSONField,) if database.vendor == "postgresql" else _CONVERTED_FIELDS
    converted = [isinstance(f, kinds) for f in fields]
    plan = list(zip(fields, converted, defaults, strict=True))
    if database.vendor == "postgresql":
        _copy_rows(database, model, fields, plan, rows, missing)
        return
    with database.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            batch = [_values(row, plan, database, missing) for row in rows[start : start + 5000]]
            cursor.executemany(sql, batch)


def _values(row: dict[str, Any], plan: list[Any], database: Any, missing: object) -> list[Any]:
    """One row's values in column order, as the database stores them."""
    values = []
    for model_field, needs_conversion, default in plan:
        value = row.get(model_field.attname, missing)
        if value is missing:
            values.append(default)
        elif needs_conversion:
            values.append(model_field.get_db_prep_save(value, database))
        else:
            values.append(value)
    return values


def _copy_rows(
    database: Any,
    model: type[models.Model],
    fields: list[Any],
    plan: list[Any],
    rows: list[dict[str, Any]],
    missing: object,
) -> None:
    """PostgreSQL's COPY: the fastest way in, many times faster than INSERTs."""
    quote = database.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with (
        database.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(_values(row, plan, database, missing))


def among(
    ids: Collection[uuid.UUID], model: type[models.Model] | None = None, column: str = "id"
) -> RawSQL:
    """``filter(among(ids))``: the rows whose id (or ``model``'s ``column``, a UUID) is in
    ``ids``, passed as one parameter — an IN list of thousands of placeholders costs more
    to build and parse than the query costs to run. PostgreSQL looks each one up in the
    column's index."""
    database = connections[DEFAULT_DB_ALIAS]
    quote = database.ops.quote_name
    name = f"{quote(model._meta.db_table)}.{quote(column)}" if model else quote(column)
    parameter: Any
    if database.vendor == "postgresql":
        sql, parameter = f"{name} = ANY(%s::uuid[])", list(ids)
    else:
        sql = f"{name} IN (SELECT value FROM json_each(%s))"  # noqa: S608 - quoted names
        parameter = json.dumps([i.hex for i in ids])
    # The SQL holds only the quoted names of a model's own table and column.
    return RawSQL(sql, [parameter], output_field=models.BooleanField())  # noqa: S611
