"""E2: a word inside quotation marks is someone else's; report it one level milder.

Recognises „…”, “…”, "…", ‘…’ and '…' within a paragraph. Apostrophes inside and
at the end of words (zo'n, auto's, programma’s, 's avonds) are not quotation
marks. Findings about minors (R12) stay at least a warning even in a quotation:
sex-work words for children must never pass unnoticed.

A finding that *is* a quotation, marks included, is not lowered: there the
quotation marks are what is being reported (distancing scare quotes around
'sekswerker', R11), not a sign that someone else is speaking. The same word
inside a longer quotation is lowered as usual.
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.findings import Finding
from stigmalint.severity import Severity

NOTE = "in een citaat"
_PAIRS = {"„": '”“"', "“": "”", "”": "”", '"': '"', "‘": "’", "'": "'", "‚": "’‘'"}
_MAX_QUOTE = 2000


def _is_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum():
        return False  # inside or after a word: an apostrophe
    if text[i] in "'’" and text[i + 1 : i + 3].lower() in ("s ", "t ", "n "):
        return False  # 's avonds, 't, 'n
    return not nxt.isspace()


def _is_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isspace():
        return False
    return not nxt.isalnum()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quotations as (start, end), marks included; regex jumps between quotation marks
    (a block can be a whole file, so no Python loop over every character)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        m = _QUOTE_CHARS.search(text, i)
        if m is None:
            break
        i = m.start()
        if not _is_open(text, i):
            i += 1
            continue
        limit = min(n, i + _MAX_QUOTE)
        para_end = text.find("\n\n", i)
        if para_end != -1:
            limit = min(limit, para_end)
        found = -1
        for c in _CLOSERS[text[i]].finditer(text, i + 1, limit):
            if _is_close(text, c.start()):
                found = c.start()
                break
        if found == -1:
            i += 1
            continue
        spans.append((i, found + 1))
        i = found + 1
    return spans


_QUOTE_CHARS = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_CLOSERS = {ch: re.compile("[" + re.escape(closers) + "]") for ch, closers in _PAIRS.items()}


def quotation_of(f: Finding, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation (marks included) that holds ``f``, if any."""
    return next(((s, e) for s, e in spans if s <= f.start and f.end <= e), None)


def lower_in_quotations(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    spans = ctx.quotes
    if not spans:
        return findings
    out = []
    for f in findings:
        q = quotation_of(f, spans)
        if q is not None and q != (f.start, f.end):
            floor = Severity.WARNING if is_about_minors(f) else Severity.SUGGESTION
            new = max(min(floor, f.severity), f.severity.lowered())
            f = f.with_note(NOTE, severity=Severity(new))
        out.append(f)
    return out


def is_about_minors(f: Finding) -> bool:
    return any(r.upper() in ("R12", "T64", "T65") for r in f.refs)
