"""Search words: accent-free, lower case, stemmed in English and Spanish.

The same function prepares the indexed text and the query, so SQLite's FTS5 and
PostgreSQL's full-text search see identical tokens and find identical rows.
"""

import re
from functools import cache, lru_cache

import snowballstemmer  # type: ignore[import-untyped]

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
    """A word's English and Spanish stems (often the same); a number is its own stem (house
    numbers and ZIP codes would otherwise push real words out of the cache)."""
    if word.isdigit():
        return frozenset((word,))
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


# Words that are common in one language's listing text and rare in the other's. A listing
# says which language it is written in (most 211 listings are English only, and a CHW
# searching in Spanish needs to know before she sends someone). Two languages only, so
# counting these beats shipping a general language-identification model.
_ENGLISH_MARKERS = frozenset({
    "the", "and", "for", "with", "you", "your", "our", "we", "are", "is", "this", "that",
    "from", "will", "provides", "offers", "help", "people", "families", "who", "must", "have",
})  # fmt: skip
_SPANISH_MARKERS = frozenset({
    "el", "la", "los", "las", "y", "para", "con", "que", "se", "su", "sus", "del", "por", "es",
    "son", "ofrece", "ofrecemos", "ayuda", "personas", "familias", "quienes", "debe", "tener",
    "una",
})  # fmt: skip
_SPANISH_LETTERS = re.compile(r"[ñáéíóúü¿¡]", re.IGNORECASE)
# Both languages count as written when the weaker has at least this share of the stronger.
_BILINGUAL_SHARE = 0.5


def written_in(text: str) -> list[str]:
    """The languages ('en', 'es') a listing's text is written in, strongest first; empty
    when the text is too short to tell."""
    tokens = re.findall(r"[^\W\d_]+", (text or "").lower())
    english = sum(token in _ENGLISH_MARKERS for token in tokens)
    spanish = sum(token in _SPANISH_MARKERS for token in tokens)
    spanish += len(_SPANISH_LETTERS.findall(text or ""))
    if max(english, spanish) < 2:
        return []
    ranked = sorted([(english, "en"), (spanish, "es")], reverse=True)
    (top, first), (other, second) = ranked
    if other >= 2 and other >= top * _BILINGUAL_SHARE:
        return [first, second]
    return [first]
