"""The linter as the CLI uses it: document → blocks → pre-scan → pipeline → matches → filters.

spaCy is only imported when the pre-scan finds a candidate sentence, and then only
those sentences go through the pipeline (built once per process); the context
filters see the whole block. What a run over clean files needs (the pre-scan)
comes from :mod:`stigmalint.startup`'s caches.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from stigmalint import startup
from stigmalint.document import Document, TextBlock, plain_document
from stigmalint.findings import Finding
from stigmalint.readers.captions import with_captions
from stigmalint.severity import Severity

if TYPE_CHECKING:  # pragma: no cover
    from stigmalint.rules import Lexicon


class NeedsPipeline(Exception):
    """Raised by a check that was told not to build the pipeline, when it would."""


@dataclass(frozen=True)
class LintOptions:
    model: str = "auto"
    locale: str = "nl-NL"
    extra_lexicons: tuple[str, ...] = ()
    extra_allow: tuple[str, ...] = ()


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False, compare=False)
    stdin: bool = False
    fixed: int = 0  # replacements applied by --fix
    fail_on: Severity | None = None  # this file's threshold when configuration sets one


@lru_cache(maxsize=4)
def _pipeline(model: str, locale: str, extra_lexicons: tuple[str, ...]) -> Any:
    """One spaCy pipeline per (model, locale, lexicon files), shared by Linters.

    Linters that differ only in ``extra_allow`` (per-folder configuration) must
    not each pay a pipeline load.
    """
    from stigmalint import load

    return load(model, locale=locale, extra_lexicons=list(extra_lexicons), apply_filters=False)


class Linter:
    def __init__(self, options: LintOptions | None = None) -> None:
        self.options = options or LintOptions()
        # Only the pre-scan is needed for clean files; the lexicon is loaded on first use.
        self.prescan = startup.prescanner(self.options.extra_lexicons, self.options.locale)

    @cached_property
    def lexicon(self) -> Lexicon:
        return startup.lexicon(self.options.extra_lexicons, self.options.locale)

    @cached_property
    def nlp(self) -> Any:
        o = self.options
        return _pipeline(o.model, o.locale, o.extra_lexicons)

    def _raw_findings(self, text: str, scope: str, topics: Container[str]) -> list[Finding]:
        component, steps = self._steps  # builds the pipeline: spaCy is imported here
        from stigmalint.nlp.component import SCOPE_KEY, TOPICS_KEY

        doc = self.nlp.make_doc(text)
        doc.user_data[SCOPE_KEY] = scope
        doc.user_data[TOPICS_KEY] = topics
        for proc in steps:
            doc = proc(doc)
        found: list[Finding] = component.find(doc)
        return found

    @cached_property
    def _steps(self) -> tuple[Any, list[Any]]:
        """The stigmalint component, and the components to run before it.

        With the embedded default these are the lookup lemmatizer and the candidate
        lemmas. The component derives exactly the same candidates from the same lookup
        table itself when a Doc has none (``nlp.component.doc_tokens``), so here, on
        sentences only, the two are skipped: that is a third of the time per sentence.
        A model with a tagger or its own lemmatizer runs in full.
        """
        nlp = self.nlp
        before = [(n, p) for n, p in nlp.pipeline if n != "stigmalint"]
        lookup_only = all(n in ("lemmatizer", "stigmalint_lemmas") for n, _ in before) and all(
            getattr(p, "mode", "lookup") == "lookup" for _, p in before
        )
        return nlp.get_pipe("stigmalint"), [] if lookup_only else [p for _, p in before]

    def prepare(self) -> None:
        """Build the pipeline now (spaCy imported, lexicon compiled), not on first use."""
        self._steps  # noqa: B018 - a cached property: reading it builds it

    @property
    def prepared(self) -> bool:
        return "_steps" in self.__dict__  # where cached_property keeps the built value

    def check_block(
        self,
        block: TextBlock,
        *,
        pipeline: bool = True,
        topics: Container[str] | None = None,
    ) -> list[Finding]:
        """Findings with offsets into ``block.text``.

        With ``pipeline=False``, a block with a candidate sentence raises
        :class:`NeedsPipeline` instead of building the pipeline. ``topics`` gives the
        anchor sets the whole document mentions (`context.document`); by default the
        block is the document.
        """
        if not pipeline and not self.prepared:
            if self.prescan.needs_pipeline(block.text, block.scope):
                raise NeedsPipeline
            return []
        docs = self.prescan.candidate_docs(block.text, block.scope)
        if not docs:
            return []
        if topics is None:
            from stigmalint.text.topic import LazyTopics

            topics = LazyTopics(lambda: self._topics([block.text]))
        raw: list[Finding] = []
        for doc_start, own_start, end in docs:
            found = self._raw_findings(block.text[doc_start:end], block.scope, topics)
            own = own_start - doc_start
            raw.extend(f.shifted(doc_start) for f in found if f.start >= own)
        if not raw:
            return []
        from stigmalint.filters import apply_filters

        return apply_filters(block.text, raw, self.lexicon, extra_allow=self.options.extra_allow)

    @cached_property
    def _document_sets(self) -> frozenset[str]:
        return self.lexicon.document_sets()

    def _topics(self, texts: Sequence[str], names: Iterable[str] | None = None) -> frozenset[str]:
        """Which anchor sets ``texts`` mention, with a cheap spaCy-free scan
        (:mod:`stigmalint.text.topic`); by default the sets of `context.document`."""
        from stigmalint.nlp.candidates import default_candidates  # spaCy-free
        from stigmalint.text.topic import mentions

        anchors = self.lexicon.anchors
        lemmas = default_candidates().candidates
        return frozenset(
            n
            for n in (self._document_sets if names is None else names)
            if n in anchors and mentions(texts, anchors[n], lemmas)
        )

    def check_document(self, doc: Document, *, pipeline: bool = True) -> list[Finding]:
        out: list[Finding] = []
        image_ok: bool | None = None
        texts = [b.text for b in doc.blocks]

        from stigmalint.text.topic import LazyTopics

        topics = LazyTopics(lambda: self._topics(texts))  # decided once, if a rule asks

        for block in doc.blocks:
            if block.scope == "image":
                if not self.prescan.candidate_sentences(block.text, "image"):
                    continue  # nothing to find: no need to decide the page's topic
                if image_ok is None:
                    # page-level context for image rules (R13); see stigmalint.text.topic
                    image_ok = "sw" not in self.lexicon.anchors or bool(self._topics(texts, ["sw"]))
                if not image_ok:  # an image on a page not about sex work: ordinary text rules
                    block = replace(block, scope="any")
            for f in self.check_block(block, pipeline=pipeline, topics=topics):
                start = block.to_source(f.start)
                end = block.to_source(f.end - 1) + 1 if f.end > f.start else start
                out.append(
                    replace(f, start=start, end=end, position=doc.position(start, end, block.where))
                )
        out.sort(key=Finding.sort_key)
        return self._belgian_usage(doc, out)

    @cached_property
    def _off_in_belgium(self) -> frozenset[str]:
        """Rules that ``nl-BE`` switches off: Belgian words ('tienerpooier', 'pooierschap')."""
        return frozenset(
            e.id
            for e in self.lexicon.entries
            if (ov := e.locales.get("nl-BE")) is not None and ov.off
        )

    def _belgian_usage(self, doc: Document, found: list[Finding]) -> list[Finding]:
        """In a document about Belgium, the Belgian words are the right words there.

        Per sentence, the lexicon already lets 'tienerpooier' pass next to 'Antwerpen'; a
        Flemish news item names its city once, in the first line. So when a document names
        Belgian places and institutions at least twice and more often than Dutch ones, the
        rules that ``--locale nl-BE`` switches off stay quiet in the whole document.
        """
        if self.options.locale == "nl-BE" or not any(f.rule in self._off_in_belgium for f in found):
            return found
        from stigmalint.text.topic import count_words

        anchors = self.lexicon.anchors
        if "belgium" not in anchors or "netherlands" not in anchors:
            return found
        texts = [b.text for b in doc.blocks]
        be = count_words(texts, anchors["belgium"])
        if be < 2 or be <= count_words(texts, anchors["netherlands"]):
            return found
        return [f for f in found if f.rule not in self._off_in_belgium]

    def check_text(self, text: str, path: str = "-") -> list[Finding]:
        return self.check_document(with_captions(plain_document(path, text)))

    def check_texts(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self.check_text(t) for t in texts]
