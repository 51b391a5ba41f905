"""E3 and talk about words: at most a ``suggestion``.

* Self-identification: "ik noem mezelf hoer", "zij noemt zichzelf prostituee" —
  sex workers choose their own words (PROUD).
* Metalinguistic use: "het woord 'prostituee'", "de term prostitutie" — the text
  discusses the word instead of using it.
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.findings import Finding
from stigmalint.severity import Severity

_SELF = re.compile(
    r"\b(?:noem|noemt|noemen|noemde|noemden|benoem|benoemt|noemen)\s+(?:mezelf|mijzelf|zichzelf|onszelf|jezelf|me|mij|zich|ons)"
    r"(?:\s+\w+){0,3}\s*[\"'„“‘]?\s*$|\b(?:ik|wij|we)\s+(?:ben|zijn|was|waren)\s+(?:een\s+)?[\"'„“‘]?\s*$",
    re.IGNORECASE,
)
_META = re.compile(
    r"\b(?:het\s+woord|de\s+term|de\s+termen|de\s+woorden|het\s+begrip|de\s+benaming|het\s+label|"
    r"de\s+uitdrukking|het\s+etiket|term|woord)\s*[\"'„“‘]?\s*$",
    re.IGNORECASE,
)
SELF_NOTE = "zelfbenoeming"
META_NOTE = "over het woord zelf"


def cap_self_reference(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    out = []
    for f in findings:
        before = text[max(0, f.start - 60) : f.start]
        note = SELF_NOTE if _SELF.search(before) else META_NOTE if _META.search(before) else None
        if note:
            f = f.with_note(note, severity=min(f.severity, Severity.SUGGESTION))
        out.append(f)
    return out
