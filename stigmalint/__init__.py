"""stigmalint: flags stigmatising language about sex work in Dutch government texts.

The public API is deliberately small:

* :func:`load` builds the spaCy pipeline (blank Dutch + lookup lemmas, or
  ``nl_core_news_sm`` when installed) with the ``stigmalint`` component;
* :class:`stigmalint.engine.Linter` checks whole documents the way the CLI does.

spaCy is imported lazily: importing this package must stay cheap, because the CLI
decides per text whether spaCy is needed at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


def load(model: str = "auto", **component_config: Any) -> Language:
    """Return a Dutch spaCy pipeline that ends with the ``stigmalint`` component.

    ``model`` is ``"auto"`` (``nl_core_news_sm`` when installed, else the embedded
    blank pipeline), ``"blank"``, or the name of an installed spaCy package.
    """
    from stigmalint.nlp.spacy_import import import_spacy

    import_spacy()
    from stigmalint.nlp.pipeline import load as _load

    return _load(model, **component_config)


__all__ = ["__version__", "load"]
