"""E1: nothing is reported inside a listed proper name (law, programme, report…).

Names are matched *near-exactly*: case, accents, hyphens inside words
(``seks-branche``), line breaks, the inclusive ``prostitué(e)s`` spelling and the
apostrophe in ``uitstapprogramma’s`` do not matter. Some names are ordinary
phrases too ("Prostitutie en mensenhandel", a report title); those carry a
condition: they only count as a name on a line of their own (a title) or right
after a word such as "rapport" or "commissiedebat".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from stigmalint.findings import Finding
from stigmalint.rules.model import AllowName
from stigmalint.text.fold import fold

_WORD = re.compile(r"\w+", re.UNICODE)


# Printable ASCII except the characters fold_with_map treats specially ( ) - ` : for
# these, folding is lower-casing, so whole runs of them, with single spaces between,
# are handled at once (in C, not character by character).
_PLAIN = r"[\x21-\x27\x2a-\x2c\x2e-\x5f\x61-\x7e]"
_PLAIN_RUN = re.compile(rf"{_PLAIN}+(?: {_PLAIN}+)*")
_SPACE_RUN = re.compile(r"\s+")


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for name matching and keep, per output char, its input offset."""
    out: list[str] = []
    idx: list[int] = []
    last = ""  # the last character written
    n = len(text)
    i = 0
    while i < n:
        m = _PLAIN_RUN.match(text, i)
        if m:
            j = m.end()
            run = text[i:j].lower()
            out.append(run)
            idx.extend(range(i, j))
            last = run[-1]
            i = j
            continue
        ch = text[i]
        if ch == "-" and last.isalnum():
            # seks-branche / prostitutie-\nbeleid: a hyphen inside a word disappears
            j = i + 1
            while j < n and text[j] in " \t\r\n" and text[i + 1 : j + 1].count("\n") <= 1:
                j += 1
            if j < n and text[j].isalpha() and (j == i + 1 or "\n" in text[i:j]):
                i = j
                continue
        if ch in "()":
            i += 1
            continue
        if ch.isspace():
            if last and last != " ":
                out.append(" ")
                idx.append(i)
                last = " "
            i = _SPACE_RUN.match(text, i).end()  # type: ignore[union-attr]
            continue
        f = fold(ch) or ch
        out.append(f)
        idx.extend([i] * len(f))
        last = f[-1]
        i += 1
    return "".join(out), idx


def fold_name(name: str) -> str:
    return fold_with_map(name)[0].strip()


@lru_cache(maxsize=32)
def _compile(names: tuple[str, ...]) -> re.Pattern[str] | None:
    folded = sorted({fold_name(n) for n in names if n.strip()}, key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in folded) + r")(?!\w)")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


_LINE_DECORATION = re.compile(r"^[\s#>*•·\-–—\d.)]*|[\s:.]*$")


def _is_title(text: str, start: int, end: int) -> bool:
    ls, le = _line_bounds(text, start, end)
    line = text[ls:le]
    rest = _LINE_DECORATION.sub("", text[ls:start]) + _LINE_DECORATION.sub("", text[end:le])
    return not rest.strip() and bool(line.strip())


def _after_cue(text: str, start: int, cues: Sequence[str]) -> bool:
    before = [fold(w) for w in _WORD.findall(text[max(0, start - 80) : start])][-3:]
    return any(w in cues for w in before)


_REACH = 300  # longest name we expect, in characters


def _windows(findings: Sequence[Finding], n: int) -> list[tuple[int, int]]:
    """Merged neighbourhoods of the findings: only these parts of a text are folded."""
    out: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: f.start):
        lo, hi = max(0, f.start - _REACH), min(n, f.end + _REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# Folding every name is costly; the lexicon's list is folded once per process.
_NAMES: dict[tuple[int, int, tuple[str, ...]], tuple[object, dict[str, list[AllowName]], Any]] = {}


def _names(
    names: Sequence[AllowName], extra: tuple[str, ...]
) -> tuple[dict[str, list[AllowName]], re.Pattern[str] | None]:
    key = (id(names), len(names), extra)
    hit = _NAMES.get(key)
    if hit is not None and hit[0] is names:
        return hit[1], hit[2]
    by_fold: dict[str, list[AllowName]] = {}
    for n in names:
        by_fold.setdefault(fold_name(n.name), []).append(n)
    for e in extra:
        by_fold.setdefault(fold_name(e), []).append(AllowName(e))
    rx = _compile(tuple(by_fold))
    if len(_NAMES) > 16:
        _NAMES.clear()
    _NAMES[key] = (names, by_fold, rx)
    return by_fold, rx


def allowed_spans(
    text: str,
    names: Sequence[AllowName],
    extra: Sequence[str] = (),
    window: tuple[int, int] | None = None,
) -> list[tuple[int, int]]:
    by_fold, rx = _names(names, tuple(extra))
    if rx is None:
        return []
    lo, hi = window or (0, len(text))
    folded, idx = fold_with_map(text[lo:hi])
    spans = []
    for m in rx.finditer(folded):
        start, end = lo + idx[m.start()], lo + idx[m.end() - 1] + 1
        options = by_fold.get(m.group(0), [])
        if any(
            not n.conditional
            or (n.title_only and _is_title(text, start, end))
            or (n.after and _after_cue(text, start, n.after))
            for n in options
        ):
            spans.append((start, end))
    return spans


def drop_in_allowed_names(text: str, findings: list[Finding], ctx: object) -> list[Finding]:
    allow = getattr(ctx, "allow", ())
    extra = getattr(ctx, "extra_allow", ())
    spans: list[tuple[int, int]] = []
    for window in _windows(findings, len(text)):
        spans += allowed_spans(text, allow, extra, window)
    if not spans:
        return findings
    spans.sort()
    longest = max(e - s for s, e in spans)
    return [f for f in findings if not _overlaps(spans, longest, f.start, f.end)]


def _overlaps(spans: list[tuple[int, int]], longest: int, start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted ``spans`` (none longer than ``longest``)?"""
    i = bisect.bisect_left(spans, (end, -1))  # the spans that start before ``end``
    while i > 0:
        i -= 1
        s, e = spans[i]
        if start < e:
            return True
        if s + longest < start:
            return False
    return False
