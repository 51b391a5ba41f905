"""Choose which of overlapping matches to report.

One stretch of text gets one finding: the most specific match that contains the
others ("illegale prostitutie" rather than also "prostitutie" inside it), unless a
match inside is an error and the one around it is not (a slur in a milder phrase). A match
silenced by an exception keeps its place in this contest, so it silences the
shorter matches it contains.

Framing rules (category ``framing``) are the exception. They comment on a whole
construction ("Elke prostituee moet haar vergunning tonen": a generic sex worker
is assumed to be a woman), not on the words in it, so they do not silence the
findings inside them ("prostituee", "illegale prostitutie") and those do not
silence them: the writer needs both remarks. When both point to the same item of
the guidance (a shared reference, e.g. R6 "werd geprostitueerd" and the word
"geprostitueerd", T06), they are one remark and compete as usual, as framing
rules do among themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from stigmalint.matching.match import Match
from stigmalint.severity import Severity

FRAMING = "framing"


def _independent(a: Match, b: Match) -> bool:
    """A framing match and an unrelated match of another category never silence each other."""
    if (a.entry.category == FRAMING) == (b.entry.category == FRAMING):
        return False
    return not set(a.entry.refs) & set(b.entry.refs)


def _silences(k: Match) -> bool:
    """A framing exception says the construction is fine here, not the words in it.

    "Vrouwen die door hun partner worden geprostitueerd": the perpetrator is named, so
    R6 is silent, but the word "geprostitueerd" (T06) is still worth a remark. Other
    exceptions (legal wording such as "exploitatie van onvrijwillige prostitutie")
    cover the words inside them too.
    """
    return not (k.silenced and k.entry.category == FRAMING)


def _graver_inside(k: Match, m: Match) -> bool:
    """An error inside a milder phrase keeps its own finding: in "illegale Oost-Europese
    hoertjes" the phrase is a warning (R9), "hoertjes" an error (T17), and the writer must
    see both. A warning inside a suggestion ("weer de prostitutie in", T51) is left to the
    phrase, whose rewrite replaces the word too. An exception on the phrase covers it all."""
    return (
        not k.silenced
        and (k.start, k.end) != (m.start, m.end)
        and m.entry.severity is Severity.ERROR
        and k.entry.severity is not Severity.ERROR
    )


def resolve(matches: Iterable[Match]) -> list[Match]:
    ranked = sorted(
        matches,
        key=lambda m: (-m.length, -m.specificity, -int(m.entry.severity), m.start, m.entry.id),
    )
    kept: list[Match] = []
    for m in ranked:
        if any(
            k.start <= m.start
            and m.end <= k.end
            and not _independent(k, m)
            and _silences(k)
            and not _graver_inside(k, m)
            for k in kept
        ):
            continue  # contained in (or identical to) a stronger match
        kept.append(m)
    return sorted((m for m in kept if not m.silenced), key=lambda m: (m.start, m.end))
