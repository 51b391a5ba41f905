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


def drop_in_urls(text: str, findings: list[Finding], ctx: object) -> list[Finding]:
    spans = url_spans(text)
    if not spans:
        return findings
    return [f for f in findings if not any(s < f.end and f.start < e for s, e in spans)]
