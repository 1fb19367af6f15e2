"""Small HSDS packages the tests generate themselves (no dependency on ../shared)."""

import csv
import json
import os
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("PUENTES_SHARED", Path(__file__).resolve().parents[4] / "shared"))
STANDARDS = SHARED / "standards"
SKIP_REASON = f"the official HSDS files are not at {STANDARDS} (set PUENTES_SHARED)"


def tables(services: int = 2) -> dict[str, list[dict[str, Any]]]:
    """A 211-style export: numeric ids, an organization with services at one location."""
    data: dict[str, list[dict[str, Any]]] = {
        "organizations": [
            {"id": "1", "name": "Eastside Food Pantry", "description": "Groceries for families"}
        ],
        "locations": [
            {
                "id": "10",
                "location_type": "physical",
                "organization_id": "1",
                "name": "Main pantry",
                "latitude": "38.5568",
                "longitude": "-121.4929",
            }
        ],
        "addresses": [
            {
                "id": "100",
                "location_id": "10",
                "address_1": "410 Oak Ave",
                "city": "Sacramento",
                "state_province": "CA",
                "postal_code": "95815",
                "country": "US",
                "address_type": "physical",
            }
        ],
        "services": [],
        "service_at_location": [],
        "schedules": [],
        "languages": [],
        "taxonomy_terms": [
            {
                "id": "t1",
                "code": "102",
                "name": "Food",
                "description": "Food",
                "taxonomy": "Open Eligibility",
            }
        ],
        "attributes": [],
    }
    for number in range(1, services + 1):
        sid = str(20 + number)
        data["services"].append(
            {
                "id": sid,
                "organization_id": "1",
                "name": f"Food box {number}",
                "description": "Weekly groceries",
                "status": "active",
                "minimum_age": "18",
            }
        )
        data["service_at_location"].append(
            {"id": f"s{sid}", "service_id": sid, "location_id": "10"}
        )
        data["schedules"].append(
            {
                "id": f"h{sid}",
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "09:00",
                "closes_at": "17:00",
            }
        )
        data["languages"].append(
            {"id": f"l{sid}", "service_id": sid, "name": "Spanish", "code": "es"}
        )
        data["attributes"].append(
            {
                "id": f"a{sid}",
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": "t1",
            }
        )
    return data


def write_package(folder: Path, data: dict[str, list[dict[str, Any]]] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (data or tables()).items():
        columns = sorted({key for row in rows for key in row}) or ["id"]
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    (folder / "datapackage.json").write_text(json.dumps({"name": "test", "resources": []}))
    return folder


def messy_tables() -> dict[str, list[dict[str, Any]]]:
    """What real 211 exports look like: hours as people write them, a blank status, one
    language id reused for every language of a service, languages named not coded, a
    location with no organization, text garbled by a wrong encoding, and a service with no
    name (whose place in the directory goes with it)."""
    data = tables(services=3)
    services = data["services"]
    services[0]["status"] = ""
    services[1]["description"] = "We donGÇÖt charge. Caf\u00c3\u00a9 for families."
    services[2]["name"] = ""  # unknowable: rejected, with its service_at_location
    del data["locations"][0]["organization_id"]
    schedules = data["schedules"]
    schedules[0].update(opens_at="8:00am", closes_at="5:30 p.m.")
    schedules[1].update(opens_at="830am", closes_at="12 noon")
    schedules.append({"id": "h90", "service_id": "21", "freq": "WEEKLY", "byday": "SA",
                      "opens_at": "Closed", "closes_at": ""})  # fmt: skip
    schedules.append({"id": "h91", "service_id": "22", "freq": "WEEKLY", "byday": "SU",
                      "opens_at": "24 hours", "closes_at": "17.00"})  # fmt: skip
    data["languages"] = [
        {"id": "L1", "service_id": "21", "name": "Spanish", "code": ""},
        {"id": "L1", "service_id": "21", "name": "Chinese (Mandarin)", "code": ""},
        {"id": "L2", "service_id": "22", "name": "", "code": "Español"},
    ]
    return data
