"""A raw match, before context checks, overlap resolution and suggestions."""

from __future__ import annotations

from dataclasses import dataclass

from stigmalint.rules.model import Entry


@dataclass(frozen=True)
class Morph:
    """How a term sits inside its token: ``prefix + form + suffix`` (folded)."""

    prefix: str
    form: str
    suffix: str
    lemma: str

    @property
    def role(self) -> str:
        if self.prefix and self.suffix:
            return "inner"
        if self.prefix:
            return "head"
        if self.suffix:
            return "modifier"
        return "word"


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token index
    end: int  # token index, exclusive
    head: int  # token index of the word that carries number (for suggestions)
    morph: Morph | None = None  # for term matches
    silenced: bool = False  # an `unless` exception applied; still occupies its span
    # Token indices matched by the words of a split phrase (its parts); the words in the
    # gaps between the parts are context, not match. ``None``: the whole span is match.
    core: frozenset[int] | None = None

    def in_match(self, i: int) -> bool:
        if self.core is not None:
            return i in self.core
        return self.start <= i < self.end

    @property
    def length(self) -> int:
        return self.end - self.start

    def contains(self, other: Match) -> bool:
        return (
            self.start <= other.start
            and other.end <= self.end
            and (self.length > other.length or self.specificity > other.specificity)
        )

    @property
    def specificity(self) -> int:
        """Phrases beat words; whole-word matches beat compound guesses."""
        if self.morph is None:
            return 3
        return 2 if self.morph.role == "word" else 1
