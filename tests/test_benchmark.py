"""``benchmarks/run.py --quick`` keeps working: every path runs once (no timings asserted).

The benchmark itself is documented in the README (Performance). This test only
guards that the script, its workloads and all three tools still run; the textlint
path needs npm and the npm registry and is skipped without npm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

pytestmark = pytest.mark.skipif(
    not (SHARED / "bench" / "ud-nl-sentences.txt").is_file()
    or not (SHARED / "eval-dev" / "raw").is_dir(),
    reason="the benchmark builds its workloads from ../shared (bench, eval-dev)",
)


def test_quick_benchmark_runs_every_path() -> None:
    args = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"]
    if shutil.which("npm") is None:
        args.append("--no-textlint")
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    out = proc.stdout
    assert "| workload | words | files | tool |" in out
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    for workload in ("clean", "dense", "cold clean", "cold finding", "dense ×4", "dense ×16"):
        for tool in ("stigmalint", "regex"):
            assert any(r.startswith(f"| {workload} |") and f"| {tool} |" in r for r in rows), (
                workload,
                tool,
            )
    # textlint either ran (a row) or says why it did not (npm missing, install failed)
    assert "| textlint+prh |" in out or "textlint+prh: skipped" in out
    assert "Targets (stigmalint):" in out


def test_benchmark_writes_nothing_into_the_repository() -> None:
    before = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if before.returncode != 0:
        pytest.skip("not a git checkout")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--no-textlint",
            "--only",
            "cold",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    after = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert after.stdout == before.stdout
