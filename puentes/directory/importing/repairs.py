"""Safe repairs of what real exports get wrong, each reported (file, line, field, from → to).

A repair is made only where the meaning is certain: a time written the way people write
it, a blank service status (HSDS requires one; a listed service is active), a language
named instead of coded, text garbled by a wrong encoding. Anything else is left for the
loader to reject with its reason.
"""

import re
from dataclasses import dataclass, field
from datetime import time
from functools import lru_cache
from typing import Any

import ftfy
import langcodes
from django.utils.translation import gettext_lazy as _

from puentes.directory.importing.rows import Dataset, Repair, Row

# Kinds of repair, as the import report groups them.
REPAIR_KINDS = {
    "time": _("times written as people write them"),
    "schedule_text": _("hours that are not times, kept as text"),
    "status": _("blank service status set to active"),
    "language": _("language names turned into codes"),
    "text": _("garbled characters fixed"),
    "id": _("ids reused in a table given their own"),
    "organization": _("locations given the organization their services name"),
}

# Windows-1252 punctuation read through code page 437 and then flattened to ASCII "G":
# "’" arrives as "GÇÖ". ftfy repairs the unflattened form ("ΓÇÖ"); these never occur in
# real text, so replacing them is safe.
_FLATTENED_MOJIBAKE = {
    "GÇÖ": "’", "GÇÿ": "‘", "GÇ£": "“", "GÇ¥": "”", "GÇô": "–", "GÇö": "—", "GÇª": "…",
}  # fmt: skip

_CLOCK = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})|(?P<packed>\d{2}))?(?::\d{2})?\s*"
    r"(?P<half>a\.?\s*m\.?|p\.?\s*m\.?|am|pm|a|p)?$",
    re.IGNORECASE,
)
_WORDS = {"noon": time(12, 0), "12 noon": time(12, 0), "midday": time(12, 0),
          "midnight": time(0, 0), "12 midnight": time(0, 0)}  # fmt: skip
# Hours that are facts about the day, not a time: kept as the schedule's text.
_NOT_TIMES = re.compile(r"closed|24\s*(hours|hrs|h)|open\s*24|by\s*appointment|varies", re.I)


@dataclass(frozen=True)
class Fix:
    field: str
    before: str
    after: str
    kind: str


def clock_time(text: str) -> time | None:
    """A time of day as people write it: 8:00am, 8am, 830am, 9:00 am, 12 noon, 5:30 p.m.,
    17.00, 17:00:00. None when it is not one."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    match = _CLOCK.match(cleaned)
    if match is None:
        return None
    hour = int(match["hour"])
    minute = int(match["minute"] or match["packed"] or 0)
    half = (match["half"] or "").replace(".", "").replace(" ", "")[:1]
    if half and not 1 <= hour <= 12:
        return None
    if half == "p" and hour != 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def repair_row(table: str, values: dict[str, Any]) -> list[Fix]:
    """Repair one row's values in place; return what was repaired."""
    fixes = _repair_text(values)
    if table == "service" and not str(values.get("status") or "").strip():
        values["status"] = "active"
        fixes.append(Fix("status", "", "active", "status"))
    if table == "schedule":
        fixes.extend(_repair_hours(values))
    if table == "language":
        fixes.extend(_repair_language(values))
    return fixes


def _repair_text(values: dict[str, Any]) -> list[Fix]:
    try:
        if "".join(values.values()).isascii():
            return []  # most rows: nothing to repair (mojibake is never ASCII)
    except TypeError:
        pass  # a JSON row: not every value is text
    fixes = []
    for name, value in values.items():
        if not isinstance(value, str) or value.isascii():
            continue
        fixed = _fixed_text(value)
        if fixed != value:
            values[name] = fixed
            fixes.append(Fix(name, value, fixed, "text"))
    return fixes


@lru_cache(maxsize=65_536)  # names of places, services and languages repeat row after row
def _fixed_text(value: str) -> str:
    fixed = ftfy.fix_text(value, normalization="NFC")
    for broken, right in _FLATTENED_MOJIBAKE.items():
        fixed = fixed.replace(broken, right)
    return fixed


def _repair_hours(values: dict[str, Any]) -> list[Fix]:
    fixes = []
    for name in ("opens_at", "closes_at"):
        raw = str(values.get(name) or "").strip()
        if not raw or re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", raw):
            continue
        parsed = clock_time(raw)
        if parsed is not None:
            values[name] = parsed.strftime("%H:%M")
            fixes.append(Fix(name, raw, values[name], "time"))
            continue
        # Not a time ("Closed", "24 hours", or unreadable): the hours stay as words.
        values[name] = ""
        description = str(values.get("description") or "").strip()
        if raw.lower() not in description.lower():
            values["description"] = f"{description}; {raw}".strip("; ")
        fixes.append(Fix(name, raw, values["description"], "schedule_text"))
    return fixes


