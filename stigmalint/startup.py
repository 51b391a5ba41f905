"""What a run needs before it reads the first file, cached so that start-up is cheap.

pre-commit starts stigmalint on every commit, mostly for files with nothing to
report, so start-up *is* the run time there. These things are expensive to build
and never change between runs of the same installation:

* the pre-scan (it needs the validated lexicon and the lemma tables) — the only
  thing a run over clean files needs;
* the validated lexicon (YAML parsing and validation), needed once a file has a
  candidate sentence;
* the lemma tables themselves (cached by :mod:`stigmalint.nlp.tables`).

Each is pickled once into the user's cache folder, compiled regexes included
(:mod:`stigmalint.frozen_re`). Its key is everything it depends on: the size,
modification time and checksums of every lexicon file, the locale, the versions of
Python, spaCy and spacy-lookups-data, and the size and modification time of every
stigmalint source file (so an edited checkout never reads a stale cache). The full
key is stored in the file and compared on load; the file name only needs to be
short. Nothing here imports spaCy, YAML or hashlib (each would cost start-up time).

Every edit of a lexicon or an upgrade writes new files, so the folder is pruned
as it is written: of each kind, the :data:`KEEP` most recently used files stay.
A cache hit marks its file as used (at most once a day, one ``utime`` call).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from stigmalint.util import package_version, write_cache

if TYPE_CHECKING:  # pragma: no cover
    from stigmalint.rules.model import Lexicon
    from stigmalint.text.prescan import Prescanner

_FORMAT = 1
KEEP = 8  # cache files kept per kind (one per lexicon/locale/installation in use)
_DAY = 86400.0
_PACKAGE = Path(__file__).resolve().parent
T = TypeVar("T")


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Size and modification time of every source file of the package."""
    parts = []
    todo = [str(_PACKAGE)]
    while todo:
        folder = todo.pop()
        with os.scandir(folder) as it:
            for e in it:
                if e.is_dir() and e.name != "__pycache__":
                    todo.append(e.path)
                elif e.name.endswith(".py"):
                    st = e.stat()
                    parts.append(f"{e.path}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(sorted(parts))


def cache_key(*parts: str) -> str:
    """A cache key: ``parts`` plus the installation (Python, spaCy, lookups data, our sources)."""
    return "\0".join(
        (
            str(_FORMAT),
            sys.version,
            package_version("spacy"),
            package_version("spacy_lookups_data"),
            _code_stamp(),
            *parts,
        )
    )


def _short(key: str) -> str:
    data = key.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def cached(name: str, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """Load ``name-….pickle`` from the cache folder if it was stored under ``key``;
    otherwise build the object and store it."""
    from stigmalint.nlp.tables import cache_dir

    mem = _LOADED.get((name, key))
    if isinstance(mem, kind):  # Linters of one lexicon (per-folder configuration) share it
        return mem
    path = cache_dir() / f"{name}-{_short(key)}.pickle"
    obj: T | None = None
    try:
        with path.open("rb") as fh:
            stored_key, stored = pickle.load(fh)
            if stored_key == key and isinstance(stored, kind):
                obj = stored
                _mark_used(fh.fileno(), path)
    except Exception:
        pass  # missing, unreadable or from another version: rebuild
    if obj is None:
        obj = build()
        write_cache(path, (key, obj))
        prune(path.parent, name)
    if len(_LOADED) > 16:
        _LOADED.clear()
    _LOADED[(name, key)] = obj
    return obj


_LOADED: dict[tuple[str, str], object] = {}


def _mark_used(fd: int, path: Path) -> None:
    import time

    now = time.time()
    try:
        if now - os.fstat(fd).st_mtime > _DAY:
            os.utime(path, (now, now))
    except OSError:
        pass  # a read-only cache folder still serves hits


def prune(folder: Path, name: str, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` most recently used ``name-*.pickle`` files."""
    try:
        with os.scandir(folder) as it:
            files = [
                (e.stat().st_mtime, e.path)
                for e in it
                if e.name.startswith(name + "-") and e.name.endswith(".pickle")
            ]
    except OSError:
        return
    files.sort(reverse=True)
    for _, old in files[keep:]:
        with contextlib.suppress(OSError):  # removed by another process; read-only folder
            os.unlink(old)


def _lexicon_key(extra: Sequence[str | Path], locale: str) -> str | None:
    """The key of everything built from the lexicon; ``None`` if a file cannot be read."""
    from stigmalint.rules.resources import default_lexicon_dir, lexicon_files

    parts = [locale]
    try:
        for f in [*lexicon_files(default_lexicon_dir()), *(Path(p) for p in extra)]:
            data = f.read_bytes()
            parts.append(f"{f}:{len(data)}:{zlib.crc32(data)}:{zlib.adler32(data)}")
    except OSError:
        return None
    return cache_key(*parts)


def _load_lexicon(extra: Sequence[str | Path], locale: str) -> Lexicon:
    from stigmalint.rules import load_lexicon

    return load_lexicon(extra=extra).for_locale(locale)


def lexicon(extra: Sequence[str | Path], locale: str) -> Lexicon:
    """The validated lexicon for ``locale``, from the cache when possible.

    Errors are raised exactly as :func:`stigmalint.rules.load_lexicon` raises them: an
    invalid lexicon is never cached, so it is validated again on every run.
    """
    from stigmalint.rules.model import Lexicon

    key = _lexicon_key(extra, locale)
    if key is None:
        return _load_lexicon(extra, locale)  # let the loader report the unreadable file
    return cached("lexicon", key, lambda: _load_lexicon(extra, locale), Lexicon)


def prescanner(extra: Sequence[str | Path], locale: str) -> Prescanner:
    """The pre-scan of the lexicon; on a cache hit, the lexicon itself is not loaded."""
    from stigmalint.text.prescan import Prescanner

    def build() -> Prescanner:
        return Prescanner.from_lexicon(lexicon(extra, locale))

    key = _lexicon_key(extra, locale)
    if key is None:
        return build()
    return cached("prescan", key, build, Prescanner)
