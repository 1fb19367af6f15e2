"""How each HSDS object maps to its model: table names, file names, property names.

TABLES is in load order: a table comes after every table its rows reference.
"""

from dataclasses import dataclass, field
from functools import cached_property

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
    def columns(self) -> dict[str, models.Field]:  # type: ignore[type-arg]
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
BY_NAME = {table.name: table for table in TABLES}
BY_CSV = {table.csv: table for table in TABLES}
