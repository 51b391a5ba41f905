"""Rule kind *phrase*: multi-word patterns over lemmas, parts possibly split in a sentence.

A phrase of one part is a contiguous pattern ("gedwongen prostitutie"). A phrase
of several parts matches when every part occurs in the same sentence within
``window`` tokens, in any order, without overlapping — the way Dutch separates
verbs: "kwam na een moeilijke jeugd terecht in de prostitutie".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise, product

from stigmalint.matching.compiled import CompiledLexicon
from stigmalint.matching.match import Match
from stigmalint.matching.tokens import Sentence, Tok
from stigmalint.rules.patterns import Phrase, find_pattern


def _could_match(phrase: Phrase, vocab: set[str]) -> bool:
    """Cheap pre-filter: every literal-only word of every part must occur in the sentence."""
    for part in phrase.parts:
        for lits in part.required_literals():
            if vocab.isdisjoint(lits):
                return False
    return True


# Words that open a post-modifier: the noun before them heads the phrase.
_POST_MODIFIER = {
    "van", "in", "achter", "voor", "uit", "op", "met", "bij", "aan", "zonder", "onder",
    "die", "dat",
}  # fmt: skip


def _head(toks: Sequence[Tok], start: int, end: int) -> int:
    """The token that carries the number (and gender) of the phrase.

    Dutch puts adjectives before the noun and prepositional phrases or relative
    clauses after it: in "illegale sekswerkers" the last word is the head, in
    "meisjes van plezier" and "vrouwen die sekswerk doen" the word before "van"/"die".
    """
    last: int | None = None
    for i in range(start, end):
        if i > start and last is not None and toks[i].folded in _POST_MODIFIER:
            return last
        if toks[i].is_word:
            last = i
    return start if last is None else last


def _match_phrase(
    phrase: Phrase, lemma_sets: Sequence[frozenset[str]], sent: Sentence
) -> list[tuple[int, int, frozenset[int] | None]]:
    """Spans ``(start, end, core)``; ``core`` holds the tokens of the parts of a split phrase."""
    per_part = [find_pattern(p, lemma_sets, sent.start, sent.end) for p in phrase.parts]
    if any(not spans for spans in per_part):
        return []
    if len(per_part) == 1:
        return [(s, e, None) for s, e in per_part[0]]
    best: list[tuple[int, int, frozenset[int] | None]] = []
    for combo in product(*per_part):
        ordered = sorted(combo)
        if any(a[1] > b[0] for a, b in pairwise(ordered)):
            continue  # parts overlap
        if phrase.ordered and list(combo) != ordered:
            continue
        lo, hi = ordered[0][0], ordered[-1][1]
        if hi - lo > phrase.window:
            continue
        core = frozenset(i for s, e in ordered for i in range(s, e))
        best.append((lo, hi, None if len(core) == hi - lo else core))
    # keep the tightest spans, one per start
    best.sort(key=lambda s: (s[0], s[1] - s[0]))
    out: list[tuple[int, int, frozenset[int] | None]] = []
    for span in best:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


@dataclass
class _PhraseIndex:
    """:func:`_could_match` for all phrases at once, driven by the sentence's words.

    Every phrase needs some literal sets (its required words); a sentence allows a
    phrase when each of them meets the sentence's lemmas. Testing every phrase of a
    large lexicon on every sentence was the matcher's largest cost; instead each
    phrase is filed under one of its required sets, and only phrases filed under a
    set that the sentence meets are tested further.
    """

    by_literal: dict[str, list[int]]  # literal → ids of the required sets holding it
    always: list[tuple[int, int]]  # (entry, phrase) without required sets
    by_key: dict[int, list[tuple[int, int, tuple[int, ...]]]]  # set id → (entry, phrase, needs)

    @classmethod
    def build(cls, lex: CompiledLexicon) -> _PhraseIndex:
        ids: dict[frozenset[str], int] = {}
        always: list[tuple[int, int]] = []
        by_key: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}
        for ei, entry in enumerate(lex.phrase_entries):
            for pi, phrase in enumerate(entry.phrases):
                required = [lits for part in phrase.parts for lits in part.required_literals()]
                if not required:
                    always.append((ei, pi))
                    continue
                needs = tuple(ids.setdefault(lits, len(ids)) for lits in required)
                # file the phrase under its smallest required set: the least often met
                key = ids[min(required, key=len)]
                by_key.setdefault(key, []).append((ei, pi, needs))
        by_literal: dict[str, list[int]] = {}
        for lits, n in ids.items():
            for lit in lits:
                by_literal.setdefault(lit, []).append(n)
        return cls(by_literal, always, by_key)

    def allowed(self, vocab: set[str]) -> dict[int, list[int]]:
        """Entry index → indices of its phrases that pass :func:`_could_match`."""
        met: set[int] = set()
        for lemma in vocab:
            found = self.by_literal.get(lemma)
            if found:
                met.update(found)
        out: dict[int, list[int]] = {}
        for ei, pi in self.always:
            out.setdefault(ei, []).append(pi)
        for n in met:
            for ei, pi, needs in self.by_key.get(n, ()):
                if met.issuperset(needs):
                    out.setdefault(ei, []).append(pi)
        return out


def find_phrases(
    lex: CompiledLexicon,
    toks: Sequence[Tok],
    sentences: Sequence[Sentence],
    scope: str = "any",
) -> list[Match]:
    lemma_sets = [frozenset() if t.skip else t.lemmas for t in toks]
    matches: list[Match] = []
    index = lex.phrase_index
    if not isinstance(index, _PhraseIndex):
        index = lex.phrase_index = _PhraseIndex.build(lex)
    for sent in sentences:
        vocab: set[str] = set()
        for ls in lemma_sets[sent.start : sent.end]:
            vocab |= ls
        allowed = index.allowed(vocab)
        for ei in sorted(allowed):
            entry = lex.phrase_entries[ei]
            if not entry.applies_in(scope):
                continue
            spans: dict[tuple[int, int], frozenset[int] | None] = {}
            for pi in sorted(allowed[ei]):
                for lo, hi, core in _match_phrase(entry.phrases[pi], lemma_sets, sent):
                    # one finding per span; a contiguous reading of it wins
                    if (lo, hi) not in spans or core is None:
                        spans[(lo, hi)] = core
            for (lo, hi), core in sorted(spans.items()):
                hi = _trim_punctuation(toks, lo, hi)
                if core is not None:
                    core = frozenset(i for i in core if i < hi)
                matches.append(Match(entry, lo, hi, _head(toks, lo, hi), core=core))
    return matches


_CLAUSE_END = frozenset(".,;:!?")


def _trim_punctuation(toks: Sequence[Tok], lo: int, hi: int) -> int:
    """The end of a span without the clause-closing punctuation a pattern may require.

    "ging ze de prostitutie in ." needs the full stop to know that 'in' closes the
    clause, but the finding (and a fix) must not swallow it. Brackets stay: they
    belong to what was matched ("een prostituee (16)").
    """
    while hi - lo > 1 and toks[hi - 1].text in _CLAUSE_END:
        hi -= 1
    return hi