def _repair_language(values: dict[str, Any]) -> list[Fix]:
    code = str(values.get("code") or "").strip()
    name = str(values.get("name") or "").strip()
    if code and langcodes.tag_is_valid(code):
        return []
    named = code or name  # exports put "Spanish" in either column
    try:
        found = langcodes.find(named).to_tag() if named else ""
    except LookupError:
        return []
    if not found:
        return []
    values["code"] = found
    if not name:
        values["name"] = named
    return [Fix("code", code or name, found, "language")]


@dataclass
class DatasetRepairs:
    """Repairs that need more than one row, worked out before any row is checked and made
    as each row is read: locations given the one organization whose services they offer."""

    location_owners: dict[str, str] = field(default_factory=dict)

    def apply(self, table: str, row: Row) -> list[Repair]:
        if table != "location" or row.values.get("organization_id"):
            return []
        owner = self.location_owners.get(str(row.values.get("id")))
        if owner is None:
            return []
        row.values["organization_id"] = owner
        return [
            Repair(row.file, row.line, "location", "organization_id", "", owner, "organization")
        ]


def repair_dataset(dataset: Dataset) -> DatasetRepairs:
    """Repairs that need more than one row. Taxonomy tables are small and are repaired
    whole; the rest is read in passes over the files, keeping only what a repair needs."""
    _taxonomies_named_by_terms(dataset)
    return DatasetRepairs(_location_owners(dataset))


# The published taxonomies Puentes knows by name, with where they are defined.
_KNOWN_TAXONOMIES = {
    "open eligibility": ("Open Eligibility", "https://openeligibility.org/"),
    "airs": ("AIRS/211 LA County Taxonomy", "https://211taxonomy.org/"),
    "airs/211 la": ("AIRS/211 LA County Taxonomy", "https://211taxonomy.org/"),
    "211 la": ("AIRS/211 LA County Taxonomy", "https://211taxonomy.org/"),
}


def _taxonomies_named_by_terms(dataset: Dataset) -> None:
    """Terms that name their taxonomy (HSDS's ``taxonomy``) but do not refer to one get a
    taxonomy record per name, so /hsds/taxonomies lists what the directory uses; an AIRS
    code's broader code, when that term is in the data too, becomes its parent."""
    terms = dataset.hold("taxonomy_term")
    declared = {str(row.values.get("id")) for row in dataset.hold("taxonomy")}
    made: set[str] = set()
    by_code = {str(row.values.get("code")): row for row in terms if row.values.get("code")}
    for row in terms:
        name = str(row.values.get("taxonomy") or "").strip()
        if name and not row.values.get("taxonomy_id"):
            known_name, uri = _KNOWN_TAXONOMIES.get(name.lower(), (name, ""))
            taxonomy_id = f"taxonomy:{known_name}"
            if taxonomy_id not in made and taxonomy_id not in declared:
                made.add(taxonomy_id)
                values = {"id": taxonomy_id, "name": known_name, "description": known_name}
                dataset.add("taxonomy", {**values, **({"uri": uri} if uri else {})}, row.file, 0)
            row.values["taxonomy_id"] = taxonomy_id
        code = str(row.values.get("code") or "")
        if code and not row.values.get("parent_id") and "-" in code:
            broader = code.rsplit(".", 1)[0] if "." in code else code.split("-", 1)[0]
            parent = by_code.get(broader)
            if parent is not None and parent is not row:
                row.values["parent_id"] = parent.values.get("id")


def _location_owners(dataset: Dataset) -> dict[str, str]:
    """For each location with no organization, the one organization whose services are
    offered there (when there is exactly one)."""
    orphans = {
        str(row.values["id"])
        for row in dataset.rows("location", quiet=True)
        if row.values.get("id") and not row.values.get("organization_id")
    }
    if not orphans:
        return {}
    services_at: dict[str, set[str]] = {}
    for row in dataset.rows("service_at_location", quiet=True):
        service, location = row.values.get("service_id"), str(row.values.get("location_id"))
        if service and location in orphans:
            services_at.setdefault(location, set()).add(str(service))
    wanted = set().union(*services_at.values()) if services_at else set()
    service_org = {
        str(row.values["id"]): str(row.values["organization_id"])
        for row in dataset.rows("service", quiet=True)
        if str(row.values.get("id")) in wanted and row.values.get("organization_id")
    }
    owners = {}
    for location, services in services_at.items():
        organizations = {service_org[s] for s in services if s in service_org}
        if len(organizations) == 1:
            owners[location] = organizations.pop()
    return owners
