"""Choose which of overlapping matches to report.

One stretch of text gets one finding: the most specific match that contains the
others ("illegale prostitutie" rather than also "prostitutie" inside it). A match
silenced by an exception keeps its place in this contest, so it silences the
shorter matches it contains.
"""

from __future__ import annotations

from collections.abc import Iterable

from stigmalint.matching.match import Match


def resolve(matches: Iterable[Match]) -> list[Match]:
    ranked = sorted(
        matches,
        key=lambda m: (-m.length, -m.specificity, -int(m.entry.severity), m.start, m.entry.id),
    )
    kept: list[Match] = []
    for m in ranked:
        if any(k.start <= m.start and m.end <= k.end for k in kept):
            continue  # contained in (or identical to) a stronger match
        kept.append(m)
    return sorted((m for m in kept if not m.silenced), key=lambda m: (m.start, m.end))
