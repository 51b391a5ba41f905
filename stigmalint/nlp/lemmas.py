"""Tagger-free lemma *candidates* for every token.

Without a POS tagger, spaCy's Dutch rule lemmatizer cannot choose between the
noun and the verb reading of a word, and the lookup table misses many forms
(``hoeren``, ``meisjes``, ``kwam``, ``slachtoffers``). A linter only needs to know
whether a lexicon lemma is *among* the plausible lemmas, so each token gets the
union of: its folded form, the lookup lemma, the exception lemmas and the
rule-mode lemma under NOUN, VERB and ADJ. On held-out Dutch this set contains the
right lemma for ~93 % of tokens (spike in ``../shared/guidance/spacy-nl.md``).

With ``nl_core_news_sm`` the model's own lemma (and POS) is added to the set.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from stigmalint.nlp.tables import POS, LemmaTables, lemma_tables
from stigmalint.text.fold import fold

USER_DATA_KEY = "stigmalint.lemmas"

if not Token.has_extension("lemmas"):
    Token.set_extension("lemmas", getter=lambda t: token_lemmas(t))


def token_lemmas(token: Token) -> frozenset[str]:
    stored = token.doc.user_data.get(USER_DATA_KEY)
    if stored is not None and token.i < len(stored):
        cands: frozenset[str] = stored[token.i]
        return cands
    return default_candidates().candidates(token.text, token.lemma_)


class LemmaCandidates:
    """Computes candidate sets; results are cached per surface form."""

    def __init__(self, tables: LemmaTables) -> None:
        self.tables = tables
        self._cache: dict[tuple[str, str], frozenset[str]] = {}

    def candidates(self, text: str, model_lemma: str = "", pos: str = "") -> frozenset[str]:
        key = (text, model_lemma)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        lower = text.lower().replace("’", "'")
        out = {fold(text)}
        if model_lemma:
            out.add(fold(model_lemma))
        t = self.tables
        looked = t.lookup.get(lower)
        if looked:
            out.add(fold(looked))
        poses = (pos.lower(),) if pos.lower() in POS else POS
        for p in poses:
            index = t.index[p]
            if lower in index:
                out.add(fold(lower))
            for lemma in t.exc[p].get(lower, ()):
                out.add(fold(lemma))
            for old, new in t.rules[p]:
                if lower.endswith(old):
                    form = lower[: len(lower) - len(old)] + new
                    if form and form in index:
                        out.add(fold(form))
        result = frozenset(out)
        if len(self._cache) < 500_000:
            self._cache[key] = result
        return result


_DEFAULT: LemmaCandidates | None = None


def default_candidates() -> LemmaCandidates:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LemmaCandidates(lemma_tables())
    return _DEFAULT


class LemmaCandidatesComponent:
    """Stores one candidate set per token in ``doc.user_data`` (read via ``token._.lemmas``)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._cands = default_candidates()

    def __call__(self, doc: Doc) -> Doc:
        cand = self._cands.candidates
        use_pos = doc.has_annotation("POS")
        doc.user_data[USER_DATA_KEY] = [
            cand(t.text, t.lemma_ if t.lemma_ != t.text else "", t.pos_ if use_pos else "")
            for t in doc
        ]
        return doc


@Language.factory("stigmalint_lemmas", default_config={})
def make_lemma_candidates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return LemmaCandidatesComponent(nlp, name)
