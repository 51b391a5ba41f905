"""Run every rule kind over a token list and return findings (before context filters)."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import replace

from stigmalint.findings import Finding
from stigmalint.matching.compiled import CompiledLexicon, TermTarget
from stigmalint.matching.context import (
    context_ok,
    document_topics,
    exception_applies,
    intervening,
)
from stigmalint.matching.match import Match, Morph
from stigmalint.matching.phrases import find_phrases
from stigmalint.matching.resolve import resolve
from stigmalint.matching.terms import find_terms
from stigmalint.matching.tokens import Sentence, Tok
from stigmalint.suggest import Suggester
from stigmalint.text.sentences import PREVIOUS_SENTENCES, new_paragraph, sentence_spans
from stigmalint.text.topic import LazyTopics


def token_sentences(toks: Sequence[Tok], text: str) -> list[Sentence]:
    """Map the shared character-based sentence splitter onto token indices."""
    out: list[Sentence] = []
    i = 0
    n = len(toks)
    for s, e in sentence_spans(text):
        while i < n and toks[i].start < s:
            i += 1
        j = i
        while j < n and toks[j].start < e:
            j += 1
        if j > i:
            out.append(Sentence(i, j))
        i = j
    if not out and toks:
        out.append(Sentence(0, n))
    return out


class Matcher:
    def __init__(
        self,
        lexicon: CompiledLexicon,
        is_word: Callable[[str], bool] | None = None,
        adjective_lemma: Callable[[Tok], str | None] | None = None,
    ) -> None:
        self.lex = lexicon
        self.is_word = is_word
        self.suggester = Suggester(lexicon.nouns, adjective_lemma, lexicon.lexicon.prefixes)
        self._morphs: dict[str, list[tuple[TermTarget, Morph]]] = {}  # compound splits per word

    def matches(
        self,
        toks: Sequence[Tok],
        sentences: Sequence[Sentence],
        scope: str = "any",
        text: str = "",
        topics: Container[str] | None = None,
    ) -> list[Match]:
        """Matches that pass their context; ``text`` (the tokens' text) shows where a
        paragraph ends, which `context.previous` does not look across. ``topics``: the
        anchor sets the whole document mentions (`context.document`); ``None`` when the
        tokens are the whole document."""
        if len(self._morphs) > 200_000:
            self._morphs.clear()
        raw = find_terms(self.lex, toks, self.is_word, scope, self._morphs) + find_phrases(
            self.lex, toks, sentences, scope
        )
        if not raw:
            return []
        lemma_sets = [frozenset() if t.skip else t.lemmas for t in toks]
        sent_of = {}
        previous: dict[Sentence, list[Sentence]] = {}  # nearest first, in the paragraph
        first = 0  # the first sentence of the current paragraph
        for k, s in enumerate(sentences):
            if k and text and new_paragraph(text, toks[s.start - 1].end, toks[s.start].start):
                first = k
            previous[s] = list(reversed(sentences[max(first, k - PREVIOUS_SENTENCES) : k]))
            for i in range(s.start, s.end):
                sent_of[i] = s
        anchors = self.lex.anchors
        if topics is None:
            topics = LazyTopics(lambda: document_topics(self.lex.document_sets, toks, anchors))
        checked: list[Match] = []
        for m in raw:
            sent = sent_of.get(m.start) or Sentence(0, len(toks))
            before = previous.get(sent, [])
            span = Sentence(before[-1].start, before[0].end) if before else None
            if not context_ok(m, toks, sent, anchors, span, topics):
                continue
            between = intervening(m, toks, sent, before, anchors)
            if exception_applies(m, lemma_sets, sent, between, before):
                m = replace(m, silenced=True)
            checked.append(m)
        return resolve(checked)

    def find(
        self,
        toks: Sequence[Tok],
        text: str,
        scope: str = "any",
        topics: Container[str] | None = None,
    ) -> list[Finding]:
        sentences = token_sentences(toks, text)
        found = self.matches(toks, sentences, scope, text, topics)
        return [self.suggester.finding(m, toks, text) for m in found]
