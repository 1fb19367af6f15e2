"""Loading one HSDS table, a chunk of rows at a time, inside the import's transaction.

Memory stays bounded whatever the package's size: rows stream from the file, and what the
loader keeps is the ids this table has already brought (to tell a reused id and to know
which records a full import no longer holds). A row's references are checked against the
database, where the tables before it in load order have already been written; a parent
that was rejected is not there, so its dependants are rejected in turn. Rows naming a
parent in their own table (a parent organization, a broader term) wait until the table
ends, when every possible parent is known.
"""

import datetime
import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.directory.importing.prepare import NAMESPACE, Prepared, RowError, prepare
from puentes.directory.importing.repairs import DatasetRepairs
from puentes.directory.importing.report import ImportReport, label
from puentes.directory.importing.rows import Dataset, Rejection, Repair, Row
from puentes.directory.importing.writing import among, insert_rows
from puentes.directory.mapping import BY_NAME, Table
from puentes.directory.models import Metadata

CHUNK = 5000
Progress = Callable[[str, int, int], None]

# Tables whose ids other rows refer to: a reused id there cannot be told apart, so it is
# rejected. In the others (a service's phones, languages, schedules…) exports often give
# every row of a group the same id; each such row gets an id of its own.
_REFERRED_TABLES = {"organization", "program", "service", "location", "service_at_location",
                    "taxonomy", "taxonomy_term", "contact", "phone"}  # fmt: skip
_COMPARED_SKIP = {"extra", "source", "original_id"}


@dataclass
class ImportRun:
    """What every table's load shares: the import's settings and what it found so far."""

    source: str
    updated_by: str
    report: ImportReport
    repairs: DatasetRepairs
    progress: Progress | None = None
    estimate: int = 0
    read: int = 0
    accepted: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    fixes: list[Repair] = field(default_factory=list)
    now: datetime.datetime = field(default_factory=timezone.now)

    def reject(self, row: Row, table: str, reason: str) -> None:
        self.rejections.append(Rejection(row.file, row.line, table, reason))


@dataclass
class _TableLoad:
    table: Table
    run: ImportRun
    self_refs: list[str]
    seen: dict[bytes, int] = field(default_factory=dict)  # id -> the line that brought it
    chunk: dict[uuid.UUID, Prepared] = field(default_factory=dict)
    waiting: dict[uuid.UUID, Prepared] = field(default_factory=dict)  # with a parent here


def load_table(table: Table, dataset: Dataset, run: ImportRun) -> set[bytes]:
    """Check and write every row of one table; the ids it holds (as bytes, to keep them
    small) are returned for the full import's deactivation."""
    load = _TableLoad(table, run, self_references(table))
    for row in dataset.rows(table.name):
        run.read += 1
        item = _checked(load, row)
        if item is None:
            continue
        load.seen[item.fields["id"].bytes] = row.line
        if any(item.references.get(a) for a in load.self_refs):
            load.waiting[item.fields["id"]] = item
            continue
        load.chunk[item.fields["id"]] = item
        if len(load.chunk) >= CHUNK:
            _flush(load, list(load.chunk.values()))
            load.chunk = {}
    _flush(load, list(load.chunk.values()))
    load.chunk = {}
    if load.waiting:
        _flush_waiting(load)
    return set(load.seen)


def self_references(table: Table) -> list[str]:
    return [
        f.attname
        for prop, f in table.columns.items()
        if isinstance(f, models.ForeignKey) and table.references.get(prop) == table.name
    ]


