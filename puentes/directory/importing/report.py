"""What an import did (or, for a preview, would do): counts by table, every rejected and
repaired row, notes, and the first few records of each kind by name."""

from dataclasses import dataclass, field
from typing import Any

from puentes.directory.importing.rows import Rejection, Repair

SAMPLES = 5  # rows of each kind a report names, per table


@dataclass
class ImportReport:
    source: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    deactivated: dict[str, int] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    # {"created" | "updated" | "deactivated": {table: [the first few records' names]}}
    samples: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def sample(self, kind: str, table: str, label: str) -> None:
        names = self.samples.setdefault(kind, {}).setdefault(table, [])
        if len(names) < SAMPLES:
            names.append(label)

    def total(self, counts: dict[str, int]) -> int:
        return sum(counts.values())


def label(values: dict[str, Any]) -> str:
    """How a report names a record: its name, else its id in the source."""
    return str(values.get("name") or values.get("original_id") or values["id"])[:120]
