"""The small pattern language of the lexicon.

A *pattern* is a sequence of words separated by spaces, written the way people
write Dutch, e.g. ``"in de prostitutie"``. Each word is compared with the lemma
candidates and the folded form of a token, so ``"belanden"`` also matches
``belandde``. Inside a word:

* ``a|b``   — alternatives: ``"de|het"``;
* ``word?`` — optional word: ``"zich? prostitueren"``;
* ``prostitu*`` / ``*prostitutie`` — ``*`` matches any letters (prefix, suffix, compound);
* ``@sw``   — any word of the anchor set ``sw`` (``lexicon/anchors.yaml``);
* ``~...``  — a regular expression on the folded form: ``"~(1[0-7]|[1-9])-?jarig.*"``.

A *phrase* is one pattern or a list of patterns ("parts"); the parts of a list must
all occur in one sentence, in any order, close together. That is how Dutch
separable verbs are caught: ``["komen", "terecht", "in de prostitutie"]`` matches
"kwam na een moeilijke jeugd terecht in de prostitutie".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from stigmalint.text.fold import fold


class PatternError(ValueError):
    """A pattern string that cannot be parsed; the message says why in Dutch."""


@dataclass(frozen=True)
class WordTest:
    """One position in a pattern: a set of literals plus globs/regexes."""

    literals: frozenset[str] = frozenset()
    regexes: tuple[re.Pattern[str], ...] = ()
    optional: bool = False
    source: str = ""
    # anchor words that only count written with a capital, as a name ("de Wallen", not
    # "de wallen van de vesting"); read by the context check, which sees the surface text
    proper: frozenset[str] = frozenset()

    def matches(self, lemmas: Iterable[str]) -> bool:
        """``lemmas`` holds the folded form and every lemma candidate of a token."""
        if not self.literals.isdisjoint(lemmas):
            return True
        if not self.regexes:
            return False
        if not isinstance(lemmas, frozenset):
            return any(rx.fullmatch(lemma) for rx in self.regexes for lemma in lemmas)
        # Regexes are tried on every lemma of every token; token lemma sets repeat (one
        # set object per word form), so the answer is kept per set.
        memo: dict[frozenset[str], bool] | None = self.__dict__.get("_memo")
        if memo is None:
            memo = {}
            object.__setattr__(self, "_memo", memo)
        hit = memo.get(lemmas)
        if hit is None:
            hit = any(rx.fullmatch(lemma) for rx in self.regexes for lemma in lemmas)
            if len(memo) < 100_000:
                memo[lemmas] = hit
        return hit

    def positions(self, lemma_sets: Sequence[frozenset[str]]) -> list[int]:
        """Indices of the tokens this word accepts, computed once per token list.

        Many patterns start with the same word test ("@sw-person-all van …"); the matcher
        asks each of them for the same sentence, so the answer for the last token list
        is kept (by identity: the list is built once per Doc and not changed).
        """
        last: tuple[Sequence[frozenset[str]], list[int]] | None = self.__dict__.get("_pos")
        if last is not None and last[0] is lemma_sets:
            return last[1]
        if self.regexes:
            found = [i for i, ls in enumerate(lemma_sets) if self.matches(ls)]
        else:
            lits = self.literals
            found = [i for i, ls in enumerate(lemma_sets) if not lits.isdisjoint(ls)]
        object.__setattr__(self, "_pos", (lemma_sets, found))
        return found

    def __getstate__(self) -> dict[str, object]:
        """Pickle the test, not its caches (memo, last positions)."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


@dataclass(frozen=True)
class Pattern:
    words: tuple[WordTest, ...]
    source: str

    @property
    def min_length(self) -> int:
        return sum(1 for w in self.words if not w.optional)

    def required_literals(self) -> list[frozenset[str]]:
        """Literal sets of the non-optional words that hold no glob; used as a cheap pre-filter."""
        found: list[frozenset[str]] | None = self.__dict__.get("_required")
        if found is None:  # computed once per pattern (the matcher asks per sentence)
            found = [
                w.literals for w in self.words if not w.optional and not w.regexes and w.literals
            ]
            object.__setattr__(self, "_required", found)
        return found


@dataclass(frozen=True)
class Phrase:
    parts: tuple[Pattern, ...]
    source: str
    window: int = 12
    ordered: bool = False


