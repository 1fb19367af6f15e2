"""Practitioner visit codes (definitions/practitioner_visits.yaml), by group: what the
initiating-visit and same-day-visit prerequisites of the rule sets are written in."""

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

FILE = Path(__file__).with_name("definitions") / "practitioner_visits.yaml"


class _Groups(BaseModel):
    model_config = ConfigDict(extra="forbid")
    groups: dict[str, list[str | int]]


@cache
def groups() -> dict[str, frozenset[str]]:
    data = _Groups.model_validate(yaml.safe_load(FILE.read_text(encoding="utf-8")))
    return {name: frozenset(str(code) for code in codes) for name, codes in data.groups.items()}


@cache
def known() -> frozenset[str]:
    return frozenset().union(*groups().values())


def allowed_names() -> list[str]:
    """Every group name and code a rule set may list."""
    return [*groups(), *known()]


def expand(names_or_codes: list[str]) -> frozenset[str]:
    """Codes named directly or by group."""
    found: set[str] = set()
    for item in names_or_codes:
        found |= groups().get(item, {item})
    return frozenset(found)
