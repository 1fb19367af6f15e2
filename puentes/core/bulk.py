"""Inserting many rows of a model fast: no model instances, and each column's value
converted by its own field only where the database needs a conversion (dates, decimals,
UUIDs, JSON). For the large writes of batch jobs (claim batches of a million lines)."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from django.db import connection, models

# Field types whose Python values every backend takes as they are.
_AS_IS = {
    "AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "ForeignKey", "OneToOneField",
    "CharField", "TextField", "BooleanField",
}  # fmt: skip


class BulkInserter:
    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        fields = [cast(models.Field, model._meta.get_field(name)) for name in names]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(f.column)) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        table = quote(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - model names
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.converters: list[Callable[[Any], Any] | None] = [
            None if f.get_internal_type() in _AS_IS else self._converter(f) for f in fields
        ]

    @staticmethod
    def _converter(field: Any) -> Callable[[Any], Any]:
        """The backend's own adaptation for the common types, called directly (the field's
        generic path costs several calls a value); anything else through the field."""
        ops, kind = connection.ops, field.get_internal_type()
        if kind == "DateTimeField":
            return ops.adapt_datetimefield_value
        if kind == "DateField":
            return ops.adapt_datefield_value
        if kind == "DecimalField":
            places, digits = field.decimal_places, field.max_digits
            return lambda value: ops.adapt_decimalfield_value(value, digits, places)
        if kind == "UUIDField" and not connection.features.has_native_uuid_field:
            return lambda value: value.hex
        if kind == "UUIDField":
            return lambda value: value
        if kind == "JSONField":
            return lambda value: ops.adapt_json_value(value, field.encoder)

        def convert(value: Any) -> Any:
            return field.get_db_prep_save(value, connection)

        return convert

    def insert(self, rows: Iterable[Sequence[Any]]) -> None:
        converters = self.converters
        prepared = [
            [v if c is None or v is None else c(v) for v, c in zip(row, converters, strict=True)]
            for row in rows
        ]
        if not prepared:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is PostgreSQL's bulk path: one stream instead of a statement a row.
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, prepared)
