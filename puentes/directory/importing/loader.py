"""The loader: checks every row of a Dataset and writes the valid ones, in one transaction.

All-or-nothing by default: one bad row and nothing is written (the transaction is rolled
back), with every problem reported. With skip_invalid, valid rows are written and every
rejected row is reported with its file, line and reason — including rows rejected only
because a row they refer to was. Tables are loaded one after another in chunks
(importing.tables), so memory stays bounded whatever the package's size.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.directory.importing.prepare import cached_stable_id, stable_id
from puentes.directory.importing.repairs import repair_dataset
from puentes.directory.importing.report import SAMPLES, ImportReport, label
from puentes.directory.importing.rows import Dataset, Rejection
from puentes.directory.importing.tables import ImportRun, Progress, load_table, metadata_row
from puentes.directory.importing.writing import insert_rows
from puentes.directory.mapping import TABLES, Table
from puentes.directory.models import Metadata

__all__ = ["ImportFailed", "ImportReport", "Progress", "TooManyDeactivated", "load", "stable_id"]


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
    """Check and write everything, then decide. ``full``: records of this source missing
    from the dataset are marked inactive (never deleted) — unless that would be more than
    DIRECTORY_DEACTIVATE_MAX_PERCENT of them and ``allow_deactivate`` is not given.
    ``dry_run``: do everything, report it, and roll it all back."""
    report = ImportReport(source=source, dry_run=dry_run)
    run = ImportRun(
        source=source,
        updated_by=updated_by or f"import:{source}",
        report=report,
        repairs=repair_dataset(dataset),
        progress=progress,
        estimate=dataset.estimate(),
    )
    try:
        with transaction.atomic():
            missing = {}
            for table in TABLES:
                held = load_table(table, dataset, run)
                if full and table.model is not Metadata:
                    missing[table.name] = _missing(table, source, held)
            report.notes = list(dataset.notes)
            report.rejections = [*dataset.rejections, *run.rejections]
            report.repairs = run.fixes
            _decide(report, run, dataset, missing, skip_invalid, allow_deactivate)
            _deactivate(missing, report, run)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        cached_stable_id.cache_clear()  # do not keep a large import's ids in a long-lived worker
    return report


def _decide(
    report: ImportReport,
    run: ImportRun,
    dataset: Dataset,
    missing: dict[str, list[uuid.UUID]],
    skip_invalid: bool,
    allow_deactivate: bool,
) -> None:
    """Raise (rolling the import back) when nothing was found, when a row was rejected and
    rejections are not skipped, or when too much of the source would be marked inactive."""
    if not run.accepted:
        raise ImportFailed([*report.rejections, _nothing_found(dataset)])
    if report.rejections and not skip_invalid:
        raise ImportFailed(report.rejections)
    if allow_deactivate:
        return
    try:
        _refuse_mass_deactivation(missing, report.source)
    except TooManyDeactivated as refusal:
        if not report.dry_run:
            raise
        report.notes.append(refusal.message)  # the preview says so; confirming decides


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


def _labels(table: Table, ids: list[uuid.UUID]) -> list[str]:
    fields = {f.attname for f in table.model._meta.concrete_fields}
    wanted = ["id", *(["name"] if "name" in fields else []), "original_id"]
    rows = table.model._default_manager.filter(id__in=ids).values(*wanted)
    return [label(row) for row in rows]


def _missing(table: Table, source: str, held: set[bytes]) -> list[uuid.UUID]:
    """The source's active records of a table that this (full) import does not hold. The
    difference is taken here, streaming the ids: NOT IN with a very long list is slow on
    PostgreSQL."""
    current = table.model._default_manager.filter(source=source, is_active=True)
    return [i for i in current.values_list("id", flat=True).iterator(10_000) if i.bytes not in held]


def _deactivate(missing: dict[str, list[uuid.UUID]], report: ImportReport, run: ImportRun) -> None:
    now = timezone.now()
    for table in TABLES:
        if table.name not in missing:
            continue
        ids = missing[table.name]
        for name in _labels(table, ids[:SAMPLES]):
            report.sample("deactivated", table.name, name)
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            table.model._default_manager.filter(id__in=chunk).update(
                is_active=False, updated_at=now
            )
            insert_rows(
                Metadata,
                [
                    metadata_row(table, record_id, "deactivate", "is_active", True, False, run)
                    for record_id in chunk
                ],
                now,
            )
        report.deactivated[table.name] = len(ids)
