"""Which files a ``check`` covers, and reading them without ever losing the others.

Explicitly named files are always checked (pre-commit passes files by name, and
a linter that refuses them breaks hooks, as alex users found). Directories are
walked for the supported extensions, skipping version-control and virtualenv
folders. Problems become per-path error messages, never exceptions.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stigmalint.readers import DIRECTORY_EXTENSIONS

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


def walk(directory: Path, extensions: frozenset[str] = DIRECTORY_EXTENSIONS) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIP_DIRS and not d.startswith(".") and not _is_venv(Path(root, d))
        )
        for name in sorted(files):
            if Path(name).suffix.lower() in extensions and not name.startswith("."):
                yield Path(root, name)


def collect(paths: Iterable[str]) -> list[Target]:
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            targets.append(Target("-", stdin=True))
            continue
        p = Path(raw)
        if p.is_dir():
            found = list(walk(p))
            if not found:
                targets.append(Target(raw, error="map bevat geen tekstbestanden (.txt, .md)"))
            for f in found:
                key = str(f)
                if key not in seen:
                    seen.add(key)
                    targets.append(Target(key))
        elif p.exists():
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
