"""ICD-10-CM diagnosis codes valid on a date of service.

The code table is CDC's release as shipped by the maintained ``simple-icd-10-cm`` package
(read from its data file, without importing the package: that parses the whole 10 MB
classification at import, seconds and ~200 MB per process, for a table of codes). A code
is billable when it is a leaf of the table. For dates before that release took effect,
``codes/icd10cm_history.yaml`` says which codes were added since, or were billable then.
"""

import datetime
import importlib.util
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict

HISTORY = Path(__file__).with_name("codes") / "icd10cm_history.yaml"
_FORMAT = re.compile(r"^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$")
_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip


class _Change(BaseModel):
    model_config = ConfigDict(extra="forbid")
    effective: datetime.date
    added: list[str] = []
    no_longer_billable: list[str] = []


class _History(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[str]
    changes: list[_Change]


@dataclass(frozen=True)
class Release:
    codes: frozenset[str]  # every code and category, without the dot
    billable: frozenset[str]  # the leaves
    effective: datetime.date  # the first day of the release's fiscal year
    name: str


def compact(code: str) -> str:
    """A code as the table writes it: upper case, no dot, no spaces (Z59.41 -> Z5941)."""
    return code.strip().upper().replace(".", "")


def dotted(code: str) -> str:
    """A code as people write it (Z5941 -> Z59.41)."""
    plain = compact(code)
    return f"{plain[:3]}.{plain[3:]}" if len(plain) > 3 else plain


@cache
def release() -> Release:
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("simple-icd-10-cm is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    path = sorted(data.glob("code-list-*.txt"))[-1]
    month_name, year = path.stem.removeprefix("code-list-").split("-")
    month, fiscal_year = _MONTHS[month_name], int(year)
    # The fiscal year runs October to September: an April release belongs to the fiscal
    # year that began the October before.
    effective = datetime.date(fiscal_year if month >= 10 else fiscal_year - 1, 10, 1)
    codes = [line.strip() for line in path.read_text().splitlines()]
    codes = [c for c in codes if c and "-" not in c and _FORMAT.match(c)]
    table = frozenset(codes)
    parents = {code[:-1] for code in codes if len(code) > 3}
    return Release(table, frozenset(table - parents), effective, path.stem)


@cache
def _history() -> list[_Change]:
    history = _History.model_validate(yaml.safe_load(HISTORY.read_text(encoding="utf-8")))
    return sorted(history.changes, key=lambda c: c.effective)


@lru_cache(maxsize=65536)
def problem(code: str, day: datetime.date) -> str | None:
    """Why ``code`` cannot go on a claim for a service on ``day`` (a message key:
    "format", "unknown", "category", "not_yet", "retired"), or None when it can."""
    plain = compact(code)
    if not _FORMAT.match(plain):
        return "format"
    current = release()
    billable_now = plain in current.billable
    if day < current.effective:
        for change in reversed(_history()):
            if day >= change.effective:
                break
            if plain in {compact(c) for c in change.added}:
                return "not_yet"
            if plain in {compact(c) for c in change.no_longer_billable}:
                billable_now = True
    if billable_now:
        return None
    if plain in current.codes:
        return "category"
    return "unknown"


def valid_on(code: str, day: datetime.date) -> bool:
    return problem(code, day) is None


def refusal(code: str, day: datetime.date) -> str | None:
    """Why ``code`` cannot be used for ``day``, in the reader's language; None if it can."""
    key = problem(code, day)
    if key is None:
        return None
    values = {"code": code.strip().upper(), "day": day.isoformat(), "release": release().name}
    messages = {
        "format": _("%(code)s is not written like an ICD-10-CM code (such as Z59.41)."),
        "unknown": _("%(code)s is not an ICD-10-CM code."),
        "category": _(
            "%(code)s is a category, not a billable code: add the characters that complete it."
        ),
        "not_yet": _("%(code)s did not exist yet on %(day)s."),
    }
    return messages[key] % values


@lru_cache(maxsize=65536)
def as_of(code: str, day: datetime.date) -> str:
    """The code to use for ``day``: a code added after that day by subdividing one that was
    billable then is written as that one (Z59.861 before 2025-10-01 is Z59.86); any other
    code as it is."""
    if problem(code, day) != "not_yet":
        return code
    plain = compact(code)
    for change in _history():
        if day >= change.effective:
            continue
        for parent in change.no_longer_billable:
            if plain.startswith(compact(parent)):
                return dotted(parent)
    return code
