"""Every surface form the lexicon can produce, for the benchmark's baselines.

The regex lower bound and textlint+prh must search for the same vocabulary that
stigmalint knows, or the comparison flatters one side. This module derives that
vocabulary from the lexicon through stigmalint's own API, so it follows every
lexicon change without a hand-kept list:

* term entries: each word's inflected forms (``forms_of``), the listed ``forms``,
  and the irregular surface forms the lemma tables map onto the word;
* phrase entries: the contiguous readings of each phrase (every combination of
  its literal alternatives, optional words with and without), as long as no word
  is a glob, a regular expression or a very large anchor set.

What a word list cannot express (compounds such as *raamprostituees*, split
verbs, context rules, exceptions) is deliberately not approximated: the baselines
are lower bounds on *cost*, not equals in what they find.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from stigmalint.rules.patterns import Phrase

MAX_PHRASE_READINGS = 400  # per phrase: more combinations than this is not a word list
MAX_ALTERNATIVES = 40  # a word with more alternatives (an anchor set) is not enumerated
MIN_EXPANDED = 4  # shorter literals (de, het, in) are taken as written


@dataclass(frozen=True)
class Vocabulary:
    """Forms per entry (``entry id → sorted forms``) plus the first suggestion of each entry."""

    forms: dict[str, list[str]]
    expected: dict[str, str]
    skipped_phrases: int

    def all_forms(self) -> list[str]:
        return sorted({f for fs in self.forms.values() for f in fs})


def lexicon_vocabulary(locale: str = "nl-NL") -> Vocabulary:
    from stigmalint.nlp.tables import lemma_tables
    from stigmalint.rules import load_lexicon
    from stigmalint.text.morph import forms_of
    from stigmalint.text.prescan import SurfaceForms, wanted_literals

    lex = load_lexicon().for_locale(locale)
    tables = lemma_tables()
    surface = SurfaceForms(tables.lookup, tables.exc, tables.rules, wanted_literals(lex))

    def variants(literal: str) -> set[str]:
        # Irregular forms of content words (kwam → komen); function words such as
        # "de" or "in" map to odd table entries and add nothing but noise.
        if len(literal) < MIN_EXPANDED:
            return {literal}
        return {literal} | {f for f in surface.reverse.get(literal, ()) if len(f) >= MIN_EXPANDED}

    forms: dict[str, list[str]] = {}
    expected: dict[str, str] = {}
    skipped = 0
    for entry in lex.entries:
        found: set[str] = set()
        if entry.phrases:
            for phrase in entry.phrases:
                readings = _phrase_readings(phrase, variants)
                if readings is None:
                    skipped += 1
                else:
                    found |= readings
        else:
            for word in entry.words:
                for form in forms_of(word, lex.nouns).all():
                    found |= variants(form)
            for form in entry.forms:
                found |= variants(form)
        found = {f for f in found if len(f) >= 2}
        if found:
            forms[entry.id] = sorted(found)
            expected[entry.id] = entry.suggestions[0].text if entry.suggestions else entry.id
    return Vocabulary(forms, expected, skipped)


def _phrase_readings(phrase: Phrase, variants: Callable[[str], set[str]]) -> set[str] | None:
    """The contiguous readings of a phrase, or ``None`` when it is not a finite word list."""
    slots: list[list[str]] = []
    for part in phrase.parts:
        for word in part.words:
            if word.regexes or not word.literals or len(word.literals) > MAX_ALTERNATIVES:
                return None
            alts: set[str] = set()
            for lit in word.literals:
                alts |= variants(lit)
            options = sorted(alts)
            if word.optional:
                options.append("")
            slots.append(options)
    total = 1
    for s in slots:
        total *= len(s)
    if total > MAX_PHRASE_READINGS:
        return None
    return {" ".join(w for w in combo if w) for combo in itertools.product(*slots)}
