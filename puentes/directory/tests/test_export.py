import json

import jsonschema  # type: ignore[import-untyped]
import pytest
from django.core.management import call_command

from puentes.directory.mapping import TABLES
from puentes.directory.serializers import flat
from puentes.directory.services import directory_import
from puentes.directory.tests.packages import SKIP_REASON, STANDARDS, write_package


def _snapshot():
    return {
        t.name: sorted(
            (
                flat(r, t)
                for r in t.model._default_manager.filter(is_active=True).exclude(source="puentes")
            ),
            key=lambda d: d["id"],
        )
        for t in TABLES
        if t.name != "metadata"
    }


def _wipe():
    for table in reversed(TABLES):
        table.model._default_manager.all().delete()


@pytest.mark.parametrize("fmt", ["tabular", "json"])
def test_export_reimports_losslessly(db, tmp_path, fmt):
    directory_import(path=write_package(tmp_path / "pkg"), source="sac211")
    before = _snapshot()
    out = tmp_path / ("out" if fmt == "tabular" else "out.json")
    call_command("export_hsds", str(out), "--format", fmt)
    _wipe()
    directory_import(path=out, source="sac211")
    assert _snapshot() == before


@pytest.mark.skipif(not STANDARDS.exists(), reason=SKIP_REASON)
def test_exported_json_validates_against_the_official_schema(db, tmp_path):
    directory_import(path=STANDARDS / "hsds-1.1-sample", source="legacy")
    out = tmp_path / "out.json"
    call_command("export_hsds", str(out), "--format", "json")
    schema = json.loads(
        (STANDARDS / "hsds-3.0" / "schema" / "compiled" / "service.json").read_text()
    )
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    services = [d for d in json.loads(out.read_text()) if "status" in d]
    assert len(services) == 13
    assert [str(e.message) for d in services for e in validator.iter_errors(d)] == []


@pytest.mark.skipif(not STANDARDS.exists(), reason=SKIP_REASON)
def test_exported_tables_validate_row_by_row(db, tmp_path):
    import csv

    directory_import(path=STANDARDS / "hsds-1.1-sample", source="legacy")
    out = tmp_path / "tab"
    call_command("export_hsds", str(out))
    for table in TABLES:
        schema = json.loads((STANDARDS / "hsds-3.0" / "schema" / f"{table.name}.json").read_text())
        properties = schema["properties"]
        with (out / f"{table.csv}.csv").open() as handle:
            for row in csv.DictReader(handle):
                item = {}
                for key, value in row.items():
                    if key not in properties or (
                        value == "" and key not in schema.get("required", [])
                    ):
                        continue
                    kind = properties[key].get("type")
                    item[key] = float(value) if kind == "number" and value != "" else value
                errors = [
                    e.message
                    for e in jsonschema.Draft202012Validator(
                        {k: v for k, v in schema.items() if k != "properties"}
                        | {
                            "properties": {
                                k: v
                                for k, v in properties.items()
                                if "$ref" not in v and v.get("type") != "array"
                            }
                        }
                    ).iter_errors(item)
                ]
                assert errors == [], (table.name, row)
