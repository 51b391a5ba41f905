"""URLs and e-mail addresses are never findings (woke's most reported false alarm)."""

from __future__ import annotations

import re

from stigmalint.findings import Finding

URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'”’)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|be|org|com|eu|net)/[^\s<>\"'”’)\]]*",
    re.IGNORECASE,
)


def url_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in URL_RE.finditer(text)]


def _chunk_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-space characters around ``text[start:end]``."""
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def drop_in_urls(text: str, findings: list[Finding], ctx: object) -> list[Finding]:
    # No URL or address contains white space, so every URL that overlaps a finding lies
    # within the finding widened to white space on both sides, and scanning just that
    # stretch finds the same URLs as scanning the whole text (which cost more than all
    # other filters together on long documents).
    kept = []
    for f in findings:
        lo, hi = _chunk_around(text, f.start, f.end)
        spans = [(lo + s, lo + e) for s, e in url_spans(text[lo:hi])]
        if not any(s < f.end and f.start < e for s, e in spans):
            kept.append(f)
    return kept
