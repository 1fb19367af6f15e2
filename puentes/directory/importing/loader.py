"""The loader: checks every row of a Dataset, then writes the valid ones in one transaction.

All-or-nothing by default: one bad row and nothing is written, with every problem reported.
With skip_invalid, valid rows are written and every rejected row is reported with its file,
line and reason — including rows rejected only because a row they refer to was.
"""

import datetime
import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime, parse_time
from django.utils.translation import gettext as _

from puentes.directory.importing.repairs import repair_dataset, repair_row
from puentes.directory.importing.rows import Dataset, Rejection, Repair, Row
from puentes.directory.importing.writing import insert_rows
from puentes.directory.mapping import BY_NAME, TABLES, Table
from puentes.directory.models import Metadata

# Properties that point at a record of any table, named by a sibling property.
_GENERIC_LINKS = {("attribute", "link_id"), ("metadata", "resource_id")}
# Stable ids: the same source and original id always give the same UUID.
_NAMESPACE = uuid.UUID("0f5b7c1e-8d3a-4b8e-9f44-3c9a2d6e1b70")
Progress = Callable[[str, int, int], None]


class ImportFailed(Exception):
    def __init__(self, rejections: list[Rejection]) -> None:
        self.rejections = rejections
        super().__init__(f"{len(rejections)} problem(s); nothing was imported")


class TooManyDeactivated(Exception):
    """A full re-import would mark inactive more of the source than the operator allows:
    most often an export that lost its rows, not a region that lost its services."""

    def __init__(self, missing: int, active: int, by_table: dict[str, int]) -> None:
        self.missing, self.active, self.by_table = missing, active, by_table
        super().__init__(self.message)

    @property
    def message(self) -> str:
        tables = ", ".join(f"{table} {count:,}" for table, count in self.by_table.items() if count)
        return _(
            "This import would mark %(missing)s of the source's %(active)s active records "
            "inactive (%(tables)s) because they are not in the file. Nothing was imported. If "
            "they really are gone, import again allowing it; otherwise check the file."
        ) % {"missing": f"{self.missing:,}", "active": f"{self.active:,}", "tables": tables}


class _DryRun(Exception):
    pass


SAMPLES = 5  # rows of each kind a report names, per table


@dataclass
class ImportReport:
    source: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    deactivated: dict[str, int] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    # {"created" | "updated" | "deactivated": {table: [the first few records' names]}}
    samples: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def sample(self, kind: str, table: str, label: str) -> None:
        names = self.samples.setdefault(kind, {}).setdefault(table, [])
        if len(names) < SAMPLES:
            names.append(label)

    def total(self, counts: dict[str, int]) -> int:
        return sum(counts.values())


def stable_id(source: str, table: str, value: Any) -> tuple[uuid.UUID, str]:
    """The record's UUID, and its original id when that was not already a UUID."""
    return _stable_id(source, table, str(value).strip())


@lru_cache(maxsize=262_144)  # a record's id is computed again for every row referring to it
def _stable_id(source: str, table: str, text: str) -> tuple[uuid.UUID, str]:
    try:
        return uuid.UUID(text), ""
    except ValueError:
        return uuid.uuid5(_NAMESPACE, f"{source}/{table}/{text}"), text


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
            allowed = {str(value) for value, _label in model_field.choices}
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
class _Prepared:
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


def _prepare(table: Table, row: Row, source: str, repairs: list[Repair]) -> _Prepared:
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
    return _Prepared(table, row, fields, references)


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
# every row of a group the same id; each such row gets an id of its own.
_REFERRED_TABLES = {"organization", "program", "service", "location", "service_at_location",
                    "taxonomy", "taxonomy_term", "contact", "phone"}  # fmt: skip


