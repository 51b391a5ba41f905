"""The start-up cache: what it keeps, what it prunes, and that its keys are stable."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stigmalint import startup


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STIGMALINT_CACHE_DIR", str(tmp_path))
    startup._LOADED.clear()
    yield tmp_path
    startup._LOADED.clear()


def _stale(folder: Path, name: str, n: int) -> list[Path]:
    """``n`` cache files of ``name`` last used between 10 and 10+n days ago."""
    out = []
    for i in range(n):
        p = folder / f"{name}-{i:016x}.pickle"
        p.write_bytes(b"not a pickle")
        t = time.time() - (10 + i) * 86400
        os.utime(p, (t, t))
        out.append(p)
    return out


def test_writing_a_cache_file_prunes_the_least_recently_used_of_its_kind(cache: Path) -> None:
    stale = _stale(cache, "lexicon", 12)
    other = _stale(cache, "prescan", 3)
    assert startup.cached("lexicon", startup.cache_key("k"), lambda: (1, 2), tuple) == (1, 2)
    left = sorted(cache.glob("lexicon-*.pickle"))
    assert len(left) == startup.KEEP
    newest_stale = stale[: startup.KEEP - 1]  # the new file plus the most recent stale ones
    assert set(left) - set(newest_stale) == {p for p in left if p not in stale}
    assert all(p.exists() for p in newest_stale)
    assert all(p.exists() for p in other), "other kinds are pruned when they are written"


def test_a_cache_hit_marks_its_file_as_used(cache: Path) -> None:
    key = startup.cache_key("hit")
    startup.cached("prescan", key, lambda: (3,), tuple)
    (path,) = cache.glob("prescan-*.pickle")
    old = time.time() - 30 * 86400
    os.utime(path, (old, old))
    startup._LOADED.clear()
    assert startup.cached("prescan", key, lambda: pytest.fail("rebuilt"), tuple) == (3,)
    assert path.stat().st_mtime > old + 86400
    _stale(cache, "prescan", 10)  # newer than 30 days ago, older than the hit now
    startup._LOADED.clear()
    startup.cached("prescan", startup.cache_key("other"), lambda: (4,), tuple)
    assert path.exists(), "the file just used survives pruning"


def test_the_allowlist_regex_is_cached_under_one_key_across_processes(cache: Path) -> None:
    """Hash randomisation must not change the pattern's source (and so its cache key):
    two runs with different hash seeds leave one allowlist file, not two."""
    text = cache / "t.txt"
    text.write_text(
        "De Wet regulering prostitutie is besproken. Veel prostituees werken hier.\n",
        encoding="utf-8",
    )
    for seed in ("1", "2"):
        env = {**os.environ, "STIGMALINT_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-m", "stigmalint", "check", str(text)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        assert proc.returncode == 1, proc.stderr
    assert len(list(cache.glob("allowlist-*.pickle"))) == 1
