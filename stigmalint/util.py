"""Small helpers shared by modules that must not import each other."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from stigmalint.frozen_re import pickler


def write_atomic(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through a temporary file, so a reader never sees half a file;
    a read-only cache folder is not an error (the cache is simply built again)."""
    import tempfile  # not at import time: it pulls in shutil, bz2 and lzma

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except OSError:
        pass


def write_cache(path: Path, obj: Any) -> None:
    """Atomically pickle ``obj`` to ``path``, compiled regexes staying compiled (frozen_re)."""
    write_atomic(path, lambda fh: pickler(fh).dump(obj))


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
