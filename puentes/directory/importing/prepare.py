"""One row, converted and checked for its model: the stable ids records get, each
property's value as the model stores it, and RowError saying what is wrong."""

import datetime
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime, parse_time
from django.utils.translation import gettext as _

from puentes.directory.importing.repairs import repair_row
from puentes.directory.importing.rows import Repair, Row
from puentes.directory.mapping import BY_NAME, Table

# Properties that point at a record of any table, named by a sibling property.
_GENERIC_LINKS = {("attribute", "link_id"), ("metadata", "resource_id")}
# Stable ids: the same source and original id always give the same UUID.
NAMESPACE = uuid.UUID("0f5b7c1e-8d3a-4b8e-9f44-3c9a2d6e1b70")


def stable_id(source: str, table: str, value: Any) -> tuple[uuid.UUID, str]:
    """The record's UUID, and its original id when that was not already a UUID."""
    return cached_stable_id(source, table, str(value).strip())


@lru_cache(maxsize=262_144)  # a record's id is computed again for every row referring to it
def cached_stable_id(source: str, table: str, text: str) -> tuple[uuid.UUID, str]:
    try:
        return uuid.UUID(text), ""
    except ValueError:
        return uuid.uuid5(NAMESPACE, f"{source}/{table}/{text}"), text


class RowError(ValueError):
    pass


def _convert(table: Table, prop: str, model_field: models.Field[Any, Any], raw: Any) -> Any:
    """A property's value as the model stores it; RowError says what is wrong."""
    if raw is None or raw == "":
        if not (model_field.blank or model_field.null) and not isinstance(
            model_field, models.ForeignKey
        ):
            raise RowError(_("%(field)s is required") % {"field": prop})
        return None if model_field.null else ""
    if isinstance(model_field, models.FloatField | models.IntegerField):
        try:
            number = float(raw)
        except (TypeError, ValueError):
            raise RowError(
                _("%(field)s: %(value)r is not a number") % {"field": prop, "value": raw}
            ) from None
        if isinstance(model_field, models.IntegerField):
            if number != int(number):
                raise RowError(
                    _("%(field)s: %(value)r is not a whole number") % {"field": prop, "value": raw}
                )
            return int(number)
        return number
    if isinstance(model_field, models.TimeField):
        parsed = _safely(parse_time, raw)
        if parsed is None:
            raise RowError(
                _("%(field)s: %(value)r is not a time (HH:MM or HH:MM:SS)")
                % {"field": prop, "value": raw}
            )
        return parsed
    if isinstance(model_field, models.DateTimeField):
        moment = _safely(parse_datetime, raw)
        if moment is None:
            day = _parse_date(str(raw))
            if day is None:
                raise RowError(
                    _("%(field)s: %(value)r is not a date-time") % {"field": prop, "value": raw}
                )
            moment = datetime.datetime.combine(day, datetime.time())
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment, datetime.UTC)
    text = str(raw).strip() if not isinstance(raw, dict | list) else raw
    if isinstance(text, str):
        if model_field.choices:
            allowed = _choices(model_field)
            if text.lower() not in allowed:
                raise RowError(
                    _("%(field)s: %(value)r is not one of %(allowed)s")
                    % {"field": prop, "value": text, "allowed": ", ".join(sorted(allowed))}
                )
            text = text.lower()
        if model_field.max_length and len(text) > model_field.max_length:
            raise RowError(
                _("%(field)s is longer than %(max)s characters")
                % {"field": prop, "max": model_field.max_length}
            )
    return text


@functools.cache
def _choices(model_field: models.Field[Any, Any]) -> frozenset[str]:
    return frozenset(str(value) for value, _label in model_field.choices or [])


def _safely(parser: Callable[[str], Any], raw: Any) -> Any:
    """Django's parsers return None for a wrong shape but raise for impossible values."""
    try:
        return parser(str(raw))
    except ValueError:
        return None


def _parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass
class Prepared:
    table: Table
    row: Row
    fields: dict[str, Any]
    references: dict[str, uuid.UUID]  # model attname -> referenced id


@dataclass(frozen=True)
class _Column:
    prop: str
    model_field: Any
    kind: str  # "reference", "link" (to any table) or "value"
    required: bool
    empty: Any


@functools.cache
def _columns(table_name: str) -> list[_Column]:
    """How to read each property of a table, worked out once rather than for every cell."""
    table = BY_NAME[table_name]
    columns = []
    for prop, model_field in table.columns.items():
        if prop == "id":
            continue
        kind = (
            "reference"
            if prop in table.references
            else "link"
            if (table.name, prop) in _GENERIC_LINKS
            else "value"
        )
        required = kind == "link" or (
            kind == "value" and not (model_field.blank or model_field.null)
        )
        columns.append(_Column(prop, model_field, kind, required, None if model_field.null else ""))
    return columns


def prepare(table: Table, row: Row, source: str, repairs: list[Repair]) -> Prepared:
    """The row converted for its model; what was safely repaired is added to ``repairs``."""
    values = dict(row.values)
    repairs.extend(
        Repair(row.file, row.line, table.name, fix.field, fix.before, fix.after, fix.kind)
        for fix in repair_row(table.name, values)
    )
    if "id" not in values or values["id"] in ("", None):
        raise RowError(_("%(field)s is required") % {"field": "id"})
    record_id, original_id = stable_id(source, table.name, values.pop("id"))
    fields: dict[str, Any] = {"id": record_id, "original_id": original_id, "source": source}
    references: dict[str, uuid.UUID] = {}
    for column in _columns(table.name):
        raw = values.pop(column.prop, None)
        attname = column.model_field.attname
        if raw is None or raw == "":
            if column.required:
                raise RowError(_("%(field)s is required") % {"field": column.prop})
            if column.kind == "value":
                fields[attname] = column.empty
            continue
        if column.kind == "reference":
            references[attname] = stable_id(source, table.references[column.prop], raw)[0]
        elif column.kind == "link":
            entity = (
                values.get("link_entity")
                or values.get("link_type")
                or values.get("resource_type")
                or ""
            )
            fields[attname] = stable_id(source, str(entity), raw)[0]
        else:
            fields[attname] = _convert(table, column.prop, column.model_field, raw)
    _check_ranges(fields)
    fields["extra"] = {k: v for k, v in values.items() if v not in (None, "")}
    return Prepared(table, row, fields, references)


def _check_ranges(fields: dict[str, Any]) -> None:
    latitude, longitude = fields.get("latitude"), fields.get("longitude")
    if latitude is not None and not -90 <= latitude <= 90:
        raise RowError(_("latitude %(value)s is outside -90..90") % {"value": latitude})
    if longitude is not None and not -180 <= longitude <= 180:
        raise RowError(_("longitude %(value)s is outside -180..180") % {"value": longitude})
    low, high = fields.get("minimum_age"), fields.get("maximum_age")
    if low is not None and high is not None and low > high:
        raise RowError(_("minimum_age is above maximum_age"))


# Tables whose ids other rows refer to: a reused id there cannot be told apart, so it is
# rejected. In the others (a service's phones, languages, schedules…) exports often give
