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

from stigmalint.nlp.candidates import LemmaCandidates, default_candidates

__all__ = ["USER_DATA_KEY", "LemmaCandidates", "default_candidates", "token_lemmas"]

USER_DATA_KEY = "stigmalint.lemmas"

if not Token.has_extension("lemmas"):
    Token.set_extension("lemmas", getter=lambda t: token_lemmas(t))


def token_lemmas(token: Token) -> frozenset[str]:
    stored = token.doc.user_data.get(USER_DATA_KEY)
    if stored is not None and token.i < len(stored):
        cands: frozenset[str] = stored[token.i]
        return cands
    return default_candidates().candidates(token.text, token.lemma_)


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