def _checked(load: _TableLoad, row: Row) -> Prepared | None:
    """The row prepared, or None when it is rejected or repeats an identical row."""
    run, table = load.run, load.table
    fixes = run.repairs.apply(table.name, row)
    try:
        item = prepare(table, row, run.source, fixes)
    except RowError as error:
        run.reject(row, table.name, str(error))
        return None
    key = item.fields["id"].bytes
    if key in load.seen and _same_as_earlier(load, item):
        return None  # nested JSON repeats shared objects (a service's organization)
    if key in load.seen and table.name not in _REFERRED_TABLES:
        _own_id(item, run.source, fixes)
        key = item.fields["id"].bytes
        if key in load.seen and _same_as_earlier(load, item):
            return None  # the same row again, under the id of its own it was given
    if key in load.seen:
        run.reject(
            row,
            table.name,
            _("duplicate id %(id)s (first at line %(line)s)")
            % {"id": row.values.get("id"), "line": load.seen[key]},
        )
        return None
    run.fixes.extend(fixes)
    return item


def _same_as_earlier(load: _TableLoad, item: Prepared) -> bool:
    """Whether the row already loaded under this id says the same (read back from the
    database when it was written with an earlier chunk: reused ids are rare)."""
    record_id = item.fields["id"]
    earlier = load.chunk.get(record_id) or load.waiting.get(record_id)
    if earlier is not None:
        return earlier.fields == item.fields and earlier.references == item.references
    expected = {**item.fields, **{a: item.references.get(a) for a in _reference_names(load.table)}}
    written = load.table.model._default_manager.filter(pk=record_id).values(*expected).first()
    return written == expected


def _reference_names(table: Table) -> list[str]:
    return [table.columns[prop].attname for prop in table.references]


def _own_id(item: Prepared, source: str, repairs: list[Repair]) -> None:
    """A stable id of its own for a row that reused another row's id: derived from the id
    and the row's content, so the same export gives the same ids every time."""
    original = str(item.row.values.get("id"))
    content = repr(sorted((k, str(v)) for k, v in item.row.values.items()))
    new_id = uuid.uuid5(NAMESPACE, f"{source}/{item.table.name}/{original}/{content}")
    item.fields["id"] = new_id
    repairs.append(
        Repair(item.row.file, item.row.line, item.table.name, "id", original, str(new_id), "id")
    )


def _flush(load: _TableLoad, items: list[Prepared], set_later: list[str] | None = None) -> None:
    """Reject the rows whose references are missing, then write the rest."""
    kept = _with_references_found(load, items)
    _write(load.table, kept, load.run, set_later or [])
    load.run.accepted += len(kept)
    if load.run.progress:
        load.run.progress(load.table.name, load.run.read, max(load.run.estimate, load.run.read))


def _with_references_found(load: _TableLoad, items: list[Prepared]) -> list[Prepared]:
    table = load.table
    wanted: dict[str, set[uuid.UUID]] = {}
    for item in items:
        for attname, target in item.references.items():
            if attname not in load.self_refs:
                wanted.setdefault(target_of(table, attname), set()).add(target)
    found = {name: existing_ids(name, ids) for name, ids in wanted.items()}
    kept = []
    for item in items:
        missing = next(
            (
                attname
                for attname, target in item.references.items()
                if attname not in load.self_refs and target not in found[target_of(table, attname)]
            ),
            None,
        )
        if missing is None:
            kept.append(item)
            continue
        _reject_reference(load, item, missing)
    return kept


def _reject_reference(load: _TableLoad, item: Prepared, attname: str) -> None:
    prop = next(p for p, f in load.table.columns.items() if f.attname == attname)
    load.run.reject(
        item.row,
        load.table.name,
        _("%(field)s refers to a %(table)s that is not in the data (%(id)s)")
        % {
            "field": prop,
            "table": target_of(load.table, attname),
            "id": item.row.values.get(prop),
        },
    )
    load.seen.pop(item.fields["id"].bytes, None)


