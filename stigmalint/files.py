"""Which files a ``check`` covers, and reading them without ever losing the others.

Explicitly named files are always checked (pre-commit passes files by name, and
a linter that refuses them breaks hooks, as alex users found), unless
``force_exclude`` asks to apply ``exclude`` to them too (the pre-commit hook does,
as ruff's does). Directories are walked for the supported extensions, skipping
version-control and virtualenv folders, Office lock files (``~$nota.docx``),
what git ignores and what the configuration's ``exclude`` says. Problems become
per-path error messages, never exceptions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stigmalint.readers import DIRECTORY_EXTENSIONS

# (path, is_dir) -> skip it?
Skip = Callable[[Path, bool], bool]

SKIP_DIRS = {
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", "site-packages", ".eggs", "build", "dist",
}  # fmt: skip
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Target:
    path: str  # as shown to the user
    stdin: bool = False
    error: str | None = None


def _is_venv(d: Path) -> bool:
    return (d / "pyvenv.cfg").is_file()


def walk(
    directory: Path,
    extensions: frozenset[str] = DIRECTORY_EXTENSIONS,
    *,
    skip: Skip | None = None,
    gitignore: bool = True,
) -> Iterator[Path]:
    from stigmalint.gitignore import Ignored

    ignored = Ignored.under(directory) if gitignore else None
    for root, dirs, files in os.walk(directory):
        kept = []
        for d in sorted(dirs):
            path = Path(root, d)
            if d in SKIP_DIRS or d.startswith(".") or _is_venv(path):
                continue
            if (ignored and ignored(path, is_dir=True)) or (skip and skip(path, True)):
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            if Path(name).suffix.lower() not in extensions or name.startswith((".", "~$")):
                continue
            path = Path(root, name)
            if (ignored and ignored(path, is_dir=False)) or (skip and skip(path, False)):
                continue
            yield path


def collect(
    paths: Iterable[str],
    *,
    skip: Skip | None = None,
    force_exclude: bool = False,
    gitignore: bool = True,
) -> list[Target]:
    """Targets for ``paths``; ``skip`` applies to walked paths (and explicit ones if forced)."""
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            targets.append(Target("-", stdin=True))
            continue
        p = Path(raw)
        if p.is_dir():
            if force_exclude and skip and skip(p, True):
                continue
            found = list(walk(p, skip=skip, gitignore=gitignore))
            if not found:
                exts = ", ".join(sorted(DIRECTORY_EXTENSIONS))
                message = f"map bevat geen tekstbestanden of documenten ({exts})"
                targets.append(Target(raw, error=message))
            for f in found:
                key = str(f)
                if key not in seen:
                    seen.add(key)
                    targets.append(Target(key))
        elif p.exists():
            if force_exclude and skip and skip(p, False):
                continue
            if str(p) not in seen:
                seen.add(str(p))
                targets.append(Target(raw))
        else:
            targets.append(Target(raw, error="bestand of map bestaat niet"))
    return targets


def read_bytes(target: Target) -> bytes:
    """Read a target; raises ``OSError``/``ValueError`` with a Dutch message."""
    import sys

    if target.stdin:
        return sys.stdin.buffer.read()
    size = os.path.getsize(target.path)
    if size > MAX_BYTES:
        raise ValueError(f"bestand is te groot ({size >> 20} MB; maximaal {MAX_BYTES >> 20} MB)")
    with open(target.path, "rb") as fh:
        return fh.read()
