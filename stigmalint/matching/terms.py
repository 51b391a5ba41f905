"""Rule kind *term*: one word, its inflections, and its occurrences inside compounds.

Whole-word matches use the lemma candidates of a token, so ``hoeren``, ``hoertje``
and ``Prostituées`` all reach their entry. Compound matches look for an inflected
form inside a longer word (``raamprostituees``: head; ``prostitutiebeleid``:
modifier), with three safeguards against words that merely contain the letters:
a per-entry guard list (``hoera``, ``uitstippelen``), minimum lengths for the rest
of the word, and — when a dictionary is available — a preference for the split
whose remainder is a real word (``prostitutie|sector``, not ``prostituties|ector``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stigmalint.matching.compiled import CompiledLexicon, TermTarget
from stigmalint.matching.match import Match, Morph
from stigmalint.matching.tokens import Tok

MIN_HEAD_PREFIX = 2  # raam|prostituee ok; "x" + word is not a compound
MIN_MODIFIER_REST = 3  # prostitutie|wet ok


def _lowercase_ok(target: TermTarget, tok: Tok) -> bool:
    return not target.entry.lowercase_only or tok.text == tok.text.lower()


def _allowed(target: TermTarget, role: str) -> bool:
    comp = target.entry.compounds
    if role == "head":
        return "head" in comp
    return "modifier" in comp  # modifier and inner


def _plausible_rest(rest: str, is_word: Callable[[str], bool] | None) -> int:
    """Score how much ``rest`` looks like a real word (2 known, 1 unknown, 0 implausible)."""
    core = rest.strip("-'")
    if len(core) < 2:
        return 0
    if is_word is None:
        return 1
    if (
        is_word(core)
        or (core[0] in "s" and is_word(core[1:]))
        or (core.startswith("en") and is_word(core[2:]))
    ):
        return 2
    return 1


def compound_morphs(
    lex: CompiledLexicon, folded: str, is_word: Callable[[str], bool] | None = None
) -> list[tuple[TermTarget, Morph]]:
    """Every plausible (entry, morpheme split) for a word that is not itself in the lexicon."""
    rx = lex.compound_re
    if rx is None:
        return []
    found: list[tuple[int, TermTarget, Morph]] = []
    for m in rx.finditer(folded):
        pos = m.start()
        longest = m.group(1)
        # entries with a form that runs to the end of the word here: a shorter form of the
        # same entry would leave a bogus rest ("raam|hoer|tje" instead of "raam|hoertje",
        # which loses the diminutive in the suggestion)
        to_end: set[str] = set()
        # the trie returns the longest form here; shorter forms at the same spot compete
        for n in range(len(longest), 0, -1):
            form = longest[:n]
            targets = lex.compound_forms.get(form)
            if not targets:
                continue
            prefix, suffix = folded[:pos], folded[pos + n :]
            if not prefix and not suffix:
                continue
            if prefix and len(prefix.strip("-")) < MIN_HEAD_PREFIX and not prefix.endswith("-"):
                continue  # a hyphen marks a real boundary: e-prostitutie
            if suffix and len(suffix.strip("-")) < MIN_MODIFIER_REST:
                continue
            score = 0
            if suffix:
                score = _plausible_rest(suffix, is_word)
                if score == 0:
                    continue
            for t in targets:
                morph = Morph(prefix, form, suffix, t.lemma)
                if suffix and t.entry.id in to_end:
                    continue
                if _allowed(t, morph.role):
                    found.append((score * 100 + n, t, morph))
                    if not suffix:
                        to_end.add(t.entry.id)
    found.sort(key=lambda x: -x[0])
    seen: set[str] = set()
    out = []
    for _, t, morph in found:
        if t.entry.id in seen:
            continue
        seen.add(t.entry.id)
        out.append((t, morph))
    return _drop_nested(out)


def _drop_nested(hits: list[tuple[TermTarget, Morph]]) -> list[tuple[TermTarget, Morph]]:
    """Keep the longest lexicon item where one lies inside another in the same word.

    In ``raamprostitutiebedrijf`` both ``prostitutie`` and ``prostitutiebedrijf``
    are lexicon words; the longer one is the more specific rule (seksbedrijf, not
    sekswerkbedrijf), just as a whole-word match beats a compound guess.
    """

    def span(m: Morph) -> tuple[int, int]:
        return len(m.prefix), len(m.prefix) + len(m.form)

    out = []
    for t, m in hits:
        s, e = span(m)
        inside = any(
            (s2 <= s and e <= e2) and (e2 - s2) > (e - s) for _, m2 in hits for s2, e2 in [span(m2)]
        )
        if not inside:
            out.append((t, m))
    return out


def find_terms(
    lex: CompiledLexicon,
    toks: Sequence[Tok],
    is_word: Callable[[str], bool] | None = None,
    scope: str = "any",
    morph_cache: dict[str, list[tuple[TermTarget, Morph]]] | None = None,
) -> list[Match]:
    """``morph_cache`` keeps :func:`compound_morphs` per word form (for one lex and is_word)."""
    matches: list[Match] = []
    exact = lex.exact.keys()
    for tok in toks:
        if tok.skip or not tok.is_word:
            continue
        hits: list[tuple[TermTarget, Morph]] = []
        if not exact.isdisjoint(tok.lemmas):
            for cand in (tok.folded, *sorted(tok.lemmas - {tok.folded})):
                for t in lex.exact.get(cand, ()):
                    hits.append((t, Morph("", tok.folded, "", t.lemma)))
        elif "-" in tok.folded:
            # A compound written with a hyphen is the same word: escort-meisjes, lover-boy.
            for t in lex.exact.get(tok.folded.replace("-", ""), ()):
                hits.append((t, Morph("", tok.folded, "", t.lemma)))
        if not hits:
            if morph_cache is None:
                hits = compound_morphs(lex, tok.folded, is_word)
            else:
                cached = morph_cache.get(tok.folded)
                if cached is None:
                    cached = morph_cache[tok.folded] = compound_morphs(lex, tok.folded, is_word)
                hits = cached
        seen: set[str] = set()
        for t, morph in hits:
            e = t.entry
            if e.id in seen or not e.applies_in(scope):
                continue
            if not _lowercase_ok(t, tok) or lex.is_guarded(e, tok.folded):
                continue
            seen.add(e.id)
            matches.append(Match(e, tok.i, tok.i + 1, tok.i, morph))
    return matches
