"""Import spaCy without its command line, before the pipeline is built.

``spacy/__init__.py`` imports ``spacy.cli.info`` only to offer ``spacy.info()``,
and that drags in typer, requests, httpx, jinja2 and weasel: about 0.45 s of a
1.4 s import that a linter checking one file pays for nothing. While ``import spacy`` runs, a
placeholder stands in for ``spacy.cli``; afterwards the placeholder is removed
again, so ``import spacy.cli`` anywhere later in the process imports the real
one, and ``spacy.info()`` still works (it imports the real function on first
use). If spaCy was already imported, nothing changes.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as spaCy defines it, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy (without ``spacy.cli``) unless it is imported already."""
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that "spacy.cli.info" resolves below it
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    try:
        import spacy
    finally:
        for name, stub in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # type: ignore[attr-defined]
