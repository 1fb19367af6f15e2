"""Text helpers shared by search and matching."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]")


def normalize(text: str) -> str:
    """Lower case, accents removed, punctuation dropped, spaces collapsed.

    "José  María O'Neil" -> "jose maria oneil": people type names without accents on phones.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NOT_WORD.sub("", stripped.casefold())).strip()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
