"""Walking folders: every supported format, skipped folders, .gitignore (git and fallback)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from stigmalint.files import collect, walk

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")


def _names(root: Path, **kwargs: object) -> list[str]:
    return [p.relative_to(root).as_posix() for p in walk(root, **kwargs)]  # type: ignore[arg-type]


def test_walk_finds_every_format_and_skips_tool_folders(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        [
            "a.md", "b.markdown", "c.html", "d.htm", "e.docx", "f.odt", "g.txt", "h.py",
            "~$concept.docx", ".verborgen.md", ".git/x.md", "node_modules/y.md",
            "env/z.md", "docs/i.md",
        ],
    )  # fmt: skip
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    assert _names(tmp_path) == [
        "a.md", "b.markdown", "c.html", "d.htm", "e.docx", "f.odt", "g.txt", "docs/i.md",
    ]  # fmt: skip


def _git_repo(root: Path) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("build-uit/\n*.html\n!behouden.html\n")
    (root / "docs" / ".gitignore").parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / ".gitignore").write_text("concept-*.md\n")
    _tree(
        root,
        ["nota.md", "pagina.html", "behouden.html", "build-uit/x.md", "docs/concept-1.md",
         "docs/definitief.md"],
    )  # fmt: skip


@needs_git
def test_gitignore_is_honoured_inside_a_checkout(tmp_path: Path) -> None:
    _git_repo(tmp_path)
    expected = ["behouden.html", "nota.md", "docs/definitief.md"]
    assert _names(tmp_path) == expected
    assert _names(tmp_path / "docs") == ["definitief.md"]
    assert len(_names(tmp_path, gitignore=False)) == 6


@needs_git
def test_gitignore_fallback_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _git_repo(tmp_path)
    empty = tmp_path / "geen-git"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # "git" cannot be found: pure-Python rules
    assert _names(tmp_path) == ["behouden.html", "nota.md", "docs/definitief.md"]


def test_gitignore_means_nothing_outside_a_checkout(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n")
    _tree(tmp_path, ["nota.md"])
    assert _names(tmp_path) == ["nota.md"]


@needs_git
def test_named_files_are_checked_even_when_ignored(tmp_path: Path) -> None:
    _git_repo(tmp_path)
    targets = collect([str(tmp_path / "pagina.html"), str(tmp_path / "docs")])
    assert [Path(t.path).name for t in targets] == ["pagina.html", "definitief.md"]
