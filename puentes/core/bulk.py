"""Inserting many rows of a model fast: no model instances. On PostgreSQL the rows go in
as one COPY stream written as text (PostgreSQL parses each column by its type); on SQLite
as one executemany, with each value adapted by the backend's own function. For the large
writes of batch jobs (claim batches of a million lines)."""

import datetime
import decimal
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, cast

from django.db import connection, models

# Field types whose Python values SQLite takes as they are.
_AS_IS = {
    "AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "ForeignKey", "OneToOneField",
    "CharField", "TextField", "BooleanField",
}  # fmt: skip
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _escaped(text: str) -> str:
    # Most values have nothing to escape: two C-speed checks are cheaper than translate's
    # lookup a character (tab, newline and carriage return are not printable).
    if text.isprintable() and "\\" not in text:
        return text
    return text.translate(_COPY_ESCAPES)


def _json_text(value: Any) -> str:
    if type(value) is list:
        if not value:
            return "[]"
        try:  # the same short lists recur in a batch ([], a code's modifiers…)
            return _json_list_text(tuple(value), tuple(map(type, value)))
        except TypeError:  # items that cannot be a cache key (dicts)
            pass
    return _escaped(json.dumps(value))


@lru_cache(maxsize=4096)
def _json_list_text(items: tuple[Any, ...], _types: tuple[type, ...]) -> str:
    """A list's JSON text, remembered (keyed by the items' types too: 1 and True are equal
    keys but not the same JSON)."""
    return _escaped(json.dumps(list(items)))


# COPY's text format for each Python type a batch writes (looked up by exact type: a
# million rows of a dozen columns make the usual isinstance chain the slow part).
_COPY_TEXT: dict[type, Callable[[Any], str]] = {
    int: str,
    str: _escaped,
    bool: lambda value: "t" if value else "f",
    type(None): lambda _value: "\\N",
    decimal.Decimal: str,
    uuid.UUID: str,
    datetime.date: datetime.date.isoformat,
    datetime.datetime: datetime.datetime.isoformat,
    datetime.time: datetime.time.isoformat,
    list: _json_text,
    dict: _json_text,
}


def _copy_text(value: Any) -> str:
    convert = _COPY_TEXT.get(type(value))
    return convert(value) if convert is not None else _escaped(str(value))


# COPY's text for a column, chosen once by the field's type: a call a value, not a lookup.
_COPY_BY_FIELD: dict[str, Callable[[Any], str]] = {
    "AutoField": str,
    "BigAutoField": str,
    "IntegerField": str,
    "BigIntegerField": str,
    "PositiveIntegerField": str,
    "PositiveSmallIntegerField": str,
    "SmallIntegerField": str,
    "ForeignKey": str,
    "OneToOneField": str,
    "CharField": _escaped,
    "TextField": _escaped,
    "DateField": datetime.date.isoformat,
}


def _column_text(field: models.Field[Any, Any]) -> Callable[[Any], str]:
    convert = _COPY_BY_FIELD.get(field.get_internal_type(), _copy_text)
    if not field.null:
        return convert
    return lambda value: "\\N" if value is None else convert(value)


class BulkInserter:
    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        fields = [cast(models.Field[Any, Any], model._meta.get_field(name)) for name in names]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(f.column)) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        table = quote(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - model names
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.converters: list[Callable[[Any], Any] | None] = [
            None if f.get_internal_type() in _AS_IS else self._converter(f) for f in fields
        ]
        self.copy_columns = [_column_text(f) for f in fields]

    @staticmethod
    def _converter(field: Any) -> Callable[[Any], Any]:
        """SQLite's adaptation for the common types, called directly (the field's generic
        path costs several calls a value); anything else through the field."""
        ops, kind = connection.ops, field.get_internal_type()
        if kind == "DateTimeField":
            return ops.adapt_datetimefield_value
        if kind == "DateField":
            return ops.adapt_datefield_value
        if kind == "DecimalField":
            places, digits = field.decimal_places, field.max_digits
            return lambda value: ops.adapt_decimalfield_value(value, digits, places)
        if kind == "UUIDField":
            return lambda value: value.hex
        if kind == "JSONField":
            return lambda value: ops.adapt_json_value(value, field.encoder)

        def convert(value: Any) -> Any:
            return field.get_db_prep_save(value, connection)

        return convert

    def insert(self, rows: Iterable[Sequence[Any]]) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is PostgreSQL's bulk path: one stream instead of a statement a row.
                columns = self.copy_columns
                with cursor.cursor.copy(self.copy_sql) as copy:
                    buffer: list[str] = []
                    for row in rows:
                        buffer.append("\t".join([c(v) for c, v in zip(columns, row, strict=True)]))
                        if len(buffer) == 2000:
                            copy.write("\n".join(buffer) + "\n")
                            buffer = []
                    if buffer:
                        copy.write("\n".join(buffer) + "\n")
                return
            converters = self.converters
            prepared = [
                [
                    v if c is None or v is None else c(v)
                    for v, c in zip(row, converters, strict=True)
                ]
                for row in rows
            ]
            if prepared:
                cursor.executemany(self.sql, prepared)
