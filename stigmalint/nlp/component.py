"""The ``stigmalint`` spaCy component (factory registered via the ``spacy_factories`` entry point).

Like spaCy's SpanRuler it is made by a factory with a typed config, keeps its
patterns as data (the lexicon YAML), writes its results to
``doc.spans["stigmalint"]`` and supports ``to_disk``/``from_disk``. Each span's
``span._.stigmalint`` is a :class:`~stigmalint.findings.Finding` with rule id,
severity, message and suggestions.

This module is imported by spaCy whenever *any* pipeline is created in an
environment where stigmalint is installed, so it must import quickly and never
fail: the lexicon is loaded when the factory is called, not at import.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from stigmalint.findings import Finding
from stigmalint.matching.tokens import Tok

SPANS_KEY = "stigmalint"
USER_DATA_KEY = "stigmalint.findings"
SCOPE_KEY = "stigmalint.scope"
# the anchor sets the whole document mentions, when the Doc is only part of it
TOPICS_KEY = "stigmalint.topics"

if not Span.has_extension("stigmalint"):
    Span.set_extension(
        "stigmalint",
        getter=lambda span: span.doc.user_data.get(USER_DATA_KEY, {}).get(
            (span.start_char, span.end_char, span.label_)
        ),
    )


def doc_tokens(doc: Doc) -> list[Tok]:
    """Convert a Doc into the matchers' token view."""
    from stigmalint.nlp.lemmas import USER_DATA_KEY as LEMMAS_KEY
    from stigmalint.nlp.lemmas import default_candidates
    from stigmalint.text.fold import fold

    stored = doc.user_data.get(LEMMAS_KEY)
    if stored is None and not doc.has_annotation("LEMMA"):
        return _tokens_by_form(doc)
    cands = None if stored is not None else default_candidates()
    toks: list[Tok] = []
    for t in doc:
        if t.is_space:
            continue  # line breaks inside a sentence must not break a phrase
        if stored is not None:
            lemmas = stored[t.i]
        else:
            assert cands is not None
            lemmas = cands.candidates(t.text, t.lemma_ if t.lemma_ != t.text else "")
        toks.append(
            Tok(
                len(toks),
                t.text,
                t.idx,
                fold(t.text),
                lemmas,
                skip=bool(t.like_url or t.like_email),
            )
        )
    return toks


# What a token's text alone determines, per vocabulary entry (orth id): its text,
# folded form, lemma candidates, and whether it is space or a URL/e-mail address.
_FORMS: dict[int, tuple[str, str, frozenset[str], bool] | None] = {}


def _tokens_by_form(doc: Doc) -> list[Tok]:
    """:func:`doc_tokens` for a Doc without lemmas (the CLI's sentences): everything is
    a function of the token's text, so it is computed once per word form and the Doc is
    read as an array instead of creating a spaCy ``Token`` per word."""
    from spacy.attrs import IDX, ORTH

    from stigmalint.nlp.lemmas import default_candidates
    from stigmalint.text.fold import fold

    forms = _FORMS
    toks: list[Tok] = []
    for orth, idx in doc.to_array([ORTH, IDX]).tolist():
        try:
            form = forms[orth]
        except KeyError:
            lex = doc.vocab[orth]
            text = lex.orth_
            if lex.is_space:
                form = None
            else:
                lemmas = default_candidates().candidates(text, "")
                form = (text, fold(text), lemmas, bool(lex.like_url or lex.like_email))
            if len(forms) > 500_000:
                forms.clear()
            forms[orth] = form
        if form is not None:
            toks.append(Tok(len(toks), form[0], idx, form[1], form[2], form[3]))
    return toks


class StigmaLinter:
    """Finds stigmatising terms and framings; see :mod:`stigmalint.matching`."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        locale: str,
        extra_lexicons: Sequence[str],
        apply_filters: bool,
        spans_key: str,
    ) -> None:
        self.name = name
        self.locale = locale
        self.extra_lexicons = [str(p) for p in extra_lexicons]
        self.apply_filters = apply_filters
        self.spans_key = spans_key
        self._lexicon_dir: Path | None = None
        self._build()

    def _build(self) -> None:
        from stigmalint import startup
        from stigmalint.matching.compiled import CompiledLexicon
        from stigmalint.matching.matcher import Matcher
        from stigmalint.nlp.tables import lemma_tables
        from stigmalint.rules import load_lexicon
        from stigmalint.rules.resources import lexicon_files

        if self._lexicon_dir is None:  # the bundled lexicon: validated once, then cached
            self.lexicon = startup.lexicon(self.extra_lexicons, self.locale)
        else:
            self.lexicon = load_lexicon(
                lexicon_files(self._lexicon_dir), extra=[Path(p) for p in self.extra_lexicons]
            ).for_locale(self.locale)
        tables = lemma_tables()

        def adjective_lemma(tok: Any) -> str | None:
            for p in ("adj",):
                for lem in tables.exc[p].get(tok.text.lower(), ()):
                    return str(lem)
            looked = tables.lookup.get(tok.text.lower())
            return looked if looked and looked != tok.text.lower() else None

        self.matcher = Matcher(CompiledLexicon.build(self.lexicon), tables.is_word, adjective_lemma)

    def find(self, doc: Doc) -> list[Finding]:
        scope = doc.user_data.get(SCOPE_KEY, "any")
        topics = doc.user_data.get(TOPICS_KEY)
        findings = self.matcher.find(doc_tokens(doc), doc.text, scope, topics)
        if self.apply_filters and findings:
            from stigmalint.filters import apply_filters

            findings = apply_filters(doc.text, findings, self.lexicon)
        return findings

    def __call__(self, doc: Doc) -> Doc:
        findings = self.find(doc)
        spans = []
        store: dict[tuple[int, int, str], Finding] = {}
        for f in findings:
            span = doc.char_span(f.start, f.end, label=f.rule, alignment_mode="expand")
            if span is None:  # pragma: no cover - offsets always come from tokens
                continue
            spans.append(span)
            store[(span.start_char, span.end_char, f.rule)] = f
        doc.spans[self.spans_key] = spans
        doc.user_data[USER_DATA_KEY] = store
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # -- serialisation: the lexicon files are the component's data ---------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        for f in self.lexicon.files:
            shutil.copy(f, out / Path(f).name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StigmaLinter:
        self._lexicon_dir = Path(path)
        self.extra_lexicons = []
        self._build()
        return self


@Language.factory(
    "stigmalint",
    default_config={
        "locale": "nl-NL",
        "extra_lexicons": [],
        "apply_filters": True,
        "spans_key": SPANS_KEY,
    },
    requires=["token.text"],
    assigns=["doc.spans"],
)
def make_stigmalint(
    nlp: Language,
    name: str,
    locale: str,
    extra_lexicons: list[str],
    apply_filters: bool,
    spans_key: str,
) -> StigmaLinter:
    return StigmaLinter(
        nlp,
        name,
        locale=locale,
        extra_lexicons=extra_lexicons,
        apply_filters=apply_filters,
        spans_key=spans_key,
    )
