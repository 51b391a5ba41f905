"""E5: cited legal definitions are not the writer's word choice.

An APV or a bill defines "prostituee" and "prostitutie"; a municipality that cites
or applies that text cannot rename the defined term. Two shapes are recognised:

* a definitions block: from "… wordt verstaan (onder):" or a heading
  "Begripsbepaling(en)" up to the next article, chapter or section heading;
* one definition line: "prostituee: degene die …", "- klant: degene die …";
* one definition sentence, in the shapes laws and APV's use: "(In deze
  verordening) wordt verstaan onder prostituee: …", "Onder seksbedrijf wordt (in
  de zin van deze verordening) verstaan: …", "In deze afdeling wordt onder
  prostitutiebedrijf verstaan: …", "Artikel 3:1 APV definieert een prostituee als
  degene die …". Only that sentence is quiet, not the text after it: unlike "wordt
  verstaan:" these sentences define one term, they do not open a list;
* legal text quoted after its source: "Volgens de wet omvat uitbuiting ten minste
  'uitbuiting van een ander in de prostitutie, …'" — only the quotation;
* a glossary sentence that cites a source's definition and gives the word as an
  example (§4.3): "Een bemiddelaar is volgens de Termenchecker iemand die …,
  bijvoorbeeld een pooier" — only the words after "bijvoorbeeld"/"zoals".
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.filters.quotes import quotation_of
from stigmalint.findings import Finding

_BLOCK_START = re.compile(
    r"wordt\s+(?:mede\s+)?verstaan(?:\s+onder)?\s*:|^\s*(?:artikel\s+[\w:.]+\s+)?begripsbepaling(?:en)?\b",
    re.IGNORECASE | re.MULTILINE,
)
_BLOCK_END = re.compile(
    r"^\s*(?:artikel|hoofdstuk|afdeling|paragraaf|titel|§)\s+[\w:.]+", re.IGNORECASE | re.MULTILINE
)
_DEFINITION_LINE = re.compile(
    r"^(?P<bullet>[\s•·*\-–—]*(?:[a-z]\.|\d+[.°)])?)\s*(?P<term>[\w\-’'()é ]{2,40}?)\s*:\s*"
    r"(?:(?P<strong>degene|diegene|elke|iedere|al|alle|onder)|(?P<weak>de|het|een))\b",
    re.IGNORECASE,
)
# "een bedrijf waar …", "de persoon die …": the shape of a definition's body
_DEFINING_BODY = re.compile(
    r"(?:de|het|een)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:die|dat|waar|waarin|waarbij|waarmee)\b",
    re.IGNORECASE,
)
# labels that open a caption or a remark, never a defined term
_NOT_TERMS = frozenset(
    {"foto", "beeld", "afbeelding", "bijschrift", "illustratie", "video", "bron", "noot"}
)


def _definition_line(line: str) -> bool:
    """'prostituee: degene die …', '- klant: een persoon die …', 'a. seksbedrijf: het …'.

    After 'de/het/een' the line must look like a definition list (a bullet or a
    lowercase term) or the body must define ('een bedrijf waar …'): "Beeld: Een vrouw
    achter een raam" is a caption and "Opvallend: de stad koppelt …" a remark.
    """
    m = _DEFINITION_LINE.match(line)
    if m is None or m.group("term").strip().lower() in _NOT_TERMS:
        return False
    if m.group("strong"):
        return True
    term = m.group("term").strip()
    listed = bool(m.group("bullet").strip()) or term[:1].islower()
    return listed or _DEFINING_BODY.match(line, m.start("weak")) is not None


_LEGAL_TEXT = (
    r"(?:artikel|art\.|(?:de|deze|die|dit|het)\s+(?:wet|apv|verordening|besluit|regeling|afdeling|"
    r"hoofdstuk|paragraaf|titel))"
)
_IN_DE_ZIN_VAN = re.compile(r"\bin\s+de\s+zin\s+van\s+" + _LEGAL_TEXT, re.IGNORECASE)
# Any character but the end of a clause; a colon or full stop inside "3:1", "art. 5" is fine.
_C = r"(?:[^:;.!?\n]|[:.](?=\d)|(?<=\bart)\.)"
_DEFINITION_SENTENCE = re.compile(
    # … wordt verstaan onder X: …
    rf"\b(?:wordt|worden)\s+(?:mede\s+)?verstaan\s+onder\s+{_C}{{1,60}}:"
    # Onder X wordt (in de zin van deze verordening) verstaan(:) …
    rf"|\bonder\s+{_C}{{1,60}}?\s(?:wordt|worden)\s+{_C}{{0,80}}?\bverstaan\s*:"
    # Onder X verstaat de APV / de wet: …
    rf"|\bonder\s+{_C}{{1,60}}?\sverstaa?t\s+{_C}{{0,60}}?:"
    # … wordt (in de zin van …) onder X verstaan: …
    rf"|\b(?:wordt|worden)\s+(?:{_C}{{0,80}}?\s)?onder\s+{_C}{{1,60}}?\sverstaan\s*:"
    # Artikel 3:1 APV / de verordening definieert X als degene die …
    r"|(?:\bapv\b|\bartikel\s+\d|\bart\.\s*\d|\b(?:de|deze|die|dit|het)\s+(?:wet|verordening|besluit|"
    rf"regeling)\b){_C}{{0,40}}?\s(?:definieert|omschrijft)\s{_C}{{1,60}}?\sals\s+[\"'„“‘]?"
    r"(?:degene|diegene|het\s+zich|elke\s+natuurlijke|een\s+natuurlijke)\b",
    re.IGNORECASE,
)
# "X is volgens <bron> iemand die …, bijvoorbeeld <woord>": a cited glossary definition.
_GLOSSARY = re.compile(
    r"^\s*(?:een|de|het)?\s*[\w-]+\s+(?:is|zijn)\s+volgens\s+(?:de\s+|het\s+)?(?-i:[A-Z])[\w-]*"
    r"(?:\s+[\w-]+){0,3}?\s+(?:iemand|degene|diegene|een\s+persoon|personen|mensen)\s+die\b"
    r"[^.;]*?\b(?:bijvoorbeeld|zoals)\b",
    re.IGNORECASE,
)


# A definition cited in quotation marks: "Artikel 3:1 APV luidt: 'prostituee: degene die …'"
_QUOTED_DEFINITION = re.compile(
    r"[\"'„“‘]\s*(?P<term>[\w\-’' ]{2,40}?)\s*:\s*(?:degene|diegene|elke|iedere)\b",
    re.IGNORECASE,
)


def _in_quoted_definition(text: str, f: Finding, ss: int, se: int) -> bool:
    return any(
        m.start("term") <= f.start and f.end <= m.end("term")
        for m in _QUOTED_DEFINITION.finditer(text, ss, se)
    )


# Legal text cited in quotation marks: "Volgens de wet omvat uitbuiting ten minste
# 'uitbuiting van een ander in de prostitutie, …'", "in de wettekst heet dat nog steeds
# 'prostituee'", "artikel 273f Sr spreekt van '…'". The source is named before the quotation,
# in the same sentence.
_LEGAL_SOURCE = re.compile(
    r"\b(?:volgens|in|naar|onder)\s+(?:de|het|deze)\s+(?:wet|wettekst|wetstekst|wetsartikel|"
    r"strafwet|wetboek|verordening|apv|regelgeving|voorwaarden|regeling|reglement|beleidsregels?|"
    r"vergunningvoorwaarden|besluit)\b"
    # the law is the subject: "Die wet stelt … regels voor 'prostituees'"
    r"|\b(?:de|die|deze|dit|het)\s+(?:wet|wettekst|wetsvoorstel|wetsartikel|wetboek|apv|"
    r"verordening)\s+(?:spreekt|sprak|noemt|noemde|luidt|zegt|omschrijft|definieert|stelt|"
    r"regelt|bepaalt|gebruikt|heeft\s+het\s+over)\b"
    r"|\b(?:artikel|art\.)\s*\d+[\w:.]*(?:\s+(?:sr|wetboek\s+van\s+strafrecht|apv|wrp|wrs))?"
    r"\s+(?:spreekt|luidt|noemt|zegt|omschrijft|definieert|bepaalt|omvat)\b"
    # the article, then a clause about it: "artikel 273f van het Wetboek van Strafrecht,
    # dat … omschrijft als '…'"
    r"|\b(?:artikel|art\.)\s*\d+[\w:.]*[^.;!?\n]{0,120}?,\s*(?:dat|die)\b[^.;!?\n]{0,160}?"
    r"\b(?:spreekt|luidt|noemt|omschrijft|definieert|bepaalt|omvat)\b",
    re.IGNORECASE,
)


def _in_quoted_legal_text(text: str, f: Finding, ss: int, spans: list[tuple[int, int]]) -> bool:
    q = quotation_of(f, spans)
    return (
        q is not None and q != (f.start, f.end) and _LEGAL_SOURCE.search(text, ss, q[0]) is not None
    )


# A line of a definitions list: "a. prostituee: …", "1° klant: …", "- seksbedrijf: …",
# "prostituee: degene die …", the quoted text of a definition continued, or any line
# that ends the way list items do in laws ("…tegen betaling;", "…; of").
_ITEM = re.compile(
    r"^\s*(?:(?:[a-z]|\d+|[ivx]+)[.°)]\s|[-•·*–]\s|[\w\-’'()é ]{2,40}:\s|[\"'„“‘])"
    r"|[;:]\s*(?:of|en)?\s*$",
    re.IGNORECASE,
)


# A definition cited inline after "wordt verstaan:": up to its closing quotation mark.
_QUOTED_BODY = re.compile(r"\s*[\"'„“‘«]([^\"”’»\n]{1,600})[\"”’»]")


def _blocks(text: str) -> list[tuple[int, int]]:
    """From "wordt verstaan:" or "Begripsbepalingen" to the end of the list.

    The list ends at the next article or chapter heading, or at the first line after the
    opening one that is not a definition item: a cited definition in a web page must not
    silence the rest of the page.
    """
    out = []
    for m in _BLOCK_START.finditer(text):
        quoted = _QUOTED_BODY.match(text, m.end())
        if quoted:  # "… wordt verstaan: ‘een onderneming …’." — the quotation is the block
            out.append((m.start(), quoted.end()))
            continue
        end_m = _BLOCK_END.search(text, m.end())
        limit = end_m.start() if end_m else len(text)
        nl = text.find("\n", m.end())
        end = limit if nl < 0 or nl > limit else nl
        while end < limit:
            nxt = text.find("\n", end + 1)
            line = text[end + 1 : limit if nxt < 0 or nxt > limit else nxt]
            if line.strip() and not _ITEM.search(line):
                break
            end = limit if nxt < 0 or nxt > limit else nxt
        out.append((m.start(), end))
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
        if _definition_line(_line(text, f.start)):
            continue
        ss, se = ctx.sentence_of(f)
        if _IN_DE_ZIN_VAN.search(text, ss, se) or _DEFINITION_SENTENCE.search(text, ss, se):
            continue
        if _in_quoted_definition(text, f, ss, se) or _in_quoted_legal_text(text, f, ss, ctx.quotes):
            continue
        g = _GLOSSARY.match(text, ss, se)
        if g and f.start >= g.end():
            continue
        kept.append(f)
    return kept
