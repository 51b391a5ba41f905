"""Lemma candidates of one word form, without spaCy (used by both pipelines).

See :mod:`stigmalint.nlp.lemmas` for why a token gets a *set* of lemmas.
"""

from __future__ import annotations

from stigmalint.nlp.tables import POS, LemmaTables
from stigmalint.text.fold import fold


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
    """One shared instance (with its cache) per process."""
    global _DEFAULT
    if _DEFAULT is None:
        from stigmalint.nlp.tables import lemma_tables

        _DEFAULT = LemmaCandidates(lemma_tables())
    return _DEFAULT
