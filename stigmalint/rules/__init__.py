"""The lexicon: schema v1 model, pattern language and validating loader.

The loader and the model are imported on first use (PEP 562 ``__getattr__``): a run
over clean files needs neither, only :class:`LexiconError`, and importing them
(YAML, dozens of dataclasses) is a noticeable part of such a run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from stigmalint.rules.errors import LexiconError

if TYPE_CHECKING:  # pragma: no cover
    from stigmalint.rules.loader import load_lexicon
    from stigmalint.rules.model import Entry, Lexicon

_LAZY = {
    "load_lexicon": "stigmalint.rules.loader",
    "Entry": "stigmalint.rules.model",
    "Lexicon": "stigmalint.rules.model",
}

__all__ = ["Entry", "Lexicon", "LexiconError", "load_lexicon"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
