"""Sentence boundaries as character ranges, without spaCy.

"Same sentence" is the window of every context rule (an anchor word must occur
in the same sentence). The pre-scan, the engine and the spaCy component must all
agree on it, so there is one splitter, here. It follows the guidance (split on
``. ! ? ;`` and on line breaks) with two refinements for real documents:

* a single line break inside a hard-wrapped paragraph does not end a sentence
  when the line ends in a lower-case word or a comma and the next line goes on in
  lower case;
* common abbreviations ("art.", "nr.", "bijv.") do not end a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# How far back `context.previous` looks: this many sentences before, within the block
# (a paragraph). "Vanaf april kunnen sekswerkers … Je kunt je er laten testen … We hebben
# de avond toegevoegd omdat veel dames overdag werken."
PREVIOUS_SENTENCES = 3

_ABBREVIATIONS = {
    "art", "artt", "nr", "nrs", "bijv", "bv", "o.a", "oa", "e.d", "ed", "enz", "etc", "dhr",
    "mevr", "mw", "jl", "stb", "stcrt", "blz", "p", "pp", "zgn", "resp", "ca", "vgl", "evt",
    "m.b.t", "mbt", "t.a.v", "tav", "i.p.v", "ipv", "d.w.z", "dwz", "z.g.n", "kamerstuk",
    "kamerstukken", "jo", "lid", "sr", "sv", "wvsr", "min", "prof", "dr", "drs", "mr", "ir",
    "ing", "st", "dec", "jan", "feb", "aug", "sept", "okt", "nov",
}  # fmt: skip

# A sentence end: punctuation (plus closing quotes/brackets) before white space, a blank
# line, or a line break. Written to start with one character class, which lets the regex
# engine skip ahead to the next candidate character instead of trying every position;
# it matches exactly what ``[.!?;]+[…]*(?=\s)|\n[ \t]*\n\s*|\n`` matches.
_END = re.compile(r"[.!?;\n](?:(?<=\n)(?:[ \t]*\n\s*)?|[.!?;]*[\"'”’»)\]]*(?=\s))")
_NON_SPACE = re.compile(r"\S")
_BULLET = re.compile(r"\s*([-*•·–—]|\d+(\.\d+)+\.?|\d+[.)]|[a-z][.)])\s")


_NUMBERING_BEFORE = re.compile(
    r"(?:^|\n)[ \t•·*-]*[\d.]+$"
    r"|\b(?:hoofdstuk|artikel|art|paragraaf|lid|afdeling|titel|nr|stap|fase)\.?\s+[\d.]+$",
    re.IGNORECASE,
)


_ASCII_LETTERS_DOT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


def _word_before(before: str) -> str | None:
    """What ``re.search(r"([A-Za-z][A-Za-z.]*)$", before)`` captures, without the regex.

    (The regex retries at every letter of the 30 characters; this runs once per
    full stop of every text.) ``$`` also matches before a final line break.
    """
    if before.endswith("\n"):
        before = before[:-1]
    tail = before[len(before.rstrip(_ASCII_LETTERS_DOT)) :]
    word = tail.lstrip(".")
    return word or None


def _is_abbreviation(text: str, dot: int) -> bool:
    before = text[max(0, dot - 30) : dot]
    found = _word_before(before)
    if found is None:
        # "1.1 Opheffing", "Hoofdstuk 3. Regulering": numbering, not the end of a sentence;
        # "de jongste was 13. Een …" does end one.
        return dot > 0 and text[dot - 1].isdigit() and bool(_NUMBERING_BEFORE.search(before))
    word = found.lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _line_continues(text: str, nl: int) -> bool:
    """Does the sentence run on across the single line break at ``nl``?

    Looks only at the characters next to the break (slicing the text before and
    after it made long documents quadratic: 24 MB of plain text never finished).
    """
    i = nl - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = nl + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    if i < 0 or j >= len(text):
        return False
    if _BULLET.match(text, nl + 1, nl + 12):
        return False
    last, first = text[i], text[j]
    return ((last.isalpha() and last.islower()) or last in ",-–(") and (
        first.islower() or first.isdigit()
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character ranges covering every sentence of ``text``."""
    # The pre-scan, the matcher and the filters all split the same block: split once.
    return list(_spans(text))


def _ends(text: str, m: re.Match[str]) -> bool:
    """Does the boundary candidate ``m`` end a sentence? Decided from the characters
    around it only, which is what lets :func:`sentence_around` look locally."""
    token = m.group(0)
    if token[0] == "\n" and "\n" not in token[1:] and _line_continues(text, m.start()):
        return False
    return not (token[0] == "." and _is_abbreviation(text, m.start()))


def _sentence_end(m: re.Match[str]) -> int:
    """Punctuation belongs to its sentence; a line break does not."""
    return m.start() if m.group(0)[0] == "\n" else m.end()


@lru_cache(maxsize=8)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if not _ends(text, m):
            continue
        end = _sentence_end(m)
        if _NON_SPACE.search(text, start, end):  # not blank (str.strip's white space)
            spans.append((start, end))
        start = m.end()
    if _NON_SPACE.search(text, start):
        spans.append((start, len(text)))
    return tuple(spans)


def _resync(text: str, q: int) -> int:
    """The nearest offset at or before ``q`` where a scan for boundaries can start and
    find the same boundaries as a scan of the whole text: just after a letter or digit
    (no boundary contains one), or the start of the text."""
    while q > 0 and not text[q - 1].isalnum():
        q -= 1
    return q


def sentence_around(text: str, offset: int) -> tuple[int, int] | None:
    """The sentence of :func:`sentence_spans` that holds ``offset``, found locally.

    Whether a boundary ends a sentence depends only on the characters around it, so
    the sentence is found by scanning a little text before ``offset`` (more, if no
    boundary turns up) and after it up to the next boundary, instead of splitting a
    whole long block to look at one word. ``None`` when ``offset`` is white space
    between sentences.
    """
    back = 120
    while True:
        q = _resync(text, max(0, offset - back))
        start: int | None = 0 if q == 0 else None
        end = len(text)
        for m in _END.finditer(text, q):
            if not _ends(text, m):
                continue
            if m.end() <= offset:
                start = m.end()
                continue
            end = _sentence_end(m)
            if end <= offset:
                return None  # the offset is in the line break between two sentences
            break
        if start is None:  # no sentence end found before the offset: look further back
            back *= 4
            continue
        return (start, end) if _NON_SPACE.search(text, start, end) else None


def sentence_before(text: str, start: int) -> tuple[int, int] | None:
    """The sentence before the one that starts at ``start`` (``None`` at the start)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return sentence_around(text, i) if i >= 0 else None


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def new_paragraph(text: str, end: int, start: int) -> bool:
    """Is there a blank line between a sentence that ends at ``end`` and the next one?"""
    return _BLANK_LINE.search(text, end, start) is not None


def context_sentences(text: str, start: int) -> list[tuple[int, int]]:
    """The sentences whose words count for `context.previous` of the sentence at ``start``:
    up to PREVIOUS_SENTENCES before it, nearest first, not across a blank line."""
    out: list[tuple[int, int]] = []
    while len(out) < PREVIOUS_SENTENCES:
        prev = sentence_before(text, start)
        if prev is None or new_paragraph(text, prev[1], start):
            break
        out.append(prev)
        start = prev[0]
    return out


class SentenceIndex:
    """Find the sentence around a character offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i]
        return None
