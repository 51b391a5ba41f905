#!/usr/bin/env python3
"""Benchmark stigmalint against the regex lower bound and textlint+prh, in one run.

pre-commit runs stigmalint on every commit, mostly on files with nothing to report,
and CI runs it on whole trees; users compare it with the cheapest thing that could
do the job (one compiled regular expression) and with the tool they would
otherwise pick (textlint with textlint-rule-prh). So all three run on the same
workloads, in the same run, alternating, and the table shows the ratios: the
machines are shared and noisy, absolute times are only context.

Workloads, built in a temporary folder from files on this machine:

* clean   ../shared/bench/ud-nl-sentences.txt (ordinary Dutch) in files of ~3,000
          words, repeated to ~700,000 words, like a policy repository;
* dense   the texts of ../shared/eval-dev/raw/ (all about sex work), repeated to
          ~200,000 words;
* cold    one short clean file; one short file with exactly one finding;
* scaling the dense workload at 4× and 16× (1× is the dense row).

Tools, each a whole process as a user runs it:

* stigmalint   ``python -m stigmalint check --format json DIR`` (this checkout);
* regex        one Python process compiling one case-insensitive word-boundary
               regex of every surface form the lexicon can produce (prefix-factored,
               the fastest plain form; see ``forms.py``) and scanning every file;
* textlint     textlint + textlint-rule-prh with a prh.yml of the same forms,
               installed with npm into a temporary folder (skipped with a note
               when npm is missing or the install fails).

Each cell is the median of ``--runs`` runs (default 5). Peak RSS is that of the
largest single process of the run (``wait4``); with ``--jobs`` stigmalint's workers
are separate processes. One untimed warm-up run per tool and workload fills
stigmalint's caches (lemma tables, pre-scan), as any second pre-commit run has them.

    python benchmarks/run.py             # the full table (about 70 minutes here, mostly textlint)
    python benchmarks/run.py --quick     # every path once on tiny workloads (CI)

Nothing is written into the repository: workloads, npm install and outputs live in
a temporary folder (or ``--work DIR``; ``benchmarks/out/`` is gitignored).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TEXTLINT_PACKAGES = ("textlint@15", "textlint-rule-prh@6")
SHORT_CLEAN_WORDS = 120
FINDING_SENTENCE = "De gemeente sprak vorige week met prostituees over de nieuwe regels."

REGEX_SCRIPT = r"""
import os, re, sys
with open(sys.argv[1], encoding="utf-8") as fh:
    rx = re.compile(r"\b(?:" + fh.read() + r")\b", re.IGNORECASE)
