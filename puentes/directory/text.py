"""Search words: accent-free, lower case, stemmed in English and Spanish.

The same function prepares the indexed text and the query, so SQLite's FTS5 and
PostgreSQL's full-text search see identical tokens and find identical rows.
"""

import re
from functools import cache, lru_cache

import snowballstemmer

from puentes.core.text import normalize

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = {
    "a", "an", "and", "the", "of", "for", "to", "in", "on", "at", "with", "or", "by", "is",
    "de", "la", "el", "los", "las", "y", "para", "en", "con", "por", "del", "al", "un", "una",
}  # fmt: skip


@cache
def _stemmers() -> tuple[snowballstemmer.stemmer, snowballstemmer.stemmer]:
    return snowballstemmer.stemmer("english"), snowballstemmer.stemmer("spanish")


def words(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(normalize(text or "")) if w not in _STOP]


@lru_cache(maxsize=200_000)
def stems(word: str) -> frozenset[str]:
    """A word's English and Spanish stems (often the same)."""
    english, spanish = _stemmers()
    return frozenset({english.stemWord(word), spanish.stemWord(word)})


def terms_of(text_words: list[str]) -> str:
    """Space-separated stems of words (from words()), each once, padded for ' stem '
    matching."""
    found: list[str] = []
    seen: set[str] = set()
    for word in text_words:
        for stem in sorted(stems(word)):
            if stem not in seen:
                seen.add(stem)
                found.append(stem)
    return f" {' '.join(found)} " if found else ""


# A query uses at most this many words (a pasted paragraph must not become a huge query).
MAX_WORDS = 8
