"""Turn a match into a finding whose suggestions fit the sentence.

A suggestion must be something a writer can paste over the flagged text:

* number is kept: prostituees → sekswerkers; diminutives lose the diminutive
  (hoertje → sekswerker);
* compounds keep their other parts: raamprostituees → raamsekswerkers,
  prostitutiebeleid → sekswerkbeleid, prostitutie-instelling → sekswerkinstelling;
* case is kept: Prostituee → Sekswerker, PROSTITUTIE → SEKSWERK;
* a gender prefix of a compound becomes an adjective, because "jongenssekswerkers"
  is not a word: jongensprostituees → mannelijke sekswerkers (``prefixes:`` in
  ``lexicon/grammar.yaml``);
* when the new head noun has another gender, the article (and an adjective of an
  indefinite phrase) moves with it, and the finding's span grows to cover them:
  "de prostitutie" → "het sekswerk", "deze prostitutie" → "dit sekswerk".

Suggestions with ``preceded_by``/``followed_by`` conditions move to the top when
the words around the match fit ("in de prostitutie" → "in de seksbranche").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from stigmalint.findings import Finding
from stigmalint.matching.match import Match, Morph
from stigmalint.matching.tokens import Tok
from stigmalint.rules.model import NounInfo, Suggestion
from stigmalint.rules.patterns import find_pattern
from stigmalint.text.morph import (
    gender_of,
    inflect,
    is_diminutive,
    join_compound,
    match_case,
    number_of,
)

_BRACES = re.compile(r"\{([^{}]+)\}")
DEFINITE = {"de": "het", "het": "de", "deze": "dit", "dit": "deze", "die": "dat", "dat": "die"}
_SWAP_TO = {
    "het": {"de": "het", "deze": "dit", "die": "dat"},
    "de": {"het": "de", "dit": "deze", "dat": "die"},
}
INDEFINITE = {
    "een",
    "geen",
    "elk",
    "elke",
    "ieder",
    "iedere",
    "welk",
    "welke",
    "zo'n",
    "zulk",
    "zulke",
}
_EACH = {"de": {"elk": "elke", "ieder": "iedere", "welk": "welke", "zulk": "zulke"},
         "het": {"elke": "elk", "iedere": "ieder", "welke": "welk", "zulke": "zulk"}}  # fmt: skip


@dataclass(frozen=True)
class Rendered:
    start: int  # char offsets in the matched text
    end: int
    suggestions: tuple[str, ...]


def _ordered(
    suggestions: Sequence[Suggestion], match: Match, lemma_sets: Sequence[frozenset[str]]
) -> list[Suggestion]:
    """Suggestions whose condition holds first; conditional ones that fail are dropped."""
    fitting, plain = [], []
    for s in suggestions:
        if not s.conditional:
            plain.append(s)
            continue
        ok = True
        if s.preceded_by is not None:
            lo = max(0, match.start - len(s.preceded_by.words))
            ok = any(
                e == match.start
                for _, e in find_pattern(s.preceded_by, lemma_sets, lo, match.start)
            )
        if ok and s.followed_by is not None:
            hi = min(len(lemma_sets), match.end + len(s.followed_by.words))
            ok = any(
                st == match.end for st, _ in find_pattern(s.followed_by, lemma_sets, match.end, hi)
            )
        if ok and s.starts_with is not None:
            ok = any(
                st == match.start
                for st, _ in find_pattern(s.starts_with, lemma_sets, match.start, match.end)
            )
        if ok:
            fitting.append(s)
    return fitting + plain


UNQUOTED = "{=zonder aanhalingstekens}"
# the words the match has between its first and its last word: "illegale Chinese
# prostituees" → "Chinese" (the origin that a rewrite should keep)
BETWEEN = "{=tussenwoorden}"
_QUOTES = re.compile(r"[\"'“”„‘’«»]")
_DISTANCING = re.compile(r"^\s*(?:zogenaamde?|zogeheten|zgn\.?)\s+", re.IGNORECASE)


def display(template: str) -> str:
    """A suggestion as ``explain`` shows it, without the template braces (in the singular)."""
    text = template.replace(UNQUOTED, "het woord zonder aanhalingstekens")
    text = text.replace(BETWEEN, "[herkomst]")
    text = _BRACES.sub(lambda m: m.group(1).partition("|")[0], text)
    return text.replace("{", "").replace("}", "")


def unquoted(original: str) -> str:
    """The matched words without the scare quotes and 'zogenaamde' around them (R11)."""
    return " ".join(_DISTANCING.sub("", _QUOTES.sub("", original)).split())


def _render_template(
    text: str, number: str, nouns: Mapping[str, NounInfo], original: str = ""
) -> str:
    if UNQUOTED in text:
        text = text.replace(UNQUOTED, unquoted(original))
    if BETWEEN in text:
        text = text.replace(BETWEEN, " ".join(original.split()[1:-1])).strip()
    return _BRACES.sub(lambda m: _fill(m.group(1), number, nouns), text)


def _fill(slot: str, number: str, nouns: Mapping[str, NounInfo]) -> str:
    """``{sekswerker}``: the noun in the finding's number; ``{gebruikt|gebruiken}``: the
    singular or the plural form as written, for a verb that agrees with that noun."""
    if "|" in slot:
        singular, _, plural = slot.partition("|")
        return plural if number == "plural" else singular
    return inflect(slot, number, nouns)


def _head_noun(text: str, nouns: Mapping[str, NounInfo]) -> str | None:
    m = next((m for m in _BRACES.finditer(text) if "|" not in m.group(1)), None)
    if m:
        return m.group(1)
    first = text.split()[0] if text.split() else ""
    return first if gender_of(first, nouns) else None


_POSSESSIVE = {"mijn", "jouw", "je", "zijn", "haar", "ons", "onze", "uw", "hun"}


class Suggester:
    def __init__(
        self,
        nouns: Mapping[str, NounInfo],
        adjective_lemma: Callable[[Tok], str | None] | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> None:
        self.nouns = nouns
        self.adjective_lemma = adjective_lemma
        self.prefixes = prefixes or {}

    def _prefix_adjective(
        self, morph: Morph, repl_noun: str, number: str, toks: Sequence[Tok], match: Match
    ) -> str | None:
        """The adjective for a listed compound prefix, inflected for the new noun.

        The -e goes only where Dutch drops it: a singular het-noun without a definite
        article or possessive ("mannelijk sekswerk", but "het mannelijke sekswerk").
        The article itself is changed afterwards by the normal article agreement.
        """
        if morph.role != "head":
            return None
        adjective = self.prefixes.get(morph.prefix.strip("-"))
        if adjective is None:
            return None
        if number == "singular" and gender_of(repl_noun, self.nouns) == "het":
            prev = toks[match.start - 1].folded if match.start > 0 else ""
            if prev not in DEFINITE and prev not in _POSSESSIVE and adjective.endswith("e"):
                return adjective[:-1]
        return adjective

    # -- the span may grow to the left to take an article along ---------------------

    def _article_span(self, toks: Sequence[Tok], match: Match) -> tuple[int, list[int]] | None:
        """Index of a determiner before the match and the adjectives between them."""
        i = match.start - 1
        adjectives: list[int] = []
        while i >= 0 and len(adjectives) < 3:
            t = toks[i]
            word = t.folded
            if word in DEFINITE or word in INDEFINITE:
                return i, adjectives[::-1]
            # an inflected adjective ends in -e and has a base form ('jonge' → 'jong');
            # a noun in -e ('gemeente') has none: "hoe de gemeente thuisprostitutie regelt"
            if (
                t.is_word
                and word.endswith("e")
                and word.isalpha()
                and word not in ("deze", "die")
                and any(lemma != word for lemma in t.lemmas)
            ):
                adjectives.append(i)
                i -= 1
                continue
            return None
        return None

    def _swap_article(self, det: Tok, target_gender: str) -> str | None:
        word = det.folded
        if word in _SWAP_TO[target_gender]:
            return match_case(_SWAP_TO[target_gender][word], det.text)
        if word in _EACH[target_gender]:
            return match_case(_EACH[target_gender][word], det.text)
        return det.text if word in INDEFINITE or word in DEFINITE else None

    def _inflect_adjective(self, tok: Tok, det: Tok, target_gender: str) -> str:
        # Only "een/geen/elk + het-word" drops the -e: een illegale → een illegaal.
        if target_gender == "het" and det.folded in INDEFINITE and self.adjective_lemma:
            lemma = self.adjective_lemma(tok)
            if lemma:
                return match_case(lemma, tok.text)
        return tok.text

    # -- main entry point ------------------------------------------------------------

    def render(self, match: Match, toks: Sequence[Tok], text: str) -> Rendered:
        entry = match.entry
        lemma_sets = [t.lemmas for t in toks]
        head_tok = toks[match.head]
        morph = match.morph
        if morph is not None:
            number = number_of(morph.form, morph.lemma, self.nouns)
            if morph.role in ("modifier", "inner"):
                source_gender = None  # the head of the compound does not change
            elif is_diminutive(morph.form, morph.lemma):
                source_gender = "het"  # every diminutive is a het-word: het hoertje
            else:
                source_gender = entry.gender or gender_of(morph.lemma, self.nouns)
        else:
            number = "plural" if _looks_plural(head_tok, self.nouns) else "singular"
            source_gender = entry.gender or _token_gender(head_tok, self.nouns)
        start_char, end_char = toks[match.start].start, toks[match.end - 1].end
        original = text[start_char:end_char]

        rendered: list[tuple[str, str | None]] = []  # (text, gender of its head noun)
        in_compound = morph is not None and morph.role != "word"
        spliced = False
        for s in _ordered(entry.suggestions, match, lemma_sets):
            if in_compound and s.is_word:
                # Inside a compound only the main, unconditional replacement is spliced in
                # (raamprostitutie → raamsekswerk, not raamseksbranche).
                if spliced or s.conditional:
                    continue
                spliced = True
            if morph is not None and s.is_word:
                repl = inflect(s.text, number, self.nouns)
                adjective = self._prefix_adjective(morph, s.text, number, toks, match)
                if morph.role == "word" or adjective == "":  # "" drops an insulting prefix
                    out = match_case(repl, head_tok.text)
                elif adjective is not None:
                    out = match_case(f"{adjective} {repl}", head_tok.text)
                else:
                    out = _rebuild(head_tok, morph, repl)
                gender = gender_of(s.text, self.nouns) if morph.role in ("word", "head") else None
                rendered.append((out, gender))
            elif morph is not None and morph.role in ("modifier", "inner"):
                continue  # a phrase cannot be spliced into a compound
            else:
                out = _render_template(s.text, number, self.nouns, original)
                noun = _head_noun(s.text, self.nouns)
                rendered.append(
                    (match_case(out, original), gender_of(noun, self.nouns) if noun else None)
                )
        if not rendered:  # only phrase advice for a compound: offer it as is
            rendered = [(display(s.text), None) for s in entry.suggestions]
        if "’" in original:  # the writer types curly apostrophes: programma’s, not programma's
            rendered = [(r.replace("'", "’"), g) for r, g in rendered]

        # Article agreement: decided by the top suggestion, applied to all of them.
        top_gender = rendered[0][1] if rendered else None
        art = None
        if number == "singular" and source_gender and top_gender and top_gender != source_gender:
            art = self._article_span(toks, match)
        if art is None:
            if number == "singular" and source_gender:
                rendered = self._agreeing(rendered, toks, match, source_gender)
            return Rendered(start_char, end_char, tuple(dict.fromkeys(r for r, _ in rendered)))
        det_i, adj_is = art
        det = toks[det_i]
        new_start = det.start
        lead = text[new_start:start_char]
        original_words = [det.text] + [toks[a].text for a in adj_is]
        out_list = []
        changed = False
        for sug, gender in rendered:
            pieces = self._article_words(toks, det, adj_is, gender or source_gender or "de")
            changed = changed or pieces != original_words
            if lead.count(" ") == len(pieces):
                out_list.append(" ".join(pieces) + " " + sug)
            else:
                out_list.append(lead + sug)  # unusual spacing: keep the words as they are
        if not changed:  # "een hoertje" → "een sekswerker": the article stays, so does the span
            return Rendered(start_char, end_char, tuple(dict.fromkeys(r for r, _ in rendered)))
        return Rendered(new_start, end_char, tuple(dict.fromkeys(out_list)))

    def _agreeing(
        self,
        rendered: list[tuple[str, str | None]],
        toks: Sequence[Tok],
        match: Match,
        source_gender: str,
    ) -> list[tuple[str, str | None]]:
        """The alternatives that fit the article left outside the span.

        The span follows the top suggestion, so "Het bordeeltje" is reported as
        "bordeeltje" → "seksbedrijf"; an alternative of the other gender ("club")
        would read "Het club" and is left out. After "een" every noun fits.
        """
        art = self._article_span(toks, match)
        if art is None:
            return rendered
        det, adj_is = toks[art[0]], art[1]
        original = [det.text] + [toks[a].text for a in adj_is]
        return [
            (sug, gender)
            for i, (sug, gender) in enumerate(rendered)
            if not i
            or gender is None
            or gender == source_gender
            or self._article_words(toks, det, adj_is, gender) == original
        ]

    def _article_words(
        self, toks: Sequence[Tok], det: Tok, adj_is: Sequence[int], gender: str
    ) -> list[str]:
        """The article and adjectives before the span, agreeing with a noun of ``gender``."""
        pieces = [self._swap_article(det, gender) or det.text]
        return pieces + [self._inflect_adjective(toks[a], det, gender) for a in adj_is]

    def finding(self, match: Match, toks: Sequence[Tok], text: str) -> Finding:
        r = self.render(match, toks, text)
        e = match.entry
        return Finding(
            rule=e.id,
            severity=e.severity,
            message=e.message,
            start=r.start,
            end=r.end,
            text=text[r.start : r.end],
            suggestions=r.suggestions,
            rewrite=e.rewrite,
            category=e.category,
            refs=e.refs,
        )


def _token_gender(tok: Tok, nouns: Mapping[str, NounInfo]) -> str | None:
    for lemma in sorted(tok.lemmas, key=len):
        g = gender_of(lemma, nouns)
        if g:
            return g
    return None


def _looks_plural(tok: Tok, nouns: Mapping[str, NounInfo]) -> bool:
    f = tok.folded
    if any(info.plural == f for info in nouns.values()):
        return True  # an irregular plural listed in grammar.yaml (geprostitueerden)
    return any(
        lem != f and f.startswith(lem[: max(1, len(lem) - 2)]) and f.endswith(("s", "en"))
        for lem in tok.lemmas
    )


def _rebuild(tok: Tok, morph: Morph, repl: str) -> str:
    """Put ``repl`` in place of the matched morpheme, keeping the token's own letters."""
    text = tok.text
    if len(text) == len(tok.folded):
        prefix = text[: len(morph.prefix)]
        middle = text[len(morph.prefix) : len(morph.prefix) + len(morph.form)]
        suffix = text[len(morph.prefix) + len(morph.form) :]
    else:
        prefix, middle, suffix = morph.prefix, morph.form, morph.suffix
    if middle.isupper() and len(middle) > 1:
        repl = repl.upper()
    elif middle[:1].isupper():
        repl = repl[:1].upper() + repl[1:]
    return join_compound(prefix, repl, suffix)
