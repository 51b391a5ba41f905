"""``--fix`` and ``--diff``: apply top suggestions where that is safe.

Safe means: the finding has a word-for-word replacement (not ``rewrite``), it is
the writer's own prose (no note such as "in een citaat", "zelfbenoeming" or
"historische context": quotations are never edited), and the source text at the
finding's offsets is exactly the flagged text (so readers that extract text,
like Word, are never written to). Overlapping fixes keep the first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from stigmalint.findings import Finding


def fixable(f: Finding, source: str) -> bool:
    return (
        bool(f.suggestions) and not f.rewrite and not f.notes and source[f.start : f.end] == f.text
    )


def apply_fixes(source: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """Return the fixed text and the findings that were applied."""
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.start >= last_end and fixable(f, source):
            chosen.append(f)
            last_end = f.end
    out = source
    for f in reversed(chosen):
        top = f.suggestions[0]
        out = out[: f.start] + top + out[f.end :]
    return out, chosen


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=path,
            tofile=path,
        )
    )
