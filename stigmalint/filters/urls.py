"""Things that are not prose are never findings: URLs, e-mail addresses, code identifiers.

URLs and addresses were woke's most reported false alarm. Code names that turn up
in plain prose (a column ``prostitutie_vergunning_id``, a function
``check_prostitutie()``) are identifiers the writer cannot rename in a sentence:
a word joined to other word characters by an underscore, or a word directly
followed by ``()``. A lone underscore at a word's edge (Markdown ``_nadruk_``) is
not code.
"""

from __future__ import annotations

import re

from stigmalint.findings import Finding

URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'”’)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|be|org|com|eu|net)/[^\s<>\"'”’)\]]*",
    re.IGNORECASE,
)


CODE_RE = re.compile(r"\w*[^\W_]_[^\W_]\w*(?:\(\))?|\w+\(\)")


def url_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in URL_RE.finditer(text)]


def code_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in CODE_RE.finditer(text)]


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
        chunk = text[lo:hi]
        spans = [(lo + s, lo + e) for s, e in url_spans(chunk)]
        if "_" in chunk or "()" in chunk:
            spans += [(lo + s, lo + e) for s, e in code_spans(chunk)]
        if not any(s < f.end and f.start < e for s, e in spans):
            kept.append(f)
    return kept
