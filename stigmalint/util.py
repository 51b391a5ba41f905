"""Small helpers shared by modules that must not import each other."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from stigmalint.frozen_re import pickler


def write_cache(path: Path, obj: Any) -> None:
    """Atomically pickle ``obj`` to ``path``; a read-only cache folder is not an error."""
    import tempfile  # not at import time: it pulls in shutil, bz2 and lzma

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickler(fh).dump(obj)  # compiled regexes stay compiled (see frozen_re)
        os.replace(tmp, path)
    except OSError:
        pass  # we simply pay the build again next time


def package_version(module: str) -> str:
    """The version of an installed package, read from its source.

    Neither importing the package (spaCy: over a second) nor ``importlib.metadata``
    (tens of milliseconds) is affordable at start-up; both spaCy and
    spacy-lookups-data keep ``__version__`` in ``about.py``.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return "missing"
    folder = Path(spec.origin).parent
    for name in ("about.py", "__about__.py", "__init__.py"):
        try:
            text = (folder / name).read_text(encoding="utf-8")
        except OSError:
            continue
        m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.MULTILINE)
        if m:
            return m.group(1)
    st = os.stat(spec.origin)
    return f"{st.st_size}-{st.st_mtime_ns}"
