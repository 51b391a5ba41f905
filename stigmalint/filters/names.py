"""E1 beyond the list: recognise names of documents by their shape.

No allowlist can hold every municipal policy note or bill. Dutch government
texts name documents in a few recognisable ways, and a term inside such a name
is not the writer's own word choice:

1. a document noun (or a compound ending in one: uitstapprogramma, prostitutiewet)
   followed by a capitalised word starts a name:
   "het wetsvoorstel Regulering prostitutie (Kamerstukken 32 211)",
   "het commissiedebat Mensenhandel en prostitutie";
2. a capitalised word in mid-sentence that leads to a document noun starts a name:
   "de Regionale nota prostitutiebeleid", "de Wet regulering …";
3. a municipal document title, "<term> (voor de) gemeente <Naam>" without an
   article in front: "Nota Prostitutiebeleid gemeente Bladel", "Lokaal
   prostitutiebeleid voor de gemeente Geertruidenberg" — but not "een lokaal
   prostitutiebeleid voor de gemeente Geertruidenberg" (that is the writer's prose).

A name runs until punctuation, a parenthesis, a verb or a conjunction.

4. a quotation right after a document or media noun is a title, whatever its case:
   "Bent u bekend met het bericht 'Explosie van illegale prostitutie in vakantiehuizen'?"
"""

from __future__ import annotations

import re
from typing import Any

from stigmalint.findings import Finding
from stigmalint.text.fold import fold

DOC_NOUNS = {
    "wet", "wetsvoorstel", "initiatiefwetsvoorstel", "initiatiefvoorstel", "regeling",
    "subsidieregeling", "nota", "beleidsnota", "notitie", "rapport", "rapportage", "onderzoek",
    "evaluatie", "commissiedebat", "debat", "dossier", "programma", "project", "besluit",
    "verordening", "campagne", "brochure", "publicatie", "handreiking", "richtlijn",
    "richtlijnen", "beleidsplan", "beleidskader", "plan", "actieplan", "hoofdstuk", "titel",
    "paragraaf", "afdeling", "team", "taskforce", "werkgroep", "stichting", "vereniging",
    "centrum", "film", "boek", "serie", "documentaire", "podcast", "reportage", "uitzending",
    "motie", "amendement", "kamerbrief", "convenant", "aanpak", "congres", "conferentie",
    "symposium", "leidraad", "kader", "protocol", "model-apv", "modelverordening",
}  # fmt: skip
# Compounds name documents too ("het Uitstapprogramma Prostituees", "de Prostitutiewet"):
# a word that ends in a document noun, with at least three letters before it. Such a
# name is only its run of capitalised words ("Wetboek van Strafrecht"), because the
# compound may be an ordinary word whose sentence just goes on.
_DOC_HEAD = re.compile("(?:" + "|".join(sorted(DOC_NOUNS, key=len, reverse=True)) + ")$")
_NAME_LINKS = {"van", "voor", "de", "het", "der", "en", "in", "op", "&"}


def is_doc_noun(word: str) -> bool:
    return word in DOC_NOUNS or is_doc_compound(word)


def is_doc_compound(word: str) -> bool:
    m = _DOC_HEAD.search(word)
    return m is not None and m.start() >= 3 and word[: m.start()].isalpha()


def _capitalised(word: str) -> bool:
    return word.lstrip("\"'„“‘(").strip()[:1].isupper()


def _capitalised_run(words: list[tuple[int, int, str]], k: int) -> int:
    """The end (exclusive) of the run of capitalised words from ``k``, small linking
    words between them included: "Uitstapprogramma Prostituees", "Wetboek van Strafrecht"."""
    end = k + 1
    j = k + 1
    while j < len(words) and not _ends_clause(words[j - 1][2]):
        if _capitalised(words[j][2]):
            end = j = j + 1
        elif _bare(words[j][2]) in _NAME_LINKS:
            j += 1
        else:
            break
    return end


