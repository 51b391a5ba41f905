"""A spaCy-independent view of tokens, so the rule kinds can be tested and reused.

The spaCy component turns a ``Doc`` into a list of :class:`Tok`; the matchers
never touch spaCy objects.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tok:
    i: int
    text: str
    start: int  # character offset in the matched text
    folded: str
    lemmas: frozenset[str]  # candidates, always including ``folded``
    skip: bool = False  # URL, e-mail address: never matched, never an anchor

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        return self.text.isalpha() or any(c.isalpha() for c in self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # token index
    end: int  # exclusive

    def __contains__(self, i: int) -> bool:
        return self.start <= i < self.end
