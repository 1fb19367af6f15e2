"""Typo tolerance: a query word the directory does not contain (by any of its stems) is
replaced by the closest word it does contain — within one edit for words of 4 to 6
letters, two for longer ones (Damerau-Levenshtein, so a swapped pair of letters is one
edit); ties go to the more common word, then alphabetical order.

The vocabulary is read from the database once per process and generation, and the same
Python code picks the correction on SQLite and PostgreSQL, so both give the same results.
"""

import threading
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from puentes.directory import models as m
from puentes.directory.text import stems

MIN_LENGTH = 4


@dataclass(frozen=True)
class Vocabulary:
    generation: int
    stems: frozenset[str]
    frequency: dict[str, int]
    by_length: dict[int, list[str]]


_cache: dict[str, Vocabulary] = {}
_lock = threading.Lock()


def generation() -> int:
    state = m.SearchIndexState.objects.filter(pk=1).values_list("generation", flat=True).first()
    return state or 0


def bump_generation() -> None:
    """Called whenever search rows change (inside the same transaction)."""
    updated = m.SearchIndexState.objects.filter(pk=1).update(generation=F("generation") + 1)
    if not updated:
        m.SearchIndexState.objects.create(pk=1, generation=1)


def _vocabulary() -> Vocabulary:
    current = generation()
    cached = _cache.get("vocabulary")
    if cached is not None and cached.generation == current:
        return cached
    with _lock:
        frequency = dict(m.SearchWord.objects.values_list("word", "frequency"))
        by_length: dict[int, list[str]] = defaultdict(list)
        known_stems: set[str] = set()
        for word in frequency:
            by_length[len(word)].append(word)
            known_stems.update(stems(word))
        vocabulary = Vocabulary(current, frozenset(known_stems), frequency, dict(by_length))
        _cache["vocabulary"] = vocabulary
    return vocabulary


def _allowed_edits(word: str) -> int:
    return 1 if len(word) <= 6 else 2


def corrections(query_words: list[str]) -> dict[str, str]:
    """Misspelt word -> the directory word to search for instead."""
    candidates = [w for w in query_words if len(w) >= MIN_LENGTH and w.isalpha()]
    if not candidates:
        return {}
    vocabulary = _vocabulary()
    found = {}
    for word in candidates:
        if stems(word) & vocabulary.stems:
            continue
        best = _closest(word, vocabulary)
        if best:
            found[word] = best
    return found


def _closest(word: str, vocabulary: Vocabulary) -> str | None:
    limit = _allowed_edits(word)
    choices = [
        candidate
        for length in range(len(word) - limit, len(word) + limit + 1)
        for candidate in vocabulary.by_length.get(length, [])
    ]
    matches = process.extract(
        word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None
    )
    if not matches:
        return None
    ranked = sorted(matches, key=lambda m: (m[1], -vocabulary.frequency[m[0]], m[0]))
    return str(ranked[0][0])