_STOP = {
    "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had",
    "zal", "zullen", "kan", "kunnen", "moet", "moeten", "mag", "wil", "gaat", "komt", "regelt",
    "bepaalt", "beoogt", "treedt", "stelt", "maakt", "geeft", "dat", "omdat", "waarin",
    "waarmee", "waarbij", "wanneer", "als", "maar", "want", "dus", "om", "terwijl", "nadat",
    "zodat", "niet", "nog", "wel", "met", "door", "tot", "naar", "sinds", "tijdens",
    # a subject pronoun or a common finite verb is never inside a name: "de Taskforce
    # aanpak mensenhandel zetten wij ons in tegen …" ends before "zetten"
    "wij", "we", "zij", "ze", "hij", "ik", "jij", "je", "u", "men", "zetten", "zet", "werken",
    "werkt", "helpen", "helpt", "bieden", "biedt", "doen", "doet", "richten", "richt",
    "pakken", "pakt", "spreken", "spreekt", "zeggen", "zegt", "vinden", "vindt", "staan",
    "staat", "blijven", "blijft", "krijgen", "krijgt", "laten", "laat", "zien", "ziet",
    "gaan", "komen", "houden", "houdt", "willen", "brengen", "brengt", "voeren", "voert",
}  # fmt: skip
_DETERMINERS = {
    "een", "de", "het", "dit", "deze", "dat", "die", "ons", "onze", "zijn", "haar", "hun",
    "uw", "elk", "elke", "ieder", "iedere", "welk", "welke", "geen",
}  # fmt: skip
_MAX_NAME_WORDS = 14
_WORD = re.compile(r"\S+")
_MUNICIPAL = re.compile(r"^[\s,]*(?:voor\s+de\s+)?gemeente\s+(?-i:[A-Z])", re.IGNORECASE)
_NUMBERING = re.compile(r"^[\d.:]+$|^[ivx]+\.?$")


def _bare(word: str) -> str:
    return fold(word.strip("\"'„“”‘’«»()[]{}.,;:!?*•·–—-"))


def _ends_clause(word: str) -> bool:
    return word[-1:] in ",;:.!?)" or word.startswith("(")


def _name_spans(text: str, lo: int, hi: int, title_line: bool) -> list[tuple[int, int]]:
    words = [(m.start() + lo, m.end() + lo, m.group(0)) for m in _WORD.finditer(text[lo:hi])]
    spans = []
    first_real = next((k for k, w in enumerate(words) if any(c.isalpha() for c in w[2])), 0)
    k = 0
    while k < len(words):
        start_k = None
        w = words[k][2]
        b = _bare(w)
        cap = _capitalised(w)
        mid = k != first_real or title_line
        if b in DOC_NOUNS and not _ends_clause(w):
            j = k + 1
            while j < len(words) and _NUMBERING.match(words[j][2]):
                j += 1
            if j < len(words) and _capitalised(words[j][2]):
                start_k = k if cap else j
        if start_k is None and cap and mid:
            ahead: list[str] = []
            for x in words[k : k + 4]:
                a = _bare(x[2])
                if ahead and (a in _DETERMINERS or a in _STOP):
                    break  # "Bikker over de evaluatie": the doc noun is not part of this name
                ahead.append(a)
            if any(a in DOC_NOUNS for a in ahead):
                start_k = k
        if start_k is None and is_doc_compound(b) and not _ends_clause(w):
            # "het Uitstapprogramma Prostituees", "het uitstapprogramma Prostituees",
            # "de Prostitutiewet": only the capitalised run is the name
            nxt = k + 1 < len(words) and _capitalised(words[k + 1][2])
            if (cap and mid) or nxt:
                s0 = k if cap and mid else k + 1
                end = _capitalised_run(words, s0)
                spans.append((words[s0][0], words[end - 1][1]))
                k = max(end, k + 1)
                continue
        if start_k is None:
            k += 1
            continue
        end_k = start_k
        while end_k < len(words) and end_k - start_k < _MAX_NAME_WORDS:
            word = words[end_k][2]
            if end_k > start_k and (_bare(word) in _STOP or word.startswith("(")):
                break
            end_k += 1
            if _ends_clause(word):
                break
        spans.append((words[start_k][0], words[end_k - 1][1]))
        k = max(end_k, k + 1)
    return spans


