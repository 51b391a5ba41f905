"""E6: a sex-work word near a named minor is never fixed automatically.

"Een minderjarig meisje van zestien werd aangetroffen. Zij werkte als escortmeisje."
The rule for 'escortmeisje' suggests 'escort' for an adult; here it is a child, for
whom the guidance wants child-protection words (seksuele uitbuiting), never a
sex-work word. Whether the word is about that child only a reader can tell, so the
finding stays as it is, with a note that asks the question; a note also keeps
``--fix`` away from it.
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.filters.quotes import is_about_minors
from stigmalint.findings import Finding
from stigmalint.text.sentences import context_sentences

NOTE = "er wordt een minderjarige genoemd: gaat het om een kind, schrijf dan seksuele uitbuiting"
_AGE = r"(?:1[0-7]|[1-9]|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien)"
_MINOR = re.compile(
    rf"\bminderjarig\w*|\b{_AGE}-?jarig\w*"
    rf"|\b(?:meisje|meisjes|jongen|jongens|kind|dochter|zoon|scholier|scholiere)\s+van\s+{_AGE}\b"
    # "Lisa (15)", "zij was pas 16" (not "was 15 procent", "was 12 jaar geleden")
    rf"|\(\s*(?:1[0-7]|[1-9])\s*\)"
    rf"|\b(?:is|was|werd)\s+(?:pas\s+|nog\s+|net\s+|toen\s+)?{_AGE}\b"
    r"(?!\s*(?:%|procent|euro|uur|keer|minuten|kilometer|meter|jaar\s+(?:geleden|later|terug)))"
    # school children
    r"|\b(?:scholier|scholiere|leerling|leerlinge|brugklasser|schoolmeisje|schoolgaand)\w*",
    re.IGNORECASE,
)
# the advice of these rules speaks of adults' work ("sekswerker", "escort", "klant")
_ADULT_WORDS = re.compile(
    r"sekswerk|escort|seksbranche|klant|raamgebied|seksbedrijf", re.IGNORECASE
)


def note_nearby_minors(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    if not _MINOR.search(text):
        return findings
    out = []
    for f in findings:
        if not is_about_minors(f) and any(_ADULT_WORDS.search(s) for s in f.suggestions):
            ss, se = ctx.sentence_of(f)
            scopes = [(ss, se), *context_sentences(text, ss)[:2]]
            if any(_MINOR.search(text, a, b) for a, b in scopes):
                f = f.with_note(NOTE)
        out.append(f)
    return out