hits = 0
for root, dirs, files in os.walk(sys.argv[2]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith((".txt", ".md")):
            with open(os.path.join(root, name), encoding="utf-8") as fh:
                for m in rx.finditer(fh.read()):
                    hits += 1
print(hits)
"""


# Python processes keep their compiled bytecode here (not in the repository), as an
# installed package would; PYTHONDONTWRITEBYTECODE in the caller's environment would
# otherwise make every run recompile stigmalint's modules.
PYCACHE: Path | None = None


def _python_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


# -- workloads ---------------------------------------------------------------------------


@dataclass
class Workload:
    name: str
    path: Path
    words: int
    files: int
    scale_of: str | None = None  # name of the 1× workload this one scales
    factor: int = 1


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _chunks(lines: Sequence[str], words_per_file: int) -> list[str]:
    files: list[str] = []
    cur: list[str] = []
    n = 0
    for line in lines:
        cur.append(line)
        n += len(line.split())
        if n >= words_per_file:
            files.append("\n".join(cur) + "\n")
            cur, n = [], 0
    if cur:
        files.append("\n".join(cur) + "\n")
    return files


def build_clean(work: Path, sentences: Path, target_words: int) -> Workload:
    lines = [ln for ln in sentences.read_text(encoding="utf-8").splitlines() if ln.strip()]
    files = _chunks(lines, 3000)
    out = work / "clean"
    words = count = 0
    copy = 0
    while words < target_words:
        for i, text in enumerate(files):
            _write(out / f"deel{copy:02d}" / f"tekst{i:03d}.txt", text)
            words += len(text.split())
            count += 1
            if words >= target_words:
                break
        copy += 1
    return Workload("clean", out, words, count)


def build_dense(
    work: Path, raw: Path, target_words: int, name: str = "dense", factor: int = 1
) -> Workload:
    texts = sorted(raw.glob("*.txt"))
    out = work / name
    words = count = 0
    copy = 0
    while words < target_words:
        for src in texts:
            text = src.read_text(encoding="utf-8")
            _write(out / f"kopie{copy:03d}" / src.name, text)
            words += len(text.split())
            count += 1
            if words >= target_words:
                break
        copy += 1
    scale_of = "dense" if factor > 1 else None
    return Workload(name, out, words, count, scale_of, factor)


def build_cold(work: Path, sentences: Path) -> list[Workload]:
    words: list[str] = []
    lines = []
    for line in sentences.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        lines.append(line)
        words += line.split()
        if len(words) >= SHORT_CLEAN_WORDS:
            break
    clean = "\n".join(lines) + "\n"
    _write(work / "cold-clean" / "notitie.txt", clean)
    _write(work / "cold-finding" / "notitie.txt", clean + FINDING_SENTENCE + "\n")
    return [
        Workload("cold clean", work / "cold-clean", len(clean.split()), 1),
        Workload(
            "cold finding",
            work / "cold-finding",
            len(clean.split()) + len(FINDING_SENTENCE.split()),
            1,
        ),
    ]


# -- tools ----------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    rss_mb: float
    hits: int | None
    ok: bool
    note: str = ""


@dataclass
class Tool:
    name: str
    available: bool = True
    note: str = ""

    def command(self, workload: Workload) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str] | None:
        return _python_env()

    def count(self, stdout: str) -> int | None:
        return None

    def ok(self, rc: int) -> bool:
        return rc in (0, 1)


@dataclass
class Stigmalint(Tool):
    jobs: int | None = None

    def command(self, workload: Workload) -> list[str]:
        cmd = [sys.executable, "-m", "stigmalint", "check", "--format", "json"]
        if self.jobs is not None:
            cmd += ["--jobs", str(self.jobs)]
        return [*cmd, str(workload.path)]

    def env(self) -> dict[str, str]:
        env = _python_env()
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        return env

    def count(self, stdout: str) -> int | None:
        try:
            return sum(len(f["findings"]) for f in json.loads(stdout)["files"])
        except (ValueError, KeyError):
            return None


@dataclass
class Regex(Tool):
    script: Path = field(default=Path())
    pattern: Path = field(default=Path())

    def command(self, workload: Workload) -> list[str]:
        return [sys.executable, str(self.script), str(self.pattern), str(workload.path)]

    def count(self, stdout: str) -> int | None:
        try:
            return int(stdout.strip())
        except ValueError:
            return None

    def ok(self, rc: int) -> bool:
        return rc == 0


@dataclass
class Textlint(Tool):
    prefix: Path = field(default=Path())

    def command(self, workload: Workload) -> list[str]:
        return [
            str(self.prefix / "node_modules" / ".bin" / "textlint"),
            "--config",
            str(self.prefix / ".textlintrc.json"),
            "--format",
            "json",
            "--no-color",
            str(workload.path),
        ]

    def count(self, stdout: str) -> int | None:
        try:
            return sum(len(f["messages"]) for f in json.loads(stdout))
        except (ValueError, KeyError, TypeError):
            return None


def _yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # JSON strings are valid YAML scalars


def _prh_pattern(form: str) -> str:
    """A prh pattern for one form: a plain string (prh adds case variants and, with
    wordBoundary, \\b), or a /regex/ when prh would escape a character into something
    JavaScript's unicode mode rejects (``ex-prostituee`` became ``/\\bex\\-…/u``)."""
    if all(c.isalnum() or c == " " for c in form):
        return form
    body = "".join("\\" + c if c in "\\^$.*+?()[]{}|/" else c for c in form)
    return f"/\\b{body}\\b/i"


def setup_regex(work: Path, forms: Sequence[str]) -> Regex:
    from stigmalint.text.trie import trie_regex

    script = work / "tools" / "regex_scan.py"
    pattern = work / "tools" / "forms.regex"
    _write(script, REGEX_SCRIPT.lstrip())
    # A prefix-factored alternation: a plain a|b|c… of the same forms is ~40× slower in
    # Python's engine, and a lower bound should be the strongest simple regex.
    _write(pattern, trie_regex(forms))
    return Regex("regex", script=script, pattern=pattern)


def setup_textlint(work: Path, vocab: object, enabled: bool) -> Textlint:
    from forms import Vocabulary

    assert isinstance(vocab, Vocabulary)
    prefix = work / "textlint"
    if not enabled:
        return Textlint("textlint+prh", False, "skipped (--no-textlint)", prefix=prefix)
    npm = shutil.which("npm")
    if npm is None:
        return Textlint("textlint+prh", False, "skipped: npm not found", prefix=prefix)
    prefix.mkdir(parents=True, exist_ok=True)
    _write(prefix / "package.json", '{"name": "stigmalint-bench", "private": true}\n')
    t0 = time.perf_counter()
    proc = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--silent", *TEXTLINT_PACKAGES],
        cwd=prefix,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        tail = " ".join((proc.stderr or proc.stdout).split())[-200:]
        return Textlint("textlint+prh", False, f"skipped: npm install failed ({tail})")
    rules = []
    for entry_id, forms in vocab.forms.items():
        expected = vocab.expected[entry_id]
        patterns = [_prh_pattern(f) for f in forms if f.lower() != expected.lower()]
        # prh joins the patterns of a rule into one regex, so /regex/i patterns (other
        # flags than plain ones) go into a rule of their own with the same expectation.
        for group in (
            [p for p in patterns if not p.startswith("/")],
            [p for p in patterns if p.startswith("/")],
        ):
            if group:
                rules.append(
                    f"  - expected: {_yaml_str(expected)}\n"
                    "    options:\n      wordBoundary: true\n"
                    "    patterns:\n" + "".join(f"      - {_yaml_str(p)}\n" for p in group)
                )
    _write(prefix / "prh.yml", "version: 1\nrules:\n" + "".join(rules))
    config = {"rules": {"prh": {"rulePaths": [str(prefix / "prh.yml")]}}}
    _write(prefix / ".textlintrc.json", json.dumps(config))
    versions = []
    for pkg in ("textlint", "textlint-rule-prh"):
        meta = json.loads((prefix / "node_modules" / pkg / "package.json").read_text())
        versions.append(f"{pkg} {meta['version']}")
    note = f"{', '.join(versions)} (npm install {time.perf_counter() - t0:.0f} s)"
    return Textlint("textlint+prh", True, note, prefix=prefix)


TIME = shutil.which("time", path="/usr/bin:/bin")


def run_once(tool: Tool, workload: Workload, out: Path) -> Run:
    """Run one tool once: wall time around the whole process, its peak RSS, its hit count.

    Peak RSS comes from GNU time, whose tiny fork is what the tool is exec'd from:
    ``wait4`` on a child of this (large) process would report this process's RSS
    inherited at fork time as the child's peak.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    rss_file = out.with_suffix(".rss")
    cmd = tool.command(workload)
    if TIME:
        cmd = [TIME, "-f", "%M", "-o", str(rss_file), *cmd]
    with out.open("wb") as stdout, open(os.devnull, "wb") as devnull:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=devnull, env=tool.env(), cwd=out.parent)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    rss_kb = float(usage.ru_maxrss)
    if TIME:
        with contextlib.suppress(OSError, ValueError, IndexError):
            rss_kb = float(rss_file.read_text().split()[-1])
    hits = tool.count(out.read_text(encoding="utf-8", errors="replace"))
    if not tool.ok(proc.returncode):
        return Run(wall, rss_kb / 1024, hits, False, f"exit {proc.returncode}")
    if hits is None:  # e.g. textlint exits 1 both for findings and for a rule that fails
        return Run(wall, rss_kb / 1024, hits, False, f"exit {proc.returncode}, no report")
    return Run(wall, rss_kb / 1024, hits, True)


# -- the table ------------------------------------------------------------------------------


@dataclass
class Cell:
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mb for r in self.runs)

    @property
    def hits(self) -> int | None:
        return self.runs[-1].hits if self.runs else None

    @property
    def failed(self) -> str:
        return next((r.note for r in self.runs if not r.ok), "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {datetime.date.today().isoformat()}"
    )


def render(
    workloads: Sequence[Workload], tools: Sequence[Tool], cells: dict[tuple[str, str], Cell]
) -> str:
    head = (
        "| workload | words | files | tool | wall s (median) | words/s | peak RSS MB "
        "| findings | × regex | × textlint |"
    )
    lines = [head, "|" + "---|" * 10]
    for w in workloads:
        for t in tools:
            if not t.available:
                continue
            c = cells.get((w.name, t.name))
            if c is None or not c.runs:
                continue
            if c.failed:
                lines.append(f"| {w.name} | {w.words:,} | {w.files} | {t.name} | {c.failed} |||||")
                continue
            ratios = ["", ""]
            if t.name == "stigmalint":
                for i, other in enumerate(("regex", "textlint+prh")):
                    o = cells.get((w.name, other))
                    if o is not None and o.runs and not o.failed:
                        ratios[i] = f"{c.wall / o.wall:.2f}"
            hits = "" if c.hits is None else f"{c.hits:,}"
            lines.append(
                f"| {w.name} | {w.words:,} | {w.files} | {t.name} | {c.wall:.2f} "
                f"| {w.words / c.wall:,.0f} | {c.rss:.0f} | {hits} | {ratios[0]} | {ratios[1]} |"
            )
    return "\n".join(lines)


def targets(workloads: Sequence[Workload], cells: dict[tuple[str, str], Cell]) -> list[str]:
    """The issue's targets, each with the measured figure (reported, never asserted)."""

    def wall(w: str, t: str = "stigmalint") -> float | None:
        c = cells.get((w, t))
        return c.wall if c and c.runs and not c.failed else None

    out: list[str] = []

    def check(label: str, ok: bool | None, figure: str) -> None:
        mark = "n/a" if ok is None else ("met" if ok else "NOT met")
        out.append(f"- {label}: {figure} → {mark}")

    s, r = wall("clean"), wall("clean", "regex")
    if s and r:
        check("clean ≤ 2× regex", s <= 2 * r, f"{s / r:.2f}×")
    s = wall("cold clean")
    if s:
        check("cold clean ≤ 0.25 s", s <= 0.25, f"{s:.2f} s")
    s = wall("cold finding")
    if s:
        check("cold finding ≤ 1.2 s", s <= 1.2, f"{s:.2f} s")
    dense = next((w for w in workloads if w.name == "dense"), None)
    s, tl = wall("dense"), wall("dense", "textlint+prh")
    if s and dense:
        check("dense ≥ 100,000 words/s", dense.words / s >= 100_000, f"{dense.words / s:,.0f}")
    if s and tl:
        check("dense faster than textlint+prh", s < tl, f"{s / tl:.2f}×")
    for w in workloads:
        if w.scale_of:
            base, big = wall(w.scale_of), wall(w.name)
            if base and big:
                check(
                    f"scaling {w.factor}× input ≤ {w.factor + w.factor // 16}× time",
                    big / base <= w.factor + w.factor // 16,
                    f"{big / base:.2f}×",
                )
    peak = max((c.rss for (_, t), c in cells.items() if t == "stigmalint" and c.runs), default=None)
    if peak is not None:
        check("peak RSS ≤ 400 MB", peak <= 400, f"{peak:.0f} MB")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="every path once on tiny workloads (CI)")
    ap.add_argument("--runs", type=int, default=None, help="timed runs per cell (default 5)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="shared inputs")
    ap.add_argument("--work", type=Path, default=None, help="work folder (default: a temp dir)")
    ap.add_argument("--no-textlint", action="store_true", help="skip textlint+prh")
    ap.add_argument("--jobs", type=int, default=None, help="pass --jobs N to stigmalint")
    ap.add_argument(
        "--textlint-scaling", action="store_true", help="also run textlint on the scaling rows"
    )
    ap.add_argument(
        "--only", default=None, help="comma-separated workloads (clean,dense,cold,scaling)"
    )
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    sentences = args.shared / "bench" / "ud-nl-sentences.txt"
    raw = args.shared / "eval-dev" / "raw"
    if not sentences.is_file() or not raw.is_dir():
        print(f"benchmark: input missing ({sentences} or {raw})", file=sys.stderr)
        return 2
    only = set(args.only.split(",")) if args.only else {"clean", "dense", "cold", "scaling"}

    own_work = args.work is None
    work = Path(tempfile.mkdtemp(prefix="stigmalint-bench-")) if own_work else args.work
    assert work is not None
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _bench(args, work, runs, sentences, raw, only)
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)


