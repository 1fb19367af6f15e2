"""CalAIM's rules for enrollments, read from definitions/calaim.yaml: which kinds of
program need ECM populations of focus and which may record Community Supports."""

from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from puentes.core.definitions import Strict

CALAIM_FILE = Path(__file__).resolve().parent / "definitions" / "calaim.yaml"


class KindRule(Strict):
    populations: Literal["required", "allowed", "not_allowed"] = "not_allowed"
    community_supports: Literal["allowed", "not_allowed"] = "not_allowed"


class CalAim(Strict):
    sources: list[str]
    program_kinds: dict[str, KindRule]
    populations: list[str]
    community_supports: list[str]

    def rule_for(self, program_kind: str) -> KindRule:
        return self.program_kinds.get(program_kind, KindRule())


@cache
def calaim() -> CalAim:
    return CalAim.model_validate(yaml.safe_load(CALAIM_FILE.read_text(encoding="utf-8")))
