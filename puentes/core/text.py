"""Text helpers shared by search and matching."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]")


def normalize(text: str) -> str:
    """Lower case, accents removed, punctuation dropped, spaces collapsed.

    "José  María O'Neil" -> "jose maria oneil": people type names without accents on phones.
    """
    if not text.isascii():  # most text is plain ASCII: skip the per-character work
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NOT_WORD.sub("", text.casefold())).strip()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
