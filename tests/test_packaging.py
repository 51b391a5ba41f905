"""A non-editable install (what pre-commit does) must carry and find the lexicon."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-w", str(out), "-q"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    (whl,) = out.glob("stigmalint-*.whl")
    return whl


def test_wheel_contains_the_lexicon_and_entry_points(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("stigmalint/_lexicon/")}
    in_repo = {p.name for p in (ROOT / "lexicon").glob("*.yaml")}
    assert in_repo <= shipped
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert (
        "[spacy_factories]" in text
        and "stigmalint = stigmalint.nlp.component:make_stigmalint" in text
    )
    assert "[console_scripts]" in text


def test_installed_wheel_finds_its_lexicon_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
            "-q",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    draft = tmp_path / "nota.txt"
    draft.write_text("De prostituees werken in de raamprostitutie.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import stigmalint.rules.resources as r, sys\n"
        "print(r.default_lexicon_dir())\n"
        "from stigmalint.cli import main\n"
        "main(['check', 'nota.txt'])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith(str(target)) and first.endswith("_lexicon")
    assert "[prostituee]" in proc.stdout and "[prostitutie]" in proc.stdout
