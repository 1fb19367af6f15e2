"""HSDS 3.0 output: records as HSDS objects, flat (tabular) or nested (JSON and API)."""

import datetime
import uuid
from typing import TYPE_CHECKING, Any

from django.db import models

from puentes.directory import models as m
from puentes.directory.mapping import BY_NAME, NESTED_TABLE, REQUIRED, Table, nested_keys

if TYPE_CHECKING:
    from puentes.directory.search import Result

_SINGLE = {"organization", "program", "location", "service", "taxonomy_term", "taxonomy_detail"}
_SINGLE_ATTNAME = {"taxonomy_detail": "taxonomy_ref"}


def _value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S") if value.second else value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def flat(record: models.Model, table: Table) -> dict[str, Any]:
    """The record's own HSDS properties (no nesting); empty values are left out."""
    data: dict[str, Any] = {}
    required = REQUIRED.get(table.name, set())
    for prop, model_field in table.columns.items():
        value = getattr(record, model_field.attname)
        if value in (None, ""):
            if prop in required:
                data[prop] = ""
            continue
        data[prop] = _value(value)
    for key, value in (getattr(record, "extra", None) or {}).items():
        data.setdefault(key, value)
    return data


def nested(
    record: models.Model, table_name: str, *, depth: int = 0, skip: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The record as a fully nested HSDS object, as the compiled schemas describe it."""
    table = BY_NAME[table_name]
    data = flat(record, table)
    for key in nested_keys(table_name):
        if key in skip:
            continue
        if key == "attributes":
            data[key] = [
                nested(a, "attribute", depth=depth + 1)
                for a in m.Attribute.objects.filter(
                    link_id=record.pk, is_active=True
                ).select_related("taxonomy_term")
            ]
        elif key == "metadata":
            data[key] = [
                flat(entry, BY_NAME["metadata"])
                for entry in m.Metadata.objects.filter(resource_id=record.pk)
            ]
        elif key in _SINGLE:
            related = getattr(record, _SINGLE_ATTNAME.get(key, key), None)
            if related is not None and getattr(related, "is_active", True):
                child_skip = frozenset(
                    {"locations", "services"} if key == "organization" else set()
                )
                data[key] = nested(related, NESTED_TABLE[key], depth=depth + 1, skip=child_skip)
        else:
            child_table = NESTED_TABLE[key]
            children = getattr(record, key).filter(is_active=True)
            data[key] = [nested(child, child_table, depth=depth + 1) for child in children]
    return data


def service_full(service: m.Service) -> dict[str, Any]:
    return nested(service, "service")


def service_at_location_full(sal: m.ServiceAtLocation) -> dict[str, Any]:
    data = nested(sal, "service_at_location")
    data["service"] = nested(sal.service, "service", skip=frozenset({"service_at_locations"}))
    return data


def organization_full(
    organization: m.Organization, *, with_services: bool = False
) -> dict[str, Any]:
    data = nested(organization, "organization")
    if with_services:
        data["services"] = [service_full(s) for s in organization.services.filter(is_active=True)]
    return data


def result_out(result: "Result") -> dict[str, Any]:
    """A search result as the page and the API show it."""
    entry = result.entry
    addresses = list(entry.location.addresses.all())  # prefetched, active only
    address = addresses[0] if addresses else None
    organization = entry.service.organization
    return {
        "service_at_location_id": entry.service_at_location_id,
        "service_id": entry.service_id,
        "name": entry.name,
        "organization": organization.name if organization else "",
        "address": f"{address.address_1}, {address.city} {address.postal_code}" if address else "",
        "distance_km": round(result.distance_km, 2) if result.distance_km is not None else None,
        "approximate_location": entry.location_approximate,
        "hours_today": result.hours_today,
        "languages": result.languages,
        "written_in": entry.written_in.split(),
        "phone": result.phone,
        "capacity_status": entry.capacity_status,
        "free": entry.free,
        "last_verified_on": entry.service_at_location.last_verified_on
        or entry.service.last_verified_on,
    }
