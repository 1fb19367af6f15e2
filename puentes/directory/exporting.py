"""Export the directory as HSDS 3.0: a tabular data package, or JSON."""

import csv
import json
from pathlib import Path
from typing import Any

from django.db import models

from puentes.directory import models as m
from puentes.directory.mapping import TABLES
from puentes.directory.serializers import flat, organization_full, service_full

_FIELD_TYPES = {
    models.FloatField: "number",
    models.IntegerField: "integer",
    models.UUIDField: "string",
    models.ForeignKey: "string",
}


def export_tabular(folder: Path, *, source: str | None = None) -> dict[str, int]:
    """One CSV per HSDS table (active records) and a datapackage.json describing them.

    Properties beyond HSDS core (kept in ``extra``) become extra columns, so nothing is lost.
    """
    folder.mkdir(parents=True, exist_ok=True)
    counts, resources = {}, []
    for table in TABLES:
        records = table.model._default_manager.filter(is_active=True).order_by("pk")
        if source:
            records = records.filter(source=source)
        rows = [flat(record, table) for record in records.iterator(chunk_size=2000)]
        columns = list(table.columns) + sorted(
            {k for row in rows for k in row} - set(table.columns)
        )
        with (folder / f"{table.csv}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(v) for k, v in row.items()})
        counts[table.name] = len(rows)
        resources.append(
            {
                "name": table.name,
                "path": f"{table.csv}.csv",
                "profile": "tabular-data-resource",
                "schema": {
                    "fields": [{"name": c, "type": _type_of(table, c)} for c in columns],
                    "primaryKey": "id",
                },
            }
        )
    package = {
        "name": "puentes-directory",
        "profile": "tabular-data-package",
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    return counts


def _cell(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, dict | list) else value


def _type_of(table: Any, column: str) -> str:
    model_field = table.columns.get(column)
    if model_field is None:
        return "string"
    for kind, name in _FIELD_TYPES.items():
        if isinstance(model_field, kind):
            return name
    return "string"


def export_json(path: Path, *, source: str | None = None) -> int:
    """A JSON list of fully nested services, then organizations that offer none."""
    services = m.Service.objects.filter(is_active=True).order_by("pk")
    organizations = (
        m.Organization.objects.filter(is_active=True)
        .exclude(services__is_active=True)
        .order_by("pk")
    )
    if source:
        services, organizations = (
            services.filter(source=source),
            organizations.filter(source=source),
        )
    documents = [service_full(s) for s in services] + [organization_full(o) for o in organizations]
    path.write_text(json.dumps(documents, indent=1, ensure_ascii=False), encoding="utf-8")
    return len(documents)
