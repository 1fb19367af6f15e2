"""How each HSDS object maps to its model: table names, file names, property names.

TABLES is in load order: a table comes after every table its rows reference.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db import models

from puentes.directory import models as m

# Model fields that are ours, not HSDS properties.
_OWN_FIELDS = {
    "source", "original_id", "extra", "is_active", "created_at", "updated_at",
    "capacity_status", "capacity_note", "capacity_updated_at", "last_verified_on",
    "verified_by", "network_organization",
}  # fmt: skip


@dataclass(frozen=True)
class Table:
    name: str  # HSDS object name, e.g. "service_at_location"
    csv: str  # file name in a tabular package, without ".csv"
    model: type[models.Model]
    renames: dict[str, str] = field(default_factory=dict)  # HSDS property -> model attname

    @cached_property
    def columns(self) -> dict[str, models.Field[Any, Any]]:
        """HSDS property -> model field, in declaration order."""
        back = {attname: prop for prop, attname in self.renames.items()}
        columns = {}
        for model_field in self.model._meta.concrete_fields:
            if model_field.name in _OWN_FIELDS:
                continue
            if model_field.name == "version" and self.model is not m.Taxonomy:
                continue
            attname = model_field.attname
            columns[back.get(attname, attname)] = model_field
        return columns

    @cached_property
    def references(self) -> dict[str, str]:
        """HSDS property -> name of the table it refers to."""
        by_model = {table.model: table.name for table in TABLES}
        return {
            prop: by_model[model_field.related_model]  # type: ignore[index]
            for prop, model_field in self.columns.items()
            if isinstance(model_field, models.ForeignKey)
        }


TABLES = [
    Table("organization", "organizations", m.Organization),
    Table("organization_identifier", "organization_identifiers", m.OrganizationIdentifier),
    Table("program", "programs", m.Program),
    Table("service", "services", m.Service),
    Table("location", "locations", m.Location),
    Table("service_at_location", "service_at_location", m.ServiceAtLocation),
    Table("address", "addresses", m.Address),
    Table("contact", "contacts", m.Contact),
    Table("phone", "phones", m.Phone),
    Table("schedule", "schedules", m.Schedule),
    Table("service_area", "service_areas", m.ServiceArea),
    Table("language", "languages", m.Language),
    Table("cost_option", "cost_options", m.CostOption),
    Table("required_document", "required_documents", m.RequiredDocument),
    Table("funding", "funding", m.Funding, {"source": "funding_source"}),
    Table("accessibility", "accessibility", m.Accessibility),
    Table("taxonomy", "taxonomies", m.Taxonomy),
    Table("taxonomy_term", "taxonomy_terms", m.TaxonomyTerm, {"taxonomy_id": "taxonomy_ref_id"}),
    Table("attribute", "attributes", m.Attribute),
    Table("metadata", "metadata", m.Metadata),
]
# Properties HSDS requires (from the official schemas), written even when empty.
REQUIRED = {
    "organization": {"name", "description"},
    "program": {"name", "description"},
    "service": {"name", "status"},
    "location": {"location_type"},
    "phone": {"number"},
    "address": {"address_1", "city", "state_province", "postal_code", "country", "address_type"},
    "organization_identifier": {"identifier_type", "identifier"},
    "taxonomy": {"name", "description"},
    "taxonomy_term": {"name", "description"},
    "metadata": {
        "last_action_date",
        "last_action_type",
        "field_name",
        "previous_value",
        "replacement_value",
        "updated_by",
    },
}
BY_NAME = {table.name: table for table in TABLES}
BY_CSV = {table.csv: table for table in TABLES}


# How HSDS 3.0 JSON nests objects (from the official compiled schemas): object -> keys.
# Every object may carry "attributes" and "metadata".
COMMON_NESTED = ["attributes", "metadata"]
NESTED: dict[str, list[str]] = {
    "service": ["phones", "schedules", "service_areas", "service_at_locations", "languages",
                "organization", "funding", "cost_options", "program", "required_documents",
                "contacts", *COMMON_NESTED],
    "service_at_location": ["contacts", "phones", "schedules", "location", *COMMON_NESTED],
    "location": ["languages", "addresses", "contacts", "accessibility", "phones", "schedules",
                 *COMMON_NESTED],
    "organization": ["funding", "contacts", "phones", "locations", "programs",
                     "organization_identifiers", *COMMON_NESTED],
    "phone": ["languages", *COMMON_NESTED],
    "contact": ["phones", *COMMON_NESTED],
    "attribute": ["taxonomy_term", "metadata"],
    "taxonomy_term": ["taxonomy_detail", "metadata"],
}  # fmt: skip
# Nested key -> the table its objects belong to.
NESTED_TABLE = {
    "phones": "phone", "schedules": "schedule", "service_areas": "service_area",
    "service_at_locations": "service_at_location", "languages": "language",
    "funding": "funding", "cost_options": "cost_option", "required_documents": "required_document",
    "contacts": "contact", "addresses": "address", "accessibility": "accessibility",
    "locations": "location", "programs": "program", "services": "service",
    "organization_identifiers": "organization_identifier", "attributes": "attribute",
    "metadata": "metadata", "organization": "organization", "program": "program",
    "location": "location", "service": "service", "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
}  # fmt: skip


def nested_keys(table: str) -> list[str]:
    return NESTED.get(table, COMMON_NESTED)
