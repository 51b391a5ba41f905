"""Build one compact regular expression from many literal words.

A plain alternation ``a|b|c…`` of hundreds of words makes Python's regex engine
try every word at every position. Factoring common prefixes into a trie
(``prostitu(?:ee|tie|eren)``) lets it reject most positions after one or two
characters, which is what makes the spaCy-free pre-scan fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def trie_regex(words: Iterable[str], classes: Mapping[str, str] | None = None) -> str:
    """The regex source; ``classes`` maps a character to a class to use instead (e → [eé])."""
    trie: dict[str, dict] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie, classes or {})


def _render(node: dict[str, dict], classes: Mapping[str, str]) -> str:
    ends_here = "" in node
    branches = [
        (classes.get(ch) or re.escape(ch)) + _render(child, classes)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
        if ends_here:
            return f"(?:{body})?" if len(body) > 1 else f"{body}?"
        return body
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body
