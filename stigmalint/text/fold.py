"""Normalising words before comparison.

Writers type the same word in many ways: ``prostituée``, ``prostitué(e)s``,
``programma’s`` with a typographic apostrophe, upper case in headings. The lexicon
is written in plain lower case; :func:`fold` brings a token to that shape so that
one lexicon form covers every spelling.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case, strip accents, unify apostrophes, drop the inclusive ``(e)``."""
    w = word.lower().translate(_APOSTROPHES)
    if "(" in w:
        w = w.replace("(", "").replace(")", "")
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w


def is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def is_title_word(word: str) -> bool:
    return bool(word) and word[0].isupper() and not is_upper_word(word)
