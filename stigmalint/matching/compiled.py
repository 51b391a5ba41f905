"""The lexicon turned into lookup structures for fast matching.

Built once per process (per locale) from a :class:`~stigmalint.rules.Lexicon`:

* every inflected form of every term word (``hoer``: hoer, hoeren, hoertje,
  hoertjes) points to its entries, for whole-word matches;
* the same forms, for entries that allow compounds, are searched *inside* longer
  words with one regular expression (raamprostituees, prostitutiebeleid);
* anchor sets become :class:`~stigmalint.rules.patterns.WordTest` objects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from stigmalint.rules.model import Entry, Lexicon, NounInfo
from stigmalint.rules.patterns import WordTest, glob_to_regex
from stigmalint.text.morph import forms_of
from stigmalint.text.trie import trie_regex


@dataclass(frozen=True)
class TermTarget:
    entry: Entry
    lemma: str  # the lexicon word this form belongs to
    form: str  # the folded form as listed/generated


@dataclass
class CompiledLexicon:
    lexicon: Lexicon
    entries: list[Entry]
    nouns: dict[str, NounInfo]
    exact: dict[str, list[TermTarget]] = field(default_factory=dict)
    compound_forms: dict[str, list[TermTarget]] = field(default_factory=dict)
    compound_re: re.Pattern[str] | None = None
    anchors: dict[str, WordTest] = field(default_factory=dict)
    phrase_entries: list[Entry] = field(default_factory=list)
    guards: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    # anchor sets some entry needs the document to mention (`context.document`)
    document_sets: frozenset[str] = frozenset()
    # Built by matching.phrases on first use: which phrases a sentence's words allow.
    phrase_index: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, lexicon: Lexicon) -> CompiledLexicon:
        self = cls(lexicon, list(lexicon.entries), dict(lexicon.nouns))
        exact: dict[str, list[TermTarget]] = defaultdict(list)
        comp: dict[str, list[TermTarget]] = defaultdict(list)
        for entry in self.entries:
            if entry.guards:
                self.guards[entry.id] = [glob_to_regex(g) for g in entry.guards]
            if entry.phrases:
                self.phrase_entries.append(entry)
                continue
            for word in entry.words:
                for form in dict.fromkeys(forms_of(word, self.nouns).all()):
                    t = TermTarget(entry, word, form)
                    exact[form].append(t)
                    if entry.compounds:
                        comp[form].append(t)
            for form in entry.forms:
                lemma = entry.words[0] if entry.words else form
                t = TermTarget(entry, lemma, form)
                exact[form].append(t)
                if entry.compounds:
                    comp[form].append(t)
        self.document_sets = lexicon.document_sets()
        self.exact = dict(exact)
        self.compound_forms = dict(comp)
        if comp:
            # Lookahead so that overlapping occurrences are all reported.
            self.compound_re = re.compile(f"(?=({trie_regex(comp)}))")
        for name, aset in lexicon.anchors.items():
            self.anchors[name] = WordTest(
                frozenset(aset.literals),
                tuple(aset.regexes),
                source=f"@{name}",
                proper=frozenset(aset.proper),
            )
        return self

    def is_guarded(self, entry: Entry, folded: str) -> bool:
        return any(rx.fullmatch(folded) for rx in self.guards.get(entry.id, ()))
