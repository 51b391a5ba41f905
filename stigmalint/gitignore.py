"""Which files git ignores, so that ``stigmalint check DIR`` skips them as git does.

Inside a git checkout, git itself answers (``git ls-files --others --ignored
--exclude-standard --directory``: one process per walked folder, and git's own
rules, global excludes included). Where git is missing or refuses (a CI
container owned by another user), a pure-Python fallback reads ``.gitignore``
files and ``.git/info/exclude`` with gitignore semantics (pathspec): deeper
files override shallower ones, as in git. Outside a checkout nothing is ignored.
Tracked files are never "ignored", in git or here (the fallback cannot know what
is tracked and treats every matching file as ignored).
"""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

GIT_TIMEOUT = 30  # seconds


def repository_root(folder: Path) -> Path | None:
    d = folder.absolute()
    while True:
        if (d / ".git").exists():
            return d
        if d.parent == d:
            return None
        d = d.parent


class Ignored:
    """``ignored(path, is_dir)`` for paths under ``root`` (a folder being walked)."""

    def __init__(self, root: Path, repo: Path) -> None:
        self.root, self.repo = root, repo
        self._files: set[str] | None = None
        self._dirs: set[str] = set()
        listed = self._ask_git()
        if listed is not None:
            self._files = {p for p in listed if not p.endswith("/")}
            self._dirs = {p for p in listed if p.endswith("/")}

    @classmethod
    def under(cls, root: Path) -> Ignored | None:
        repo = repository_root(root)
        return None if repo is None else cls(root, repo)

    def _ask_git(self) -> list[str] | None:
        cmd = ["git", "-C", str(self.root), "ls-files", "--others", "--ignored",
               "--exclude-standard", "--directory", "-z"]  # fmt: skip
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=GIT_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        if proc.returncode != 0:
            return None
        return [p for p in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if p]

    def __call__(self, path: Path, *, is_dir: bool) -> bool:
        try:
            rel = path.relative_to(self.root).as_posix()
        except ValueError:
            return False
        if self._files is not None:
            return (rel + "/") in self._dirs if is_dir else rel in self._files
        return _fallback_ignored(self.repo, path.absolute(), is_dir)


@lru_cache(maxsize=1024)
def _spec_of(folder: Path) -> Any:
    import pathspec

    lines: list[str] = []
    if (folder / ".git").is_dir():
        lines += _lines(folder / ".git" / "info" / "exclude")
    lines += _lines(folder / ".gitignore")
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _fallback_ignored(repo: Path, path: Path, is_dir: bool) -> bool:
    """Deeper .gitignore files override shallower ones; within one file the last match wins."""
    decision: bool | None = None
    folders = [repo, *[p for p in reversed(path.parents) if repo in p.parents]]
    for folder in folders:
        spec = _spec_of(folder)
        if spec is None:
            continue
        rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
        result = spec.check_file(rel)
        if result.include is not None:
            decision = result.include
    return bool(decision)
