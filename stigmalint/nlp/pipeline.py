"""Build the Dutch pipeline: ``nl_core_news_sm`` when installed, else the embedded default.

Embedded default (no model download needed, works offline):
``spacy.blank("nl")`` + tokenizer fixes + the Dutch ``lemmatizer`` in lookup mode
(tables from spacy-lookups-data) + ``stigmalint_lemmas`` (lemma candidates) +
``stigmalint``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import spacy
from spacy.language import Language
from spacy.lookups import Lookups, Table

from stigmalint.errors import ModelError
from stigmalint.nlp.models import MODEL_PACKAGE, resolve_model
from stigmalint.nlp.tokenizer import TOKENIZER_NAME, customise_tokenizer

__all__ = ["MODEL_PACKAGE", "load", "resolve_model"]


class _StringKeyTable(Table):
    """A lookup table that reads a plain ``dict`` without hashing its 212k keys.

    spaCy's ``Table`` hashes every key on construction (over a second here); the
    lookup lemmatizer only calls ``get(token.text)``, so a view on the dict we
    already hold is enough. Serialisation writes an ordinary table.
    """

    def __init__(self, name: str, data: Mapping[str, str]) -> None:
        super().__init__(name=name)
        self._data = data

    def get(self, key: Any, default: Any = None) -> Any:
        if isinstance(key, str):
            return self._data.get(key, default)
        return super().get(key, default)

    def __contains__(self, key: Any) -> bool:
        return key in self._data if isinstance(key, str) else super().__contains__(key)

    def to_bytes(self) -> bytes:
        return Table(self.name, dict(self._data)).to_bytes()


def _lookup_lemmatizer(nlp: Language) -> None:
    from stigmalint.nlp.tables import lemma_tables

    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups._tables["lemma_lookup"] = _StringKeyTable("lemma_lookup", lemma_tables().lookup)
    lemmatizer.initialize(lookups=lookups)  # type: ignore[attr-defined]


def load(model: str = "auto", **component_config: Any) -> Language:
    name = resolve_model(model)
    if name == "blank":
        nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
        _lookup_lemmatizer(nlp)
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelError(
                f"model {name!r} kan niet geladen worden ({exc.__class__.__name__}); "
                "gebruik --model blank of installeer het model"
            ) from None
        if nlp.lang != "nl":
            raise ModelError(f"model {name!r} is geen Nederlands model (taal {nlp.lang!r})")
        customise_tokenizer(nlp)
    nlp.add_pipe("stigmalint_lemmas")
    nlp.add_pipe("stigmalint", config=component_config)
    return nlp
