"""E3 and talk about words: at most a ``suggestion``, or nothing.

* Self-identification: "ik noem mezelf hoer", "zij noemt zichzelf prostituee" —
  sex workers choose their own words (PROUD): a ``suggestion``.
* Metalinguistic use: "het woord 'prostituee'", "de term prostitutie" — the text
  discusses the word instead of using it, so nothing is reported; also a word
  followed by a remark about it ("noemde de klanten 'hoerenlopers', een woord dat de
  gemeente niet gebruikt", "'gedwongen prostitutie' is zo'n term"), wording reported
  as wording ("de nota spreekt van 'raamprostitutie'"), a word put up for discussion
  ("en wat te denken van 'uitstappen'?") and a list of quoted words
  ("we lezen over 'hoerenlopers' en 'pooiers'"). A guide to stigma-free language
  quotes the very words it advises against; those quotations are not findings.
* Reported abuse (T17 E2, §4.3 "quoting critics"): "werd uitgescholden voor
  'vieze hoer'", "scheldwoorden als 'hoer'" — the text reports an insult, it does
  not use it. Sex-work words for minors stay at least a warning, as in quotations.
* A quoted word the text rejects for another ("geen 'tienerprostituee', maar een
  kind dat wordt uitgebuit") is not reported at all: that is the rewrite itself.
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.filters.quotes import is_about_minors, quotation_of
from stigmalint.findings import Finding
from stigmalint.severity import Severity

_SELF = re.compile(
    # "noem(t) … mezelf", also with the subject after the verb: "Zelf noem ik me soms hoer"
    r"\b(?:noem|noemt|noemen|noemde|noemden|benoem|benoemt|noemen)\s+(?:(?:ik|we|wij|ze|zij|hij)\s+)?"
    r"(?:mezelf|mijzelf|zichzelf|onszelf|jezelf|me|mij|zich|ons)"
    # up to three words ("soms", "(lachend)"), the quotation mark, an article
    r"(?:\s+\(?\w+\)?){0,3}\s*[\"'„“‘]?\s*(?:een\s+)?$"
    # "ik ben (gewoon|gewoon maar) een hoer"
    r"|\b(?:ik|wij|we)\s+(?:ben|zijn|was|waren)\s+(?:gewoon\s+|maar\s+|ook\s+|zelf\s+|nu\s+){0,2}"
    r"(?:een\s+)?[\"'„“‘]?\s*$",
    re.IGNORECASE,
)
# The verb after the word, in a subordinate clause: "die zichzelf zonder aarzeling hoer
# noemt", "dat ik hoer ben".
_SELF_BEFORE_VERB = re.compile(
    r"\b(?:mezelf|mijzelf|zichzelf|onszelf)(?:\s+\w+){0,4}?\s*[\"'„“‘]?\s*(?:een\s+)?$",
    re.IGNORECASE,
)
_SELF_NAMING_VERB = re.compile(r"^[\"'”’]?\s*(?:noem|noemt|noemen|noemde|noemden)\b", re.IGNORECASE)
_SELF_SUBJECT = re.compile(
    r"\b(?:dat|omdat|want|als|toen)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}?(?:een\s+)?[\"'„“‘]?\s*$",
    re.IGNORECASE,
)
_SELF_BEING_VERB = re.compile(
    r"^[\"'”’]?\s*(?:ben|zijn|was|waren|geworden|werd|werden)\b", re.IGNORECASE
)
_META = re.compile(
    r"\b(?:het\s+woord|de\s+term|de\s+termen|de\s+woorden|het\s+begrip|de\s+benaming|het\s+label|"
    r"de\s+uitdrukking|het\s+etiket|term|woord)\s*[\"'„“‘]?\s*$",
    re.IGNORECASE,
)
_OPEN_Q = r"[\"'„“‘]?"
_CLAUSE = "maar|want|dus|en|of|de|het|die|dat|dit|deze|zij|ze|hij|wij|we|ik|in|op|bij|met|naar"
# A word followed by a remark about the word: "…, een woord dat …", "— een term die …".
_META_AFTER = re.compile(
    r"^[\"'”’“]?\s*[,—–(-]\s*(?:een|het|dat|dit|die|de)\s+(?:\w+\s+)?"
    r"(?:woord|term|begrip|benaming|uitdrukking|scheldwoord|scheldnaam|label|etiket)\s+(?:dat|die|waar)\b",
    re.IGNORECASE,
)
# Wording reported as wording: "lezen we nog steeds over 'X'", "de nota spreekt van 'X'".
_META_REPORTED = re.compile(
    r"\b(?:spreekt|spreken|sprak|spraken|praat|praten|schrijft|schrijven|schreef|schreven|"
    r"leest|lezen|las|lazen|hoort|horen|hoorde|hoorden)(?:\s+[\w’']+){0,5}?\s+(?:van|over)"
    r"\s+[\"'„“‘]\s*$",
    re.IGNORECASE,
)
# Writing advice with the recommended word in quotation marks: "schrijf dan 'sekswerker',
# niet 'prostituée'", "gebruik liever 'sekswerk'".
_ADVICE_ADVERBS = r"(?:dan\s+|liever\s+|gewoon\s+|voortaan\s+|daarom\s+|altijd\s+|ook\s+)*"
_META_ADVICE = re.compile(
    # an imperative, the word quoted or not: "schrijf dan sekswerker"
    rf"\b(?:schrijf|zeg|gebruik|noteer|kies|spreek\s+van)\s+{_ADVICE_ADVERBS}[\"'„“‘]?\s*$"
    # any form of the verb, the word in quotation marks: "we schrijven liever 'sekswerk'"
    rf"|\b(?:schrijft|schrijven|zegt|zeggen|gebruikt|gebruiken|noteert|kiest|kiezen)\s+"
    rf"{_ADVICE_ADVERBS}[\"'„“‘]\s*$",
    re.IGNORECASE,
)
# A quoted word put up for discussion: "En wat te denken van 'uitstappen'?", "wat vindt u van 'X'".
_META_ASKED = re.compile(
    r"\bwat\s+(?:te\s+denken|denk\w*|vind\w*|vond\w*)(?:\s+\w+){0,2}?\s+van\s+[\"'„“‘]\s*$",
    re.IGNORECASE,
)
# The quoted word, then a remark that it is a word: "'X' is zo'n term", "'X' is een beladen woord".
_META_IS = re.compile(
    r"^\s*[\"'”’]\s*(?:is|zijn|was|waren|blijft|blijven)\s+(?:ook\s+|nog\s+|toch\s+)?"
    r"(?:zo[’']n|een|het|dat|dit)\s+(?:\w+\s+)?(?:woord|term|begrip|benaming|uitdrukking|label|"
    r"etiket|scheldwoord)\b",
    re.IGNORECASE,
)
# A list of quoted words: "over 'meisjes achter de ramen', 'hoerenlopers' en 'pooiers'".
_NEXT_QUOTED = re.compile(r"\s*(?:,|/|\ben\b|\bof\b)\s*[\"'„“‘]")
_PREVIOUS_QUOTED = re.compile(r"[\"'”’]\s*(?:,|/|\ben|\bof)\s*$")
# An insult that the text reports: cue, then up to two words ("vieze") before the finding.
_ABUSE = re.compile(
    r"(?:\b(?:uitgescholden|uitgemaakt|uitschelden|uitmaken)(?:\s+(?:worden|werden|wordt|werd))?\s+voor"
    r"|\b(?:scheldt|schold|scholden|schelden|maakt|maakte|maakten|maken)(?:\s+\w+){0,3}?\s+uit\s+voor"
    r"|\b(?:scheldwoord|scheldwoorden|scheldnaam|scheldnamen|verwensing|verwensingen|"
    r"belediging|beledigingen)\s+(?:als|zoals)"
    # earlier items of a list: "scheldwoorden als 'slet', 'snol' en 'hoer'"
    rf")(?:\s+{_OPEN_Q}\w+(?:\s+\w+)?[\"'”’]?\s*(?:,|\s(?:en|of)\b))*"
    # then at most two words of the insult itself ("vieze"), not a new clause ("maar de")
    rf"\s+(?:een\s+)?{_OPEN_Q}\s*(?:(?!(?:{_CLAUSE})\b)\w+\s+){{0,2}}{_OPEN_Q}\s*$",
    re.IGNORECASE,
)
# The word followed by the speaker's own choice: "…, of hoer, zoals ik het zelf het liefst zeg".
_SELF_AFTER = re.compile(
    r"^[\"'”’]?\s*,?\s*zoals\s+(?:ik|we|wij)(?:\s+(?:het|mezelf|mijzelf|onszelf))?"
    r"(?:\s+\w+){0,3}?\s+(?:noem|noemen|zeg|zeggen|zelf)\b",
    re.IGNORECASE,
)
# A quoted word the text rejects for a better one: "is geen 'tienerprostituee', maar een kind
# dat wordt uitgebuit", "niet 'prostituees' maar sekswerkers". The writer does what the rule
# asks, so nothing is reported, for minors too.
_REJECTED_BEFORE = re.compile(r"\b(?:geen|niet|nooit)\s+[\"'„“‘]\s*$", re.IGNORECASE)
_REJECTED_AFTER = re.compile(r"^\s*[\"'”’]\s*,?\s*(?:maar|doch)\b", re.IGNORECASE)
# Advice about wording, the rejected word last: "Spreek over werkverandering, niet over
# uitstappen", "Schrijf sekswerker en niet 'prostituee'".
_REJECTED_LAST = re.compile(
    r"\b(?:spreek|spreekt|spreken|praat|praten|schrijf|schrijft|schrijven|zeg|zegt|zeggen|gebruik|"
    r"gebruikt|gebruiken|kies|kiest|kiezen|noem|noemt|noemen)\b[^.!?;\n]{0,60}?,?\s+(?:en\s+)?"
    r"(?:dus\s+)?(?:niet|nooit|geen)\s+(?:meer\s+)?(?:over|van)?\s*[\"'„“‘]?\s*$",
    re.IGNORECASE,
)
SELF_NOTE = "zelfbenoeming"
META_NOTE = "over het woord zelf"
ABUSE_NOTE = "weergegeven scheldwoord"


def _in_quoted_list(text: str, f: Finding, quotes: list[tuple[int, int]]) -> bool:
    """Is ``f`` (nearly) all of a quotation that is one item of a list of quotations?"""
    q = quotation_of(f, quotes)
    if q is None:
        return False
    qs, qe = q
    if len(text[qs + 1 : qe - 1].split()) > len(f.text.split()) + 1:
        return False  # a longer quotation: speech, not a word
    return bool(
        _NEXT_QUOTED.match(text, qe, qe + 8) or _PREVIOUS_QUOTED.search(text[max(0, qs - 8) : qs])
    )


def _note(text: str, f: Finding, quotes: list[tuple[int, int]]) -> str | None:
    before = text[max(0, f.start - 60) : f.start]
    wide = text[max(0, f.start - 120) : f.start]
    tail = text[f.end : f.end + 80]
    if (
        _SELF.search(before)
        or _SELF_AFTER.match(tail)
        or (_SELF_BEFORE_VERB.search(before) and _SELF_NAMING_VERB.match(tail))
        or (_SELF_SUBJECT.search(before) and _SELF_BEING_VERB.match(tail))
    ):
        return SELF_NOTE
    if _ABUSE.search(wide):
        return ABUSE_NOTE
    after = text[f.end : f.end + 60]
    if (
        _META.search(before)
        or _META_AFTER.match(after)
        or _META_IS.match(after)
        or _META_REPORTED.search(wide)
        or _META_ASKED.search(before)
        or _META_ADVICE.search(before)
        or _in_quoted_list(text, f, quotes)
    ):
        return META_NOTE
    return None


def _rejected(text: str, f: Finding) -> bool:
    if _REJECTED_LAST.search(text[max(0, f.start - 100) : f.start]):
        return True
    return bool(
        _REJECTED_BEFORE.search(text[max(0, f.start - 12) : f.start])
        and _REJECTED_AFTER.match(text[f.end : f.end + 12])
    )


def cap_self_reference(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    out = []
    for f in findings:
        if _rejected(text, f):
            continue
        note = _note(text, f, ctx.quotes)
        if note == META_NOTE:
            continue  # the text is about the word, it does not use it
        if note:
            cap = Severity.SUGGESTION
            if note != SELF_NOTE and is_about_minors(f):
                cap = Severity.WARNING  # never wave through sex-work words for children
            f = f.with_note(note, severity=min(f.severity, cap))
        out.append(f)
    return out