def _flush_waiting(load: _TableLoad) -> None:
    """The rows naming a parent in their own table: rejected (with their own dependants)
    when the parent is neither in the data nor in the directory, else written and linked."""
    targets = {
        t for item in load.waiting.values() for a in load.self_refs if (t := item.references.get(a))
    }
    in_database = existing_ids(load.table.name, [t for t in targets if t.bytes not in load.seen])
    changed = True
    while changed:
        changed = False
        for record_id, item in list(load.waiting.items()):
            for attname in load.self_refs:
                target = item.references.get(attname)
                if target and target.bytes not in load.seen and target not in in_database:
                    _reject_reference(load, item, attname)
                    del load.waiting[record_id]
                    changed = True
                    break
    items = list(load.waiting.values())
    _flush(load, items, set_later=load.self_refs)
    model = load.table.model
    for item in items:
        if item.fields["id"].bytes in load.seen:
            wanted = {a: item.references.get(a) for a in load.self_refs}
            model._default_manager.filter(pk=item.fields["id"]).update(**wanted)


def target_of(table: Table, attname: str) -> str:
    return _target(table.name, attname)


@functools.cache
def _target(table_name: str, attname: str) -> str:
    table = BY_NAME[table_name]
    prop = next(p for p, f in table.columns.items() if f.attname == attname)
    return table.references[prop]


def existing_ids(table_name: str, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    model = BY_NAME[table_name].model
    wanted = list(ids)
    found: set[uuid.UUID] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = among(wanted[start : start + CHUNK])
        found.update(model._default_manager.filter(chunk).values_list("id", flat=True))
    return found


def _write(table: Table, items: list[Prepared], run: ImportRun, set_later: list[str]) -> None:
    """Create the new records and update the changed ones, logging each change (HSDS
    metadata). ``set_later``: references linked once every row of the table exists."""
    model = table.model
    report = run.report
    unlinked = [a for a in self_references(table) if a not in set_later]
    ids = [i.fields["id"] for i in items]
    present = existing_ids(table.name, ids)
    manager = model._default_manager
    existing = {obj.pk: obj for obj in manager.filter(among(present))} if present else {}
    to_create, to_update, changes = [], [], []
    for item in items:
        values = {
            **item.fields,
            **{a: t for a, t in item.references.items() if a not in set_later},
            # A record whose parent the source dropped loses it.
            **{a: None for a in unlinked if a not in item.references},
            "is_active": True,
        }
        current = existing.get(values["id"])
        if current is None:
            # A new record's creation is its created_at and source; the change log (HSDS
            # metadata) records what later imports change.
            to_create.append(values)
            report.sample("created", table.name, label(values))
            continue
        changed = [
            name
            for name, value in values.items()
            if name not in _COMPARED_SKIP and getattr(current, name) != value
        ]
        for name in changed:
            changes.append(
                metadata_row(
                    table, current.pk, "update", name, getattr(current, name), values[name], run
                )
            )
            setattr(current, name, values[name])
        if values["extra"] != getattr(current, "extra", None):
            setattr(current, "extra", values["extra"])  # noqa: B010 - any HSDS model
            changed.append("extra")
        if changed:
            to_update.append((current, changed))
            report.sample("updated", table.name, label(values))
        else:
            report.unchanged[table.name] = report.unchanged.get(table.name, 0) + 1
    insert_rows(model, to_create, run.now)
    for obj, names in to_update:
        obj.save(update_fields=[*names, "updated_at"])
    if table.model is not Metadata:
        insert_rows(Metadata, changes, run.now)
    report.created[table.name] = report.created.get(table.name, 0) + len(to_create)
    report.updated[table.name] = report.updated.get(table.name, 0) + len(to_update)


def metadata_row(
    table: Table,
    resource_id: uuid.UUID,
    action: str,
    field_name: str,
    previous: Any,
    replacement: Any,
    run: ImportRun,
) -> dict[str, Any]:
    """One HSDS metadata (change log) row, as the values insert_rows takes."""
    return {
        "id": uuid.uuid4(),
        "resource_id": resource_id,
        "resource_type": table.name,
        "last_action_date": run.now.date().isoformat(),
        "last_action_type": action,
        "field_name": field_name,
        "previous_value": "" if previous is None else str(previous)[:2000],
        "replacement_value": "" if replacement is None else str(replacement)[:2000],
        "updated_by": run.updated_by[:200],
        "source": "puentes",
    }
