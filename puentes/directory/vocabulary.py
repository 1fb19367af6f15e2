"""Words across languages: the reviewed English <-> Spanish sets in
definitions/vocabulary.yaml. A query word found in a set is searched as every word of it,
so "comida" finds "Food pantry" and "rent" finds "Rental assistance"."""

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from puentes.core.text import normalize

FILE = Path(__file__).with_name("definitions") / "vocabulary.yaml"


class _Set(BaseModel):
    model_config = ConfigDict(extra="forbid")
    en: list[str]
    es: list[str]


class _Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reviewer: str
    sources: list[str]
    sets: list[_Set]


@cache
def _by_word() -> dict[str, frozenset[str]]:
    vocabulary = _Vocabulary.model_validate(yaml.safe_load(FILE.read_text(encoding="utf-8")))
    by_word: dict[str, set[str]] = {}
    for group in vocabulary.sets:
        members = {normalize(word) for word in [*group.en, *group.es]}
        for word in members:
            by_word.setdefault(word, set()).update(members)
    return {word: frozenset(members) for word, members in by_word.items()}


def equivalents(word: str) -> frozenset[str]:
    """The word and every word that means the same (accent-free, lower case)."""
    word = normalize(word)
    return _by_word().get(word, frozenset({word}))


def known(word: str) -> bool:
    return normalize(word) in _by_word()