def _line(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, len(text) if le < 0 else le


def _is_title_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and s[-1] not in ".;:!?," and len(s.split()) <= 16


def _municipal_title(text: str, f: Finding, ls: int, le: int) -> bool:
    """A title names the document at the start of its line: at most two words before it."""
    if not _MUNICIPAL.match(text[f.end : le]):
        return False
    before = [
        w
        for w in (_bare(x) for x in text[ls : f.start].split())
        if w and any(c.isalpha() for c in w)
    ]
    return len(before) <= 2 and not any(w in _DETERMINERS for w in before)


_NEXT_WORD = re.compile(r"[ \t]+[\"'„“‘(]?(\S)")


def _in_capitalised_pair(text: str, f: Finding, sentence_start: int) -> bool:
    """A capitalised word inside the finding, not opening its sentence, that is followed
    by another capitalised word is part of a proper name: "de vieze Del Monte-ananas".
    Dutch capitalises names, not nouns."""
    for m in re.finditer(r"\S+", text[f.start : f.end]):
        start = f.start + m.start()
        if not _capitalised(m.group()) or not text[sentence_start:start].strip(" \"'„“‘("):
            continue
        nxt = _NEXT_WORD.match(text, f.start + m.end())
        if nxt and nxt.group(1).isupper():
            return True
    return False


# Media whose titles are cited in quotation marks: "het bericht 'Explosie van illegale
# prostitutie in vakantiehuizen'", "de column 'Hoeren en heren'", "getiteld 'Op de Wallen'".
MEDIA_NOUNS = {
    "bericht", "nieuwsbericht", "persbericht", "artikel", "krantenartikel", "kop", "krantenkop",
    "column", "opiniestuk", "interview", "tweet", "blog", "blogpost", "aflevering", "item",
    "nieuwsitem", "essay", "boektitel", "slogan", "motto", "getiteld", "kopte", "koptekst",
    # works of art and entertainment
    "schilderij", "doek", "prent", "gravure", "tekening", "portret", "beeldhouwwerk",
    "roman", "novelle", "gedicht", "lied", "liedje", "album", "toneelstuk", "voorstelling",
    "musical", "opera", "tentoonstelling", "expositie", "installatie", "fotoserie",
}  # fmt: skip
# the noun right before the quotation, or with one word and a comma between ("Het
# schilderij erboven, 'De Lichtekooi' …")
_TITLE_BEFORE = re.compile(r"(\S+)(?:\s+\w+\s*,)?\s*:?\s*$")
# a year in brackets right after the quotation: a work or a citation ("'De Lichtekooi'
# (anoniem, ca. 1890)", "de Nationaal Rapporteur ('Prostitutie en mensenhandel', 2017)")
_YEAR_AFTER = re.compile(
    r"\s*(?:,\s*(?:ca\.\s*)?(?:1[5-9]\d\d|20\d\d)\s*\)|\([^()\n]{0,40}?\b(?:1[5-9]\d\d|20\d\d)\))"
)


def _quoted_titles(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations right after a document or media noun: titles (E1), not the writer's words."""
    out = []
    for qs, qe in quotes:
        if _YEAR_AFTER.match(text, qe):
            out.append((qs, qe))
            continue
        m = _TITLE_BEFORE.search(text, max(0, qs - 40), qs)
        if m is None or _ends_clause(m.group(1).rstrip(":")):
            continue  # "… staat in de nota. 'Prostituees …' zei hij": a new sentence
        word = _bare(m.group(1))
        if word in MEDIA_NOUNS or word in DOC_NOUNS or is_doc_compound(word):
            out.append((qs, qe))
    return out


def drop_in_titles_and_names(text: str, findings: list[Finding], ctx: Any) -> list[Finding]:
    titles = _quoted_titles(text, ctx.quotes)
    findings = [f for f in findings if not any(s <= f.start and f.end <= e for s, e in titles)]
    kept = []
    cache: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for f in findings:
        ls, le = _line(text, f.start)
        if _municipal_title(text, f, ls, le):
            continue
        ss, se = ctx.sentence_of(f)
        title_line = _is_title_line(text[ls:le])
        if not title_line and _in_capitalised_pair(text, f, max(ss, ls)):
            continue
        lo, hi = max(ss, ls), min(se, le) if le > f.start else se
        key = (lo, hi)
        if key not in cache:
            cache[key] = _name_spans(text, lo, hi, title_line)
        if any(s <= f.start and f.end <= e for s, e in cache[key]):
            continue
        kept.append(f)
    return kept
