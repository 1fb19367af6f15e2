"""Legacy HSDS 1.x/2.x tabular packages, as many 211 exports still are, mapped onto 3.0.

physical_addresses / postal_addresses -> address; regular_schedules -> weekly schedules;
holiday_schedules -> dated schedules; services_taxonomy + taxonomy -> taxonomy_term +
attribute; eligibility -> the service's eligibility_description; accessibility_for_disabilities
-> accessibility; services_at_location -> service_at_location; language names -> language.
"""

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from puentes.directory.importing.rows import Dataset, read_csv

_WEEKDAYS = {"1": "MO", "2": "TU", "3": "WE", "4": "TH", "5": "FR", "6": "SA", "7": "SU",
             "monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH",
             "friday": "FR", "saturday": "SA", "sunday": "SU"}  # fmt: skip
_SAME = {"organizations": "organization", "programs": "program", "locations": "location",
         "contacts": "contact", "funding": "funding", "required_documents": "required_document",
         "metadata": "metadata"}  # fmt: skip


def _clean(values: dict[str, str]) -> dict[str, Any]:
    return {k: v.strip() for k, v in values.items() if v is not None and v.strip() != ""}


def read_legacy(folder: Path) -> Dataset:
    dataset = Dataset()
    dataset.notes.append(_("Legacy HSDS 1.x/2.x package: mapped onto HSDS 3.0"))

    def rows(name: str) -> list[tuple[int, dict[str, Any]]]:
        path = folder / f"{name}.csv"
        return (
            [(line, _clean(values)) for line, values in read_csv(path, dataset)]
            if path.exists()
            else []
        )

    for file_stem, table in _SAME.items():
        for line, values in rows(file_stem):
            if table == "organization" and "url" in values:
                values["website"] = values.pop("url")
            if table == "program":
                values.setdefault("description", values.get("name", ""))
            if table == "location":
                # 1.x has no location type; a location with a street address is physical.
                values.setdefault("location_type", "physical")
            if table == "metadata":
                values.setdefault("resource_type", "unknown")
            dataset.add(table, values, f"{file_stem}.csv", line)
    _services(dataset, rows)
    _addresses(dataset, rows)
    _schedules(dataset, rows)
    _taxonomy(dataset, rows)
    for line, values in rows("services_at_location"):
        dataset.add("service_at_location", values, "services_at_location.csv", line)
    for line, values in rows("phones"):
        language = values.pop("language", "")
        department = values.pop("department", "")
        if department:
            values["description"] = f"{values.get('description', '')} {department}".strip()
        dataset.add("phone", values, "phones.csv", line)
        if language:
            dataset.add(
                "language",
                {
                    "id": f"{values.get('id', line)}-language",
                    "phone_id": values.get("id"),
                    "name": language,
                },
                "phones.csv",
                line,
            )
    for line, values in rows("languages"):
        values["name"] = values.pop("language", "")
        dataset.add("language", values, "languages.csv", line)
    for line, values in rows("service_areas"):
        values["name"] = values.pop("service_area", "")
        dataset.add("service_area", values, "service_areas.csv", line)
    for line, values in rows("accessibility_for_disabilities"):
        values["description"] = values.pop("accessibility", "")
        dataset.add("accessibility", values, "accessibility_for_disabilities.csv", line)
    return dataset


def _services(dataset: Dataset, rows: Any) -> None:
    eligibility: dict[str, list[str]] = {}
    for _line, values in rows("eligibility"):
        eligibility.setdefault(values.get("service_id", ""), []).append(
            values.get("eligibility", "")
        )
    payments: dict[str, list[str]] = {}
    for _line, values in rows("payments_accepted"):
        payments.setdefault(values.get("service_id", ""), []).append(values.get("payment", ""))
    for line, values in rows("services"):
        values.pop("taxonomy_ids", None)
        service_id = values.get("id", "")
        if eligibility.get(service_id):
            values["eligibility_description"] = "; ".join(e for e in eligibility[service_id] if e)
        if payments.get(service_id):
            values["payments_accepted"] = "; ".join(p for p in payments[service_id] if p)
        if "status" in values:
            values["status"] = values["status"].lower()
        dataset.add("service", values, "services.csv", line)


def _addresses(dataset: Dataset, rows: Any) -> None:
    for stem, address_type in (("physical_addresses", "physical"), ("postal_addresses", "postal")):
        for line, values in rows(stem):
            extra_lines = [values.pop("address_3", ""), values.pop("address_4", "")]
            if any(extra_lines):
                values["address_2"] = " ".join([values.get("address_2", ""), *extra_lines]).strip()
            values["address_type"] = address_type
            values.setdefault("country", "US")
            # The same id can appear in both files; keep them apart.
            if address_type == "postal":
                values["id"] = f"postal-{values.get('id', line)}"
            dataset.add("address", values, f"{stem}.csv", line)


def _schedules(dataset: Dataset, rows: Any) -> None:
    for line, values in rows("regular_schedules"):
        weekday = str(values.pop("weekday", "")).strip().lower()
        values["freq"] = "WEEKLY"
        values["byday"] = _WEEKDAYS.get(weekday, weekday.upper())
        values["id"] = f"regular-{values.get('id', line)}"
        dataset.add("schedule", values, "regular_schedules.csv", line)
    for line, values in rows("holiday_schedules"):
        closed = values.pop("closed", "").lower() in {"true", "1", "yes"}
        values["valid_from"] = values.pop("start_date", "")
        values["valid_to"] = values.pop("end_date", "")
        values["description"] = "Closed" if closed else "Holiday hours"
        values["id"] = f"holiday-{values.get('id', line)}"
        dataset.add("schedule", values, "holiday_schedules.csv", line)


def _taxonomy(dataset: Dataset, rows: Any) -> None:
    terms = rows("taxonomy")
    known = {values.get("id") for _line, values in terms}
    for line, values in terms:
        parent_id = values.get("parent_id")
        if parent_id and parent_id not in known and values.get("parent_name"):
            # 1.x names a parent it does not list: list it, so the hierarchy survives.
            known.add(parent_id)
            dataset.add(
                "taxonomy_term",
                {
                    "id": parent_id,
                    "name": values["parent_name"],
                    "description": values["parent_name"],
                    "taxonomy": values.get("vocabulary", ""),
                },
                "taxonomy.csv",
                line,
            )
        term = {
            "id": values.get("id"),
            "name": values.get("name", ""),
            "description": values.get("name", ""),
            "taxonomy": values.get("vocabulary", ""),
        }
        if values.get("parent_id"):
            term["parent_id"] = values["parent_id"]
        dataset.add("taxonomy_term", term, "taxonomy.csv", line)
    for line, values in rows("services_taxonomy"):
        dataset.add(
            "attribute",
            {
                "id": values.get("id"),
                "link_id": values.get("service_id"),
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": values.get("taxonomy_id"),
                "value": values.get("taxonomy_detail", ""),
            },
            "services_taxonomy.csv",
            line,
        )