def _check_all(
    dataset: Dataset, source: str
) -> tuple[dict[str, dict[uuid.UUID, _Prepared]], list[Rejection], list[Repair]]:
    """Every row repaired where safe, converted and checked, references included; rows
    referring to a rejected row are rejected too."""
    prepared: dict[str, dict[uuid.UUID, _Prepared]] = {table.name: {} for table in TABLES}
    rejections = list(dataset.rejections)
    repairs = list(dataset.repairs)
    for table in TABLES:
        for row in dataset.tables.get(table.name, []):
            row_repairs: list[Repair] = []
            try:
                item = _prepare(table, row, source, row_repairs)
            except RowError as error:
                rejections.append(Rejection(row.file, row.line, table.name, str(error)))
                continue
            earlier = prepared[table.name].get(item.fields["id"])
            reused = earlier is not None and not _same(earlier, item)
            if reused and table.name not in _REFERRED_TABLES:
                _own_id(item, source, row_repairs)
                earlier = prepared[table.name].get(item.fields["id"])
            if earlier is not None:
                if _same(earlier, item):
                    continue  # nested JSON repeats shared objects (a service's organization)
                rejections.append(
                    Rejection(
                        row.file,
                        row.line,
                        table.name,
                        _("duplicate id %(id)s (first at line %(line)s)")
                        % {"id": item.row.values.get("id"), "line": earlier.row.line},
                    )
                )
                continue
            prepared[table.name][item.fields["id"]] = item
            repairs.extend(row_repairs)
    _check_references(prepared, rejections)
    return prepared, rejections, repairs


def _own_id(item: _Prepared, source: str, repairs: list[Repair]) -> None:
    """A stable id of its own for a row that reused another row's id: derived from the id
    and the row's content, so the same export gives the same ids every time."""
    original = str(item.row.values.get("id"))
    content = repr(sorted((k, str(v)) for k, v in item.row.values.items()))
    new_id = uuid.uuid5(_NAMESPACE, f"{source}/{item.table.name}/{original}/{content}")
    item.fields["id"] = new_id
    repairs.append(
        Repair(item.row.file, item.row.line, item.table.name, "id", original, str(new_id), "id")
    )


def _same(first: _Prepared, second: _Prepared) -> bool:
    return first.fields == second.fields and first.references == second.references


