import json
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from puentes.directory.importing.loader import ImportFailed, TooManyDeactivated, stable_id
from puentes.directory.models import (
    Attribute,
    Language,
    Location,
    Metadata,
    Organization,
    Schedule,
    Service,
)
from puentes.directory.services import directory_import
from puentes.directory.tests.packages import SKIP_REASON, STANDARDS, tables, write_package


def test_a_211_style_package_imports_with_stable_ids(db, tmp_path):
    report = directory_import(path=write_package(tmp_path / "pkg"), source="sac211")
    assert report.created["service"] == 2 and report.rejections == []
    service = Service.objects.get(original_id="21")
    assert service.id == stable_id("sac211", "service", "21")[0]
    assert service.organization.name == "Eastside Food Pantry" and service.minimum_age == 18
    assert Schedule.objects.get(service=service).opens_at.hour == 9
    assert Language.objects.get(service=service).code == "es"
    assert Attribute.objects.get(link_id=service.id).taxonomy_term.name == "Food"
    assert Location.objects.get().addresses.get().postal_code == "95815"


def test_reimporting_updates_in_place_records_changes_and_deactivates_missing(db, tmp_path):
    directory_import(path=write_package(tmp_path / "v1"), source="sac211")
    again = directory_import(path=write_package(tmp_path / "v1"), source="sac211")
    assert again.total(again.created) == 0 and again.total(again.updated) == 0
    data = tables(services=1)
    data["services"][0]["name"] = "Food box (weekly)"
    with pytest.raises(TooManyDeactivated) as refused:  # 5 of 15 records: more than 20 %
        directory_import(path=write_package(tmp_path / "v2", data), source="sac211")
    assert (refused.value.missing, refused.value.active) == (5, 15)
    assert Service.objects.filter(is_active=True).count() == 2  # nothing written
    report = directory_import(
        path=write_package(tmp_path / "v2", data), source="sac211", allow_deactivate=True
    )
    assert report.updated["service"] == 1
    assert Service.objects.count() == 2  # nothing deleted
    gone = Service.objects.get(original_id="22")
    assert gone.is_active is False and report.deactivated["service"] == 1
    change = Metadata.objects.get(last_action_type="update", field_name="name")
    assert (change.previous_value, change.replacement_value) == ("Food box 1", "Food box (weekly)")
    assert change.resource_id == Service.objects.get(original_id="21").id


def test_a_partial_import_leaves_missing_records_alone(db, tmp_path):
    directory_import(path=write_package(tmp_path / "v1"), source="sac211")
    directory_import(
        path=write_package(tmp_path / "v2", tables(services=1)), source="sac211", full=False
    )
    assert Service.objects.filter(is_active=True).count() == 2


@pytest.mark.parametrize(
    ("table", "change", "reason"),
    [
        ("locations", {"latitude": "123"}, "latitude 123.0 is outside -90..90"),
        ("services", {"status": "open-ish"}, "status: 'open-ish' is not one of"),
        ("services", {"minimum_age": "eighteen"}, "minimum_age: 'eighteen' is not a number"),
        ("schedules", {"opens_at": "25:99"}, "opens_at: '25:99' is not a time"),
        (
            "services",
            {"organization_id": "999"},
            "organization_id refers to a organization that is not in the data",
        ),
        ("services", {"name": ""}, "name is required"),
    ],
)
def test_one_bad_row_and_nothing_is_written(db, tmp_path, table, change, reason):
    data = tables()
    data[table][0].update(change)
    with pytest.raises(ImportFailed) as failure:
        directory_import(path=write_package(tmp_path / "bad", data), source="sac211")
    assert any(
        reason in r.reason and r.line == 2 and r.file == f"{table}.csv"
        for r in failure.value.rejections
    ), [str(r) for r in failure.value.rejections]
    assert Service.objects.count() == 0 and Organization.objects.count() == 0


