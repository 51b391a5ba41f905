"""Pickle compiled regular expressions *compiled*, so cached objects load in milliseconds.

Python pickles a ``re.Pattern`` as its source and recompiles it on load. For the
large patterns stigmalint builds (the pre-scan trie, spaCy's Dutch affix rules,
the lexicon's compound search) that recompilation costs hundreds of milliseconds
at every start, which is most of what a pre-commit run on a clean file would take.

The regex engine itself accepts ready-made code: ``_sre.compile`` is what
``re.compile`` calls after parsing. :func:`pickler` therefore stores that code
next to the source, and :func:`_thaw` hands it straight to the engine. The code
format belongs to one CPython version, so it is tagged with the interpreter
version and the engine's magic number; on any mismatch or error the pattern is
simply recompiled from its source, as a plain pickle would.
"""

from __future__ import annotations

import _sre
import copyreg
import importlib
import pickle
import re
import sys
from typing import IO, Any


def _internal(name: str, before_311: str) -> Any:
    """The regex compiler's own modules (``re._parser`` …; ``sre_parse`` … before 3.11)."""
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - CPython 3.10
        return importlib.import_module(before_311)


_sre_compile = _internal("re._compiler", "sre_compile")
_sre_constants = _internal("re._constants", "sre_constants")
_sre_parse = _internal("re._parser", "sre_parse")

_TAG = (sys.implementation.name, sys.version_info[:2], getattr(_sre_constants, "MAGIC", None))


def _thaw(
    pattern: str | bytes,
    flags: int,
    code: list[int] | None = None,
    groups: int = 0,
    groupindex: dict[str, int] | None = None,
    indexgroup: tuple[str | None, ...] = (),
    tag: object = None,
) -> re.Pattern[Any]:
    if code is not None and tag == _TAG:
        try:
            rx: re.Pattern[Any] = _sre.compile(
                pattern, flags, code, groups, groupindex or {}, indexgroup
            )
            return rx
        except Exception:  # pragma: no cover - a corrupt cache entry: recompile
            pass
    return re.compile(pattern, flags)


def _freeze(rx: re.Pattern[Any]) -> tuple[Any, tuple[Any, ...]]:
    """The pickle recipe of a compiled pattern: its source, flags and engine code."""
    try:
        parsed = _sre_parse.parse(rx.pattern, rx.flags)
        code = [int(c) for c in _sre_compile._code(parsed, rx.flags)]
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in state.groupdict.items():
            indexgroup[i] = name
        return _thaw, (
            rx.pattern,
            rx.flags | state.flags,
            code,
            state.groups - 1,
            dict(state.groupdict),
            tuple(indexgroup),
            _TAG,
        )
    except Exception:  # pragma: no cover - unexpected internals: pickle the source only
        return _thaw, (rx.pattern, rx.flags)


def pickler(fh: IO[bytes]) -> pickle.Pickler:
    """A pickler that stores compiled patterns with their engine code."""
    p = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
    table = copyreg.dispatch_table.copy()
    table[re.Pattern] = _freeze
    p.dispatch_table = table
    return p
