"""--jobs: the same report, in the same order, whatever the number of processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stigmalint import parallel


def _check(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stigmalint", "check", *args], capture_output=True, text=True
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    texts = [
        "Het kabinet wil de prostitutie reguleren.",
        "De gemeente praat met sekswerkers over het beleid.",
        "Hoerenlopers en pooiers worden genoemd in het rapport.",
        "Er is niets bijzonders aan deze zin.",
    ]
    for i in range(12):
        (tmp_path / f"nota{i:02d}.md").write_text(texts[i % 4] + "\n", encoding="utf-8")
    (tmp_path / "kapot.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return tmp_path


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs needs fork")
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_give_the_same_report(tree: Path, fmt: str) -> None:
    one = _check(["--format", fmt, "--jobs", "1", str(tree)])
    two = _check(["--format", fmt, "--jobs", "3", str(tree)])
    assert one.returncode == two.returncode == 2  # findings, and one unreadable file
    assert one.stdout == two.stdout and "prostitutie" in one.stdout
    assert one.stderr == two.stderr and "kapot.txt" in one.stderr


def test_map_ordered_keeps_order_and_raises_in_order() -> None:
    items = list(range(40))
    assert parallel.map_ordered(lambda x: x * x, items, 4) == [x * x for x in items]

    def boom(x: int) -> int:
        if x in (7, 30):
            raise ValueError(f"item {x}")
        return x

    with pytest.raises(ValueError, match="item 7"):
        parallel.map_ordered(boom, items, 4)


def test_automatic_jobs_only_for_many_large_files(tmp_path: Path) -> None:
    small = []
    for i in range(10):
        p = tmp_path / f"s{i}.txt"
        p.write_text("kort\n", encoding="utf-8")
        small.append(str(p))
    assert parallel.choose_jobs(0, small) == 1  # many files, but tiny
    assert parallel.choose_jobs(0, small[:3]) == 1  # few files
    big = []
    for i in range(10):
        p = tmp_path / f"b{i}.txt"
        p.write_text("woord " * 10_000, encoding="utf-8")
        big.append(str(p))
    assert parallel.choose_jobs(0, big) == parallel.cpu_count()
    assert parallel.choose_jobs(3, small) == 3  # an explicit number is obeyed


_PREPARED: list[str] = []


def _prepare() -> None:
    _PREPARED.append("klaar")


def _first(x: int) -> int | None:
    return None if x % 2 else x * 10


def _full(x: int) -> tuple[int, bool]:
    return x * 10, bool(_PREPARED)  # a forked worker sees what the parent prepared


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs needs fork")
@pytest.mark.parametrize("count", [40, 9])  # many items left over: forked again; few: here
def test_map_deferred_prepares_once_and_keeps_order(count: int) -> None:
    _PREPARED.clear()
    items = list(range(count))
    got = parallel.map_deferred(_first, _full, items, 3, _prepare)
    assert _PREPARED == ["klaar"]  # in this process, once
    assert [g if isinstance(g, int) else g[0] for g in got] == [x * 10 for x in items]
    assert all(g[1] for g in got if not isinstance(g, int))  # odd items: after prepare


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs needs fork")
def test_map_deferred_without_leftovers_prepares_nothing() -> None:
    _PREPARED.clear()
    assert parallel.map_deferred(lambda x: x, _full, [2, 4, 6], 2, _prepare) == [2, 4, 6]
    assert _PREPARED == []


def test_the_first_pass_defers_exactly_the_files_that_need_spacy(tmp_path: Path) -> None:
    """Without building the pipeline, a clean file is checked and a candidate deferred;
    spaCy is not imported for that (a fresh process, as a worker of the first phase)."""
    (tmp_path / "schoon.md").write_text("De kapper knipt vandaag.\n", encoding="utf-8")
    (tmp_path / "vondst.md").write_text("Er werken drie prostituees.\n", encoding="utf-8")
    code = f"""
import sys
from stigmalint.checking import Checker, CheckOptions
checker = Checker(CheckOptions())
targets = checker.targets([{str(tmp_path)!r}])
found = [checker.check_without_pipeline(t) for t in targets]
print([None if r is None else len(r.findings) for r in found], "spacy" in sys.modules)
print(len(checker.check(targets[1]).findings))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.splitlines() == ["[0, None] False", "1"], out.stderr


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs needs fork")
def test_map_deferred_when_every_item_needs_the_pipeline() -> None:
    """A dense tree: the first phase gives up early, and every result is still there."""
    _PREPARED.clear()
    items = list(range(300))
    got = parallel.map_deferred(lambda x: None, _full, items, 2, _prepare)
    assert [g[0] for g in got] == [x * 10 for x in items]  # type: ignore[index]
    assert all(g[1] for g in got)  # type: ignore[index]
    assert _PREPARED == ["klaar"]
