"""E4: describing the past (old laws, archives) is reported one level milder.

A sentence about the 19th century or the brothel ban abolished in 2000 uses the
words of its time. Cues: a year before 1990, "destijds", "toen", "vroeger", a
century ("negentiende eeuw"), "historisch"; not when the sentence sets the past against
the present ("Vroeger … , nu …").
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.findings import Finding
from stigmalint.text.sentences import context_sentences

NOTE = "historische context"
_CUES = re.compile(
    r"\b(?:1[0-8]\d\d|19[0-8]\d)\b|\bdestijds\b|\bvroeger\b|\bhistorisch\w*\b|"
    r"\b(?:zestiende|zeventiende|achttiende|negentiende|twintigste)\s+eeuw\b|\b1[6-9]e\s+eeuw\b",
    re.IGNORECASE,
)


# "Vroeger … , nu …": the sentence contrasts the past with the present it speaks of
_NOW = re.compile(r"\b(?:nu|tegenwoordig|vandaag|inmiddels|heden)\b", re.IGNORECASE)


def _in_the_past(text: str, ss: int, se: int) -> bool:
    """A cue in the sentence, or in one of the two before it in the paragraph ("In de
    negentiende eeuw … . Armoede dreef hen in de prostitutie."), and no "nu" here."""
    if _NOW.search(text, ss, se):
        return False
    if _CUES.search(text, ss, se):
        return True
    return any(_CUES.search(text, a, b) for a, b in context_sentences(text, ss)[:2])


def lower_in_history(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    out = []
    for f in findings:
        ss, se = ctx.sentence_of(f)
        if _in_the_past(text, ss, se):
            f = f.with_note(NOTE, severity=f.severity.lowered())
        out.append(f)
    return out