def test_skip_invalid_imports_the_rest_and_reports_dependants(db, tmp_path):
    data = tables()
    data["services"][0]["status"] = "nonsense"
    report = directory_import(
        path=write_package(tmp_path / "bad", data), source="sac211", skip_invalid=True
    )
    assert Service.objects.count() == 1
    reasons = {(r.table, r.file) for r in report.rejections}
    assert ("service", "services.csv") in reasons
    assert ("schedule", "schedules.csv") in reasons  # its schedule referred to the rejected service


def test_duplicate_ids_are_rejected(db, tmp_path):
    data = tables()
    data["services"][1]["id"] = data["services"][0]["id"]
    with pytest.raises(ImportFailed) as failure:
        directory_import(path=write_package(tmp_path / "dup", data), source="sac211")
    assert any("duplicate id 21" in r.reason for r in failure.value.rejections)


def test_malformed_files_are_reported(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "x", "name": ')
    with pytest.raises(ImportFailed) as failure:
        directory_import(path=broken, source="x")
    assert "not valid JSON" in failure.value.rejections[0].reason
    folder = write_package(tmp_path / "csv")
    (folder / "services.csv").write_text('id,name,status\n"21,Food,active\n')
    with pytest.raises(ImportFailed):
        directory_import(path=folder, source="x")


def test_nested_json_services_import(db, tmp_path):
    service = {
        "id": str(uuid.uuid4()),
        "name": "Clinic bus",
        "status": "active",
        "organization": {"id": str(uuid.uuid4()), "name": "Valle", "description": "CHC"},
        "phones": [
            {
                "id": str(uuid.uuid4()),
                "number": "916-555-0100",
                "languages": [{"id": str(uuid.uuid4()), "name": "Spanish", "code": "es"}],
            }
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location": {
                    "id": str(uuid.uuid4()),
                    "location_type": "physical",
                    "name": "Stop 1",
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "1 Main",
                            "city": "Fresno",
                            "state_province": "CA",
                            "postal_code": "93701",
                            "country": "US",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
    }
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"contents": [service], "total_items": 1}))
    report = directory_import(path=path, source="json")
    assert report.rejections == []
    imported = Service.objects.get(id=service["id"])
    assert imported.organization.name == "Valle"
    assert imported.phones.get().languages.get().code == "es"
    assert imported.service_at_locations.get().location.addresses.get().city == "Fresno"


def test_the_command_reports_and_refuses(db, tmp_path, capsys):
    call_command("import_hsds", str(write_package(tmp_path / "ok")), "--source", "sac211")
    assert "created" in capsys.readouterr().out
    data = tables()
    data["locations"][0]["longitude"] = "-999"
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(write_package(tmp_path / "bad", data)), "--source", "other")


@pytest.mark.skipif(not STANDARDS.exists(), reason=SKIP_REASON)
def test_the_official_legacy_sample_imports_completely(db):
    report = directory_import(path=STANDARDS / "hsds-1.1-sample", source="legacy")
    assert report.rejections == []
    assert (
        Service.objects.count() == 13
        and Location.objects.filter(location_type="physical").count() == 10
    )
    assert Schedule.objects.filter(freq="WEEKLY").exists()


@pytest.mark.skipif(not STANDARDS.exists(), reason=SKIP_REASON)
def test_the_official_3_0_example_is_refused_for_its_placeholder_coordinates(db):
    with pytest.raises(ImportFailed) as failure:
        directory_import(path=STANDARDS / "hsds-3.0" / "examples" / "csv", source="example")
    assert any("latitude 100.0 is outside" in r.reason for r in failure.value.rejections)


def test_a_parent_removed_on_reimport_is_cleared(db, tmp_path):
    data = tables()
    data["organizations"].append({"id": "2", "name": "Parent", "description": "Umbrella"})
    data["organizations"][0]["parent_organization_id"] = "2"
    directory_import(path=write_package(tmp_path / "v1", data), source="sac211")
    assert Organization.objects.get(original_id="1").parent_organization.name == "Parent"
    del data["organizations"][0]["parent_organization_id"]
    directory_import(path=write_package(tmp_path / "v2", data), source="sac211")
    assert Organization.objects.get(original_id="1").parent_organization is None