@dataclass
class AnchorSet:
    name: str
    literals: set[str] = field(default_factory=set)
    regexes: list[re.Pattern[str]] = field(default_factory=list)
    description: str = ""
    proper: set[str] = field(default_factory=set)


def glob_to_regex(glob: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(p) for p in glob.split("*")))


# Word tests are shared between the patterns of one lexicon ("@sw-person-all" starts a
# dozen of them), so their caches (regex answers, token positions) are shared too.
_SHARED: dict[tuple[int, str], tuple[Mapping[str, AnchorSet], WordTest]] = {}


def parse_word(token: str, anchors: Mapping[str, AnchorSet]) -> WordTest:
    hit = _SHARED.get((id(anchors), token))
    if hit is not None and hit[0] is anchors:
        return hit[1]
    test = _parse_word(token, anchors)
    if len(_SHARED) > 50_000:
        _SHARED.clear()
    _SHARED[(id(anchors), token)] = (anchors, test)
    return test


def _parse_word(token: str, anchors: Mapping[str, AnchorSet]) -> WordTest:
    optional = token.endswith("?") and len(token) > 1
    if optional:
        token = token[:-1]
    literals: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    if token.startswith("~"):
        try:
            regexes.append(re.compile(token[1:]))
        except re.error as exc:
            raise PatternError(f"ongeldige reguliere expressie {token[1:]!r}: {exc}") from None
        return WordTest(frozenset(), tuple(regexes), optional, token)
    for alt in token.split("|"):
        if not alt:
            raise PatternError(f"leeg alternatief in {token!r}")
        if alt.startswith("@"):
            anchor = anchors.get(alt[1:])
            if anchor is None:
                raise PatternError(f"onbekende ankerset {alt!r} (zie anchors.yaml)")
            literals |= anchor.literals
            regexes.extend(anchor.regexes)
        elif "*" in alt:
            regexes.append(glob_to_regex(fold(alt)))
        else:
            literals.add(fold(alt))
    return WordTest(frozenset(literals), tuple(regexes), optional, token)


def parse_pattern(text: str, anchors: Mapping[str, AnchorSet]) -> Pattern:
    if not isinstance(text, str) or not text.strip():
        raise PatternError("een patroon moet een niet-lege tekst zijn")
    words = tuple(parse_word(tok, anchors) for tok in text.split())
    if all(w.optional for w in words):
        raise PatternError(f"patroon {text!r} bestaat alleen uit optionele woorden")
    return Pattern(words, text)


def parse_phrase(
    spec: str | Sequence[str],
    anchors: Mapping[str, AnchorSet],
    *,
    window: int = 12,
    ordered: bool = False,
) -> Phrase:
    if isinstance(spec, str):
        return Phrase((parse_pattern(spec, anchors),), spec, window)
    if not spec:
        raise PatternError("een lijst van patroondelen mag niet leeg zijn")
    parts = tuple(parse_pattern(p, anchors) for p in spec)
    return Phrase(parts, " … ".join(spec), window, ordered)


def match_pattern_at(
    pattern: Pattern, lemma_sets: Sequence[frozenset[str]], start: int, limit: int
) -> int | None:
    """Match ``pattern`` at token ``start``; return the end index (exclusive) or ``None``.

    Optional words are tried greedily, then skipped (a tiny backtracking search,
    patterns are a handful of words long).
    """

    words = pattern.words

    def step(wi: int, ti: int) -> int | None:
        if wi == len(words):
            return ti
        w = words[wi]
        if ti < limit and w.matches(lemma_sets[ti]):
            end = step(wi + 1, ti + 1)
            if end is not None:
                return end
        if w.optional:
            return step(wi + 1, ti)
        return None

    return step(0, start)


def find_pattern(
    pattern: Pattern, lemma_sets: Sequence[frozenset[str]], lo: int = 0, hi: int | None = None
) -> list[tuple[int, int]]:
    """All (start, end) token spans of ``pattern`` between ``lo`` and ``hi``."""
    hi = len(lemma_sets) if hi is None else hi
    starts: Iterable[int] = range(lo, hi)
    first = pattern.words[0]
    if not first.optional:
        # A match must start on a token the first word accepts; those tokens are known
        # per token list (shared by every pattern with the same first word test).
        starts = [i for i in first.positions(lemma_sets) if lo <= i < hi]
    spans = []
    for i in starts:
        end = match_pattern_at(pattern, lemma_sets, i, hi)
        if end is not None and end > i:
            spans.append((i, end))
    return spans
