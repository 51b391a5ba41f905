"""Which pipeline ``--model`` means, decided without importing spaCy."""

from __future__ import annotations

import importlib.util

MODEL_PACKAGE = "nl_core_news_sm"


def resolve_model(model: str) -> str:
    """``auto`` → the installed ``nl_core_news_sm``, else ``blank``."""
    if model == "auto":
        return MODEL_PACKAGE if importlib.util.find_spec(MODEL_PACKAGE) else "blank"
    return model
