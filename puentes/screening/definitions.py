"""Instrument definitions: YAML files in definitions/, validated with pydantic when loaded.

Adding an instrument, or a new version of one, is adding a file. The scoring engine
(scoring.py) interprets these definitions; no instrument is described in code.
"""

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from puentes.core.definitions import Strict, Text
from puentes.screening.categories import CATEGORIES

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"


class Answer(Strict):
    code: str
    text: Text
    score: int | None = None
    exclusive: bool = False  # "none of the above": cannot be chosen with another answer
    declines: bool = False  # "don't know / refused": recorded, never counted as negative
    unverified: bool = False  # code not confirmed against its source here


class EnableWhen(Strict):
    item: str
    answers: list[str]


class Item(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    loinc: str | None = None
    group: str | None = None
    type: Literal["choice", "multiple", "integer"]
    text: Text
    answers: list[Answer] = []
    minimum: int | None = None
    maximum: int | None = None
    unit: str | None = None
    enable_when: EnableWhen | None = None

    @model_validator(mode="after")
    def _answers_fit_type(self) -> "Item":
        if self.type == "integer":
            if self.answers or self.minimum is None or self.maximum is None:
                raise ValueError(
                    f"{self.id}: an integer item has a minimum and maximum, no answers"
                )
            if self.minimum > self.maximum:
                raise ValueError(f"{self.id}: minimum above maximum")
        elif len(self.answers) < 2:
            raise ValueError(f"{self.id}: a choice item needs at least two answers")
        codes = [answer.code for answer in self.answers]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{self.id}: answer codes repeat")
        return self

    def answer(self, code: str) -> Answer | None:
        return next((answer for answer in self.answers if answer.code == code), None)


class Total(Strict):
    loinc: str
    text: Text
    positive_above: int


class CodedText(Strict):
    code: str
    text: Text


class Derived(Strict):
    loinc: str
    text: Text
    positive: CodedText
    negative: CodedText


class Rule(Strict):
    id: str
    items: list[str] = Field(min_length=1)
    positive_answers: list[str] = []
    negative_answers: list[str] = []
    total: Total | None = None
    derived: Derived | None = None
    need: str
    z_code: str | None = Field(default=None, pattern=r"^Z\d{2}(\.\d{1,4})?$")
    z_code_note: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Rule":
        kinds = [bool(self.positive_answers), bool(self.negative_answers), self.total is not None]
        if sum(kinds) != 1:
            raise ValueError(
                f"rule {self.id}: give exactly one of positive_answers, negative_answers, total"
            )
        if self.need not in CATEGORIES:
            raise ValueError(f"rule {self.id}: {self.need!r} is not a Gravity category")
        return self


class Instrument(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    version: str
    title: Text
    source: str
    loinc_panel: str | None = None
    code_system: str | None = None
    local: bool = False
    notes: str = ""
    items: list[Item] = Field(min_length=1)
    rules: list[Rule]

    @model_validator(mode="after")
    def _references_resolve(self) -> "Instrument":
        items: dict[str, Item] = {}
        for item in self.items:
            if item.id in items:
                raise ValueError(f"item {item.id} appears twice")
            if item.loinc is None and self.code_system is None:
                raise ValueError(
                    f"item {item.id} needs a LOINC code (or the instrument a code_system)"
                )
            if item.enable_when is not None:
                controller = items.get(item.enable_when.item)
                if controller is None:
                    raise ValueError(f"{item.id}: enable_when must name an earlier item")
                _check_codes(controller, item.enable_when.answers, f"{item.id}.enable_when")
            items[item.id] = item
        for rule in self.rules:
            for item_id in rule.items:
                rule_item = items.get(item_id)
                if rule_item is None:
                    raise ValueError(f"rule {rule.id}: unknown item {item_id}")
                if rule.total is not None and any(
                    a.score is None for a in rule_item.answers if not a.declines
                ):
                    raise ValueError(f"rule {rule.id}: every answer of {item_id} needs a score")
            codes = rule.positive_answers or rule.negative_answers
            known = {answer.code for item_id in rule.items for answer in items[item_id].answers}
            unknown = sorted(set(codes) - known)
            if unknown:
                raise ValueError(f"rule {rule.id}: answers {unknown} are not among its items'")
        return self

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)


def _check_codes(item: Item, codes: list[str], where: str) -> None:
    unknown = sorted(set(codes) - {answer.code for answer in item.answers})
    if unknown:
        raise ValueError(f"{where}: {unknown} are not answers of {item.id}")


class DefinitionError(Exception):
    """A definition file that does not validate; names the file."""


def load_file(path: Path) -> Instrument:
    try:
        return Instrument.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValueError) as error:
        raise DefinitionError(f"{path.name}: {error}") from error


@cache
def registry() -> dict[tuple[str, str], Instrument]:
    """Every instrument version shipped, keyed by (id, version)."""
    instruments = [load_file(path) for path in sorted(DEFINITIONS_DIR.glob("*.yaml"))]
    keyed = {instrument.key: instrument for instrument in instruments}
    if len(keyed) != len(instruments):
        raise DefinitionError("two definition files have the same id and version")
    return keyed


def instruments_current() -> list[Instrument]:
    """The newest version of each instrument (versions compare as text), by id."""
    newest: dict[str, Instrument] = {}
    for (instrument_id, _version), instrument in sorted(registry().items()):
        newest[instrument_id] = instrument
    return [newest[key] for key in sorted(newest)]


def instrument_find(instrument_id: str, version: str | None = None) -> Instrument | None:
    if version is None:
        return next((i for i in instruments_current() if i.id == instrument_id), None)
    return registry().get((instrument_id, version))
