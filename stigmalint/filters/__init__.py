"""Context filters: they see the whole text block and decide what a match means there.

The matchers look at words and sentences; these filters look at the document:
names of laws and programmes (allowlist and title detection), cited legal
definitions, URLs, quotations, self-identification, talk *about* a word, and
historical context. Each filter is a function ``(text, findings, ctx) -> findings``
in its own module; they run in the order of :data:`FILTERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from stigmalint.findings import Finding
from stigmalint.rules.model import AllowName, Lexicon
from stigmalint.text.sentences import SentenceIndex


@dataclass
class FilterContext:
    text: str
    allow: Sequence[AllowName]
    extra_allow: Sequence[str] = field(default_factory=tuple)

    @cached_property
    def sentences(self) -> SentenceIndex:
        return SentenceIndex(self.text)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """The block's quotations, found once for every filter that asks."""
        from stigmalint.filters.quotes import quoted_spans

        return quoted_spans(self.text)

    def sentence_of(self, f: Finding) -> tuple[int, int]:
        return self.sentences.around(f.start) or (f.start, f.end)


Filter = Callable[[str, list[Finding], FilterContext], list[Finding]]


def _filters() -> list[Filter]:
    from stigmalint.filters import (
        allowlist,
        definitions,
        history,
        minors,
        names,
        quotes,
        selfref,
        urls,
    )

    return [
        urls.drop_in_urls,
        allowlist.drop_in_allowed_names,
        names.drop_in_titles_and_names,
        definitions.drop_in_definitions,
        quotes.lower_in_quotations,
        selfref.cap_self_reference,
        history.lower_in_history,
        minors.note_nearby_minors,
    ]


def apply_filters(
    text: str, findings: list[Finding], lexicon: Lexicon, *, extra_allow: Sequence[str] = ()
) -> list[Finding]:
    if not findings:
        return findings
    ctx = FilterContext(text, lexicon.allow, tuple(extra_allow))
    for f in _filters():
        findings = f(text, findings, ctx)
        if not findings:
            break
    return findings
