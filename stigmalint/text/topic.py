"""Is a document about sex work at all? A cheap, spaCy-free test on anchor words.

Image rules (R13) flag stock motifs such as "rood licht" or "netkousen" only when
the page is about sex work: in a caption on a traffic page a red light is just a
red light. A caption is too short to carry that context itself, so the test runs
on the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from stigmalint.rules.patterns import AnchorSet
from stigmalint.text.fold import fold

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

Lemmatise = Callable[[str], Iterable[str]]


@lru_cache(maxsize=16)
def _surface_regex(literals: frozenset[str], patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    # a glob's leading and trailing '.*' add nothing to a search and cost a backtrack
    # over the rest of the line at every position
    cores = [p.removeprefix(".*").removesuffix(".*") for p in patterns]
    parts = [*cores, *(rf"(?<![\w'-]){re.escape(lit)}(?![\w'-])" for lit in sorted(literals))]
    return re.compile("|".join(f"(?:{p})" for p in parts if p)) if parts else None


def mentions(texts: Iterable[str], anchor: AnchorSet, lemmas: Lemmatise | None = None) -> bool:
    """Does some word of ``texts`` belong to ``anchor``?

    A word counts when it, or one of its ``lemmas`` (seksbedrijven → seksbedrijf),
    is in the anchor set; a glob (``prostitu*``) may also start inside a compound,
    so "raamprostitutie" counts. Over-detection only lets image rules run on a page
    that mentions sex work in passing, which is harmless.

    A text about sex work usually says so in its first lines, in the words themselves:
    one regular expression over the whole text finds that at C speed, and only a
    text without such a surface form is read word by word for inflected forms.
    """
    texts = list(texts)
    quick = _surface_regex(frozenset(anchor.literals), tuple(rx.pattern for rx in anchor.regexes))
    # lower case only: a word with an accent is left to the word-by-word reading below
    if quick is not None and any(quick.search(t.lower()) for t in texts):
        return True
    searches = [re.compile(rx.pattern) for rx in anchor.regexes]
    seen: set[str] = set()
    for text in texts:
        for m in _WORD.finditer(text):
            word = fold(m.group(0)).strip("-'")
            if word in seen:
                continue
            seen.add(word)
            forms = {word, *(fold(x) for x in lemmas(word))} if lemmas else {word}
            for form in forms:
                if form in anchor.literals or any(rx.search(form) for rx in searches):
                    return True
    return False


def count_words(texts: Iterable[str], anchor: AnchorSet) -> int:
    """How many words of ``texts`` belong to ``anchor`` (every occurrence counts).

    Unlike :func:`mentions`, a glob must cover the whole word ("gent" is not in
    "agent"), and a ``proper`` word counts only with a capital: this counts names
    of places and institutions, where a stray match inside a word would mislead.
    """
    n = 0
    for text in texts:
        for m in _WORD.finditer(text):
            raw = m.group(0)
            word = fold(raw).strip("-'")
            if word in anchor.proper:
                n += raw[:1].isupper()
            elif word in anchor.literals or any(rx.fullmatch(word) for rx in anchor.regexes):
                n += 1
    return n


class LazyTopics:
    """The anchor sets a document mentions, found when a rule first asks.

    Most documents have no match of a `context.document` rule at all; they never
    pay for the scan.
    """

    def __init__(self, find: Callable[[], frozenset[str]]) -> None:
        self._find = find
        self._found: frozenset[str] | None = None

    def __contains__(self, name: object) -> bool:
        if self._found is None:
            self._found = self._find()
        return name in self._found