def _existing_ids(table_name: str, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    model = BY_NAME[table_name].model
    wanted = list(ids)
    found: set[uuid.UUID] = set()
    for start in range(0, len(wanted), 5000):
        found.update(
            model._default_manager.filter(id__in=wanted[start : start + 5000]).values_list(
                "id", flat=True
            )
        )
    return found


def _check_references(
    prepared: dict[str, dict[uuid.UUID, _Prepared]], rejections: list[Rejection]
) -> None:
    """Drop rows whose references resolve neither in the file nor in the database, repeatedly,
    so that a dropped parent takes its dependants with it."""
    wanted: dict[str, set[uuid.UUID]] = {}
    for table in TABLES:
        for item in prepared[table.name].values():
            for attname, target in item.references.items():
                target_table = _target(table, attname)
                if target not in prepared[target_table]:
                    wanted.setdefault(target_table, set()).add(target)
    in_database = {name: _existing_ids(name, ids) for name, ids in wanted.items()}
    changed = True
    while changed:
        changed = False
        for table in TABLES:
            for record_id, item in list(prepared[table.name].items()):
                for attname, target in item.references.items():
                    target_table = _target(table, attname)
                    if target in prepared[target_table] or target in in_database.get(
                        target_table, set()
                    ):
                        continue
                    prop = next(p for p, f in table.columns.items() if f.attname == attname)
                    rejections.append(
                        Rejection(
                            item.row.file,
                            item.row.line,
                            table.name,
                            _("%(field)s refers to a %(table)s that is not in the data (%(id)s)")
                            % {
                                "field": prop,
                                "table": target_table,
                                "id": item.row.values.get(prop),
                            },
                        )
                    )
                    del prepared[table.name][record_id]
                    changed = True
                    break


def _target(table: Table, attname: str) -> str:
    prop = next(p for p, f in table.columns.items() if f.attname == attname)
    return table.references[prop]


def load(
    dataset: Dataset,
    *,
    source: str,
    skip_invalid: bool = False,
    full: bool = True,
    updated_by: str = "",
    progress: Progress | None = None,
    allow_deactivate: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Check everything, then write. ``full``: records of this source missing from the
    dataset are marked inactive (never deleted) — unless that would be more than
    DIRECTORY_DEACTIVATE_MAX_PERCENT of them and ``allow_deactivate`` is not given.
    ``dry_run``: do everything, report it, and roll it all back."""
    report = ImportReport(source=source, notes=list(dataset.notes), dry_run=dry_run)
    repair_dataset(dataset)
    prepared, rejections, repairs = _check_all(dataset, source)
    _stable_id.cache_clear()  # do not keep a large import's ids in a long-lived worker
    report.rejections, report.repairs = rejections, repairs
    total = sum(len(items) for items in prepared.values())
    if not total:
        raise ImportFailed([*rejections, _nothing_found(dataset)])
    if rejections and not skip_invalid:
        raise ImportFailed(rejections)
    missing = _missing(prepared, source) if full else {}
    if not allow_deactivate:
        try:
            _refuse_mass_deactivation(missing, source)
        except TooManyDeactivated as refusal:
            if not dry_run:
                raise
            report.notes.append(refusal.message)  # the preview says so; confirming decides
    done = 0
    try:
        with transaction.atomic():
            for table in TABLES:
                items = list(prepared[table.name].values())
                _write(table, items, report, updated_by or f"import:{source}")
                done += len(items)
                if progress:
                    progress(table.name, done, total)
            _deactivate(missing, report, updated_by or f"import:{source}")
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _nothing_found(dataset: Dataset) -> Rejection:
    looked_for = ", ".join(dataset.looked_for[:20]) or _("HSDS tables")
    return Rejection(
        "",
        0,
        "",
        _("No rows were found (looked for: %(files)s). Nothing was imported.")
        % {"files": looked_for},
    )


def _refuse_mass_deactivation(missing: dict[str, list[uuid.UUID]], source: str) -> None:
    gone = sum(len(ids) for ids in missing.values())
    if not gone:
        return
    active = sum(
        table.model._default_manager.filter(source=source, is_active=True).count()
        for table in TABLES
        if table.name in missing
    )
    if gone * 100 > active * settings.DIRECTORY_DEACTIVATE_MAX_PERCENT:
        raise TooManyDeactivated(gone, active, {name: len(ids) for name, ids in missing.items()})


_COMPARED_SKIP = {"extra", "source", "original_id"}


def _write(table: Table, items: list[_Prepared], report: ImportReport, updated_by: str) -> None:
    model = table.model
    existing = {
        obj.pk: obj
        for start in range(0, len(items), 2000)
        for obj in model._default_manager.filter(
            id__in=[i.fields["id"] for i in items[start : start + 2000]]
        )
    }
    now = timezone.now()
    to_create, to_update, changes = [], [], []
    self_refs = [
        a
        for a in (f.attname for f in table.columns.values() if isinstance(f, models.ForeignKey))
        if _target(table, a) == table.name
    ]
    for item in items:
        values = {
            **item.fields,
            **{a: t for a, t in item.references.items() if a not in self_refs},
            "is_active": True,
        }
        current = existing.get(values["id"])
        if current is None:
            # A new record's creation is its created_at and source; the change log (HSDS
            # metadata) records what later imports change.
            to_create.append(values)
            report.sample("created", table.name, _label(values))
            continue
        changed = [
            name
            for name, value in values.items()
            if name not in _COMPARED_SKIP and getattr(current, name) != value
        ]
        for name in changed:
            changes.append(
                _metadata(
                    table,
                    current.pk,
                    "update",
                    name,
                    getattr(current, name),
                    values[name],
                    updated_by,
                    now,
                )
            )
            setattr(current, name, values[name])
        if values["extra"] != getattr(current, "extra", None):
            setattr(current, "extra", values["extra"])  # noqa: B010 - any HSDS model
            changed.append("extra")
        if changed:
            to_update.append((current, changed))
            report.sample("updated", table.name, _label(values))
        else:
            report.unchanged[table.name] = report.unchanged.get(table.name, 0) + 1
    insert_rows(model, to_create, now)
    for obj, names in to_update:
        obj.save(update_fields=[*names, "updated_at"])
    if self_refs:
        _set_self_references(model, items, self_refs, set(existing))
    if table.model is not Metadata:
        insert_rows(Metadata, changes, now)
    report.created[table.name] = len(to_create)
    report.updated[table.name] = len(to_update)


def _label(values: dict[str, Any]) -> str:
    """How a report names a record: its name, else its id in the source."""
    return str(values.get("name") or values.get("original_id") or values["id"])[:120]


def _labels(table: Table, ids: list[uuid.UUID]) -> list[str]:
    fields = {f.attname for f in table.model._meta.concrete_fields}
    wanted = ["id", *(["name"] if "name" in fields else []), "original_id"]
    rows = table.model._default_manager.filter(id__in=ids).values(*wanted)
    return [_label(row) for row in rows]


def _set_self_references(
    model: type[models.Model], items: list[_Prepared], attnames: list[str], existed: set[Any]
) -> None:
    """Parents within the same table (parent organizations, broader terms) are linked after
    every row of the table exists; a new row without a parent needs no second write."""
    for item in items:
        wanted = {a: item.references.get(a) for a in attnames}
        if any(wanted.values()) or item.fields["id"] in existed:
            model._default_manager.filter(pk=item.fields["id"]).update(**wanted)


def _metadata(
    table: Table,
    resource_id: uuid.UUID,
    action: str,
    field_name: str,
    previous: Any,
    replacement: Any,
    updated_by: str,
    now: datetime.datetime,
) -> dict[str, Any]:
    """One HSDS metadata (change log) row, as the values insert_rows takes."""
    return {
        "id": uuid.uuid4(),
        "resource_id": resource_id,
        "resource_type": table.name,
        "last_action_date": now.date().isoformat(),
        "last_action_type": action,
        "field_name": field_name,
        "previous_value": "" if previous is None else str(previous)[:2000],
        "replacement_value": "" if replacement is None else str(replacement)[:2000],
        "updated_by": updated_by[:200],
        "source": "puentes",
    }


def _missing(
    prepared: dict[str, dict[uuid.UUID, _Prepared]], source: str
) -> dict[str, list[uuid.UUID]]:
    """Per table, the source's active records that this (full) import does not hold."""
    missing = {}
    for table in TABLES:
        if table.model is Metadata:
            continue
        # The difference is taken here: NOT IN with a very long list is slow on PostgreSQL.
        current = table.model._default_manager.filter(source=source, is_active=True)
        ids = [i for i in current.values_list("id", flat=True) if i not in prepared[table.name]]
        missing[table.name] = ids
    return missing


def _deactivate(missing: dict[str, list[uuid.UUID]], report: ImportReport, updated_by: str) -> None:
    now = timezone.now()
    for table in TABLES:
        if table.name not in missing:
            continue
        ids = missing[table.name]
        for label in _labels(table, ids[:SAMPLES]):
            report.sample("deactivated", table.name, label)
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            table.model._default_manager.filter(id__in=chunk).update(
                is_active=False, updated_at=now
            )
        if ids:
            insert_rows(
                Metadata,
                [
                    _metadata(
                        table, record_id, "deactivate", "is_active", True, False, updated_by, now
                    )
                    for record_id in ids
                ],
                now,
            )
        report.deactivated[table.name] = len(ids)
