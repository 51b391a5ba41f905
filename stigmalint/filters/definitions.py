"""E5: cited legal definitions are not the writer's word choice.

An APV or a bill defines "prostituee" and "prostitutie"; a municipality that cites
or applies that text cannot rename the defined term. Two shapes are recognised:

* a definitions block: from "… wordt verstaan (onder):" or a heading
  "Begripsbepaling(en)" up to the next article, chapter or section heading;
* one definition line: "prostituee: degene die …", "- klant: degene die …".
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.findings import Finding

_BLOCK_START = re.compile(
    r"wordt\s+(?:mede\s+)?verstaan(?:\s+onder)?\s*:|^\s*(?:artikel\s+[\w:.]+\s+)?begripsbepaling(?:en)?\b",
    re.IGNORECASE | re.MULTILINE,
)
_BLOCK_END = re.compile(
    r"^\s*(?:artikel|hoofdstuk|afdeling|paragraaf|titel|§)\s+[\w:.]+", re.IGNORECASE | re.MULTILINE
)
_DEFINITION_LINE = re.compile(
    r"^[\s•·*\-–—]*(?:[a-z]\.|\d+[.°)])?\s*[\w\-’'()é ]{2,40}\s*:\s*"
    r"(?:degene|diegene|de|het|een|elke|iedere|al|alle|onder)\b",
    re.IGNORECASE,
)
_IN_DE_ZIN_VAN = re.compile(
    r"\bin\s+de\s+zin\s+van\s+(?:artikel|art\.|de\s+wet|het\s+besluit|de\s+apv)", re.IGNORECASE
)


def _blocks(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _BLOCK_START.finditer(text):
        end_m = _BLOCK_END.search(text, m.end())
        out.append((m.start(), end_m.start() if end_m else len(text)))
    return out


def _line(text: str, pos: int) -> str:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return text[ls : len(text) if le < 0 else le]


def drop_in_definitions(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    blocks = _blocks(text) if "verstaan" in text or "egripsbepaling" in text else []
    kept = []
    for f in findings:
        if any(s <= f.start < e for s, e in blocks):
            continue
        if _DEFINITION_LINE.match(_line(text, f.start)):
            continue
        ss, se = ctx.sentence_of(f)
        if _IN_DE_ZIN_VAN.search(text, ss, se):
            continue
        kept.append(f)
    return kept