def _bench(
    args: argparse.Namespace, work: Path, runs: int, sentences: Path, raw: Path, only: set[str]
) -> int:
    from forms import lexicon_vocabulary

    global PYCACHE
    PYCACHE = work / "pycache"

    clean_words, dense_words = (3_000, 1_500) if args.quick else (700_000, 200_000)
    workloads: list[Workload] = []
    if "clean" in only:
        workloads.append(build_clean(work / "data", sentences, clean_words))
    if "dense" in only or "scaling" in only:
        workloads.append(build_dense(work / "data", raw, dense_words))
    if "cold" in only:
        workloads.extend(build_cold(work / "data", sentences))
    if "scaling" in only:
        base = next(w for w in workloads if w.name == "dense").words
        for f in (4, 16):
            workloads.append(build_dense(work / "data", raw, base * f, f"dense ×{f}", f))

    vocab = lexicon_vocabulary()
    forms = vocab.all_forms()
    tools: list[Tool] = [
        Stigmalint("stigmalint", jobs=args.jobs),
        setup_regex(work, forms),
        setup_textlint(work, vocab, not args.no_textlint),
    ]
    cells: dict[tuple[str, str], Cell] = {}
    for w in workloads:
        # textlint+prh needs minutes per run on the large scaling rows; its comparison
        # is the dense row (1x) unless --textlint-scaling asks for all of them.
        active = [
            t
            for t in tools
            if t.available
            and not (isinstance(t, Textlint) and w.scale_of and not args.textlint_scaling)
        ]
        for t in active:
            run_once(t, w, work / "out" / "warmup.json")  # fills caches; not timed
        for i in range(runs):
            order = active if i % 2 == 0 else list(reversed(active))  # alternate the order
            for t in order:
                r = run_once(t, w, work / "out" / f"{t.name}.json")
                cells.setdefault((w.name, t.name), Cell()).runs.append(r)
        print(f"  … {w.name} done", file=sys.stderr, flush=True)

    print(f"Machine: {machine()}")
    print(
        f"Vocabulary: {len(forms)} surface forms of {len(vocab.forms)} lexicon entries "
        f"({vocab.skipped_phrases} phrases with globs/regexes not enumerable); "
        f"median of {runs} run(s), alternating."
    )
    for t in tools:
        if t.note:
            print(f"{t.name}: {t.note}")
    if any(w.scale_of for w in workloads) and not args.textlint_scaling:
        print("textlint+prh: not run on the scaling rows (--textlint-scaling to include them)")
    if not TIME:
        print("GNU time not found: peak RSS from wait4 includes this process's fork")
    print()
    print(render(workloads, tools, cells))
    print()
    print("Targets (stigmalint):")
    print("\n".join(targets(workloads, cells)))
    failed = [k for k, c in cells.items() if c.failed]
    if failed:
        print(f"\nfailed runs: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
