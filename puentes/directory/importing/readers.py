"""Readers: HSDS 3.0 JSON, HSDS 3.0 tabular packages, and legacy HSDS 1.x/2.x packages.

Each returns a Dataset of flat rows named with HSDS 3.0 tables and properties; the loader
does every check. Readers only report what they cannot read at all (malformed JSON or CSV).
"""

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from puentes.directory.importing.legacy import read_legacy
from puentes.directory.importing.rows import Dataset, Rejection, open_csv
from puentes.directory.mapping import BY_CSV, BY_NAME, NESTED_TABLE, nested_keys

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


_LEGACY_MARKERS = ("physical_addresses.csv", "services_taxonomy.csv", "regular_schedules.csv")


def read(path: Path) -> Dataset:
    """Read a JSON file, a tabular package folder (or its datapackage.json), or a legacy folder.

    A package is read by what its datapackage.json says: each resource's ``path`` (CSV files
    often live in ``data/``) and ``name``. Without one, the folder's CSV files are read, or
    those of the one folder below it that holds them."""
    if path.is_file() and path.name == "datapackage.json":
        path = path.parent
    if path.is_dir():
        dataset = Dataset()
        files = _package_files(path, dataset)
        folders = {file.parent for file, _name in files}
        legacy_folder = folders.pop() if len(folders) == 1 else None
        if legacy_folder and any((legacy_folder / m).exists() for m in _LEGACY_MARKERS):
            legacy = read_legacy(legacy_folder)
            legacy.rejections[:0] = dataset.rejections
            legacy.notes[:0] = dataset.notes
            legacy.looked_for = dataset.looked_for
            return legacy
        return read_tabular(files, dataset)
    if path.suffix.lower() in {".json", ".ndjson"}:
        return read_json(path)
    dataset = Dataset()
    dataset.rejections.append(
        Rejection(path.name, 0, "", _("not a JSON file or a data package folder"))
    )
    return dataset


def _package_files(folder: Path, dataset: Dataset) -> list[tuple[Path, str]]:
    """The CSV files of a package with their resource names: as its datapackage.json lists
    them, else (no descriptor, an unreadable one, or one listing no CSV) as found."""
    descriptor = folder / "datapackage.json"
    if not descriptor.exists():
        return _found_files(folder, dataset)
    try:
        resources = json.loads(descriptor.read_text(encoding="utf-8-sig")).get("resources", [])
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError) as error:
        dataset.notes.append(
            _("datapackage.json cannot be read (%(error)s); read the CSV files found")
            % {"error": error}
        )
        return _found_files(folder, dataset)
    files: list[tuple[Path, str]] = []
    for resource in resources if isinstance(resources, list) else []:
        paths = resource.get("path") if isinstance(resource, dict) else None
        for relative in paths if isinstance(paths, list) else [paths]:
            if not isinstance(relative, str) or not relative.lower().endswith(".csv"):
                continue
            dataset.looked_for.append(relative)
            file = (folder / relative).resolve()
            if not file.is_relative_to(folder.resolve()) or not file.is_file():
                dataset.rejections.append(
                    Rejection(
                        "datapackage.json",
                        0,
                        str(resource.get("name", "")),
                        _("names %(path)s, which is not in the package") % {"path": relative},
                    )
                )
                continue
            files.append((file, str(resource.get("name", ""))))
    if not dataset.looked_for:  # a descriptor that lists no CSV resource at all
        dataset.notes.append(_("datapackage.json lists no CSV files; read the CSV files found"))
        return _found_files(folder, dataset)
    return files


def _found_files(folder: Path, dataset: Dataset) -> list[tuple[Path, str]]:
    found = sorted(folder.glob("*.csv")) or sorted(folder.glob("*/*.csv"))
    dataset.looked_for = ["*.csv", "*/*.csv"]
    return [(file, "") for file in found]


def _table_of(path: Path, resource_name: str) -> Any:
    """HSDS 3.0 names resources by table ("service"); files are named by CSV ("services")."""
    return BY_NAME.get(resource_name) or BY_CSV.get(resource_name) or BY_CSV.get(path.stem)


def read_tabular(files: list[tuple[Path, str]], dataset: Dataset) -> Dataset:
    for path, resource_name in files:
        table = _table_of(path, resource_name)
        if table is None:
            if path.stem != "meta_table_descriptions":
                dataset.notes.append(
                    _("%(file)s: not an HSDS 3.0 table, skipped") % {"file": path.name}
                )
            continue
        opened = open_csv(path, dataset)
        if opened is not None:
            dataset.files[table.name].append(opened)
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
