"""Readers: HSDS 3.0 JSON, HSDS 3.0 tabular packages, and legacy HSDS 1.x/2.x packages.

Each returns a Dataset of flat rows named with HSDS 3.0 tables and properties; the loader
does every check. Readers only report what they cannot read at all (malformed JSON or CSV).
"""

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from puentes.directory.importing.legacy import read_legacy
from puentes.directory.importing.rows import Dataset, Rejection, read_csv
from puentes.directory.mapping import BY_CSV, NESTED_TABLE, nested_keys

# Children nested inside a parent carry the parent's id under this property.
_PARENT_KEY = {"service": "service_id", "organization": "organization_id",
               "location": "location_id", "service_at_location": "service_at_location_id",
               "phone": "phone_id", "contact": "contact_id"}  # fmt: skip
# Nested single objects whose id the parent refers to.
_REFERENCED_BY_PARENT = {
    "organization": "organization_id", "program": "program_id", "service": "service_id",
    "location": "location_id", "taxonomy_term": "taxonomy_term_id",
    "taxonomy_detail": "taxonomy_id",
}  # fmt: skip


def read(path: Path) -> Dataset:
    """Read a JSON file, a tabular package folder (or its datapackage.json), or a legacy folder."""
    if path.is_file() and path.name == "datapackage.json":
        path = path.parent
    if path.is_dir():
        if (
            (path / "physical_addresses.csv").exists()
            or (path / "services_taxonomy.csv").exists()
            or (path / "regular_schedules.csv").exists()
        ):
            return read_legacy(path)
        return read_tabular(path)
    if path.suffix.lower() in {".json", ".ndjson"}:
        return read_json(path)
    dataset = Dataset()
    dataset.rejections.append(
        Rejection(path.name, 0, "", _("not a JSON file or a data package folder"))
    )
    return dataset


def read_tabular(folder: Path) -> Dataset:
    dataset = Dataset()
    for path in sorted(folder.glob("*.csv")):
        table = BY_CSV.get(path.stem)
        if table is None:
            if path.stem != "meta_table_descriptions":
                dataset.notes.append(
                    _("%(file)s: not an HSDS 3.0 table, skipped") % {"file": path.name}
                )
            continue
        for line, values in read_csv(path, dataset):
            dataset.add(table.name, {k: v for k, v in values.items() if v != ""}, path.name, line)
    return dataset


def read_json(path: Path) -> Dataset:
    dataset = Dataset()
    try:
        text = path.read_text(encoding="utf-8-sig")
        documents = (
            [json.loads(line) for line in text.splitlines() if line.strip()]
            if path.suffix.lower() == ".ndjson"
            else json.loads(text)
        )
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        dataset.rejections.append(
            Rejection(
                path.name,
                getattr(error, "lineno", 0),
                "",
                _("not valid JSON: %(error)s") % {"error": error},
            )
        )
        return dataset
    if isinstance(documents, dict) and "contents" in documents:
        documents = documents["contents"]  # an HSDS API page
    if isinstance(documents, dict):
        documents = [documents]
    if not isinstance(documents, list):
        dataset.rejections.append(Rejection(path.name, 0, "", _("expected an object or a list")))
        return dataset
    for number, document in enumerate(documents, start=1):
        table = _guess_table(document)
        if table is None:
            dataset.rejections.append(
                Rejection(path.name, number, "", _("cannot tell which HSDS object this is"))
            )
            continue
        _flatten(table, document, {}, dataset, path.name, number)
    return dataset


def _guess_table(document: Any) -> str | None:
    if not isinstance(document, dict):
        return None
    if ("service" in document and "location" in document) or {"service_id", "location_id"} <= set(
        document
    ):
        return "service_at_location"
    if "status" in document and "name" in document:
        return "service"
    if "location_type" in document:
        return "location"
    if "name" in document and "description" in document:
        return "organization"
    return None


def _flatten(
    table: str,
    document: dict[str, Any],
    inherited: dict[str, Any],
    dataset: Dataset,
    file: str,
    number: int,
) -> None:
    # An organization read on its own may list its full services; a lone SAL its service.
    keys = [
        *nested_keys(table),
        *{"organization": ["services"], "service_at_location": ["service"]}.get(table, []),
    ]
    nested = {key: NESTED_TABLE[key] for key in keys}
    values = {k: v for k, v in document.items() if k not in nested and v is not None}
    for key, value in inherited.items():
        values.setdefault(key, value)
    for key, child_table in nested.items():
        child = document.get(key)
        if isinstance(child, dict):
            # A nested single object (a service's organization): the parent refers to it.
            reference = _REFERENCED_BY_PARENT.get(key)
            if reference and child.get("id"):
                values.setdefault(reference, child["id"])
            _flatten(child_table, child, {}, dataset, file, number)
        elif isinstance(child, list):
            parent_key = _PARENT_KEY.get(table)
            for item in child:
                if not isinstance(item, dict):
                    continue
                passed = {}
                if child_table == "attribute":
                    passed = {"link_id": document.get("id"), "link_entity": table}
                elif child_table == "metadata":
                    passed = {"resource_id": document.get("id"), "resource_type": table}
                elif parent_key and document.get("id"):
                    passed = {parent_key: document["id"]}
                _flatten(child_table, item, passed, dataset, file, number)
    dataset.add(table, values, file, number)
