"""E1: nothing is reported inside a listed proper name (law, programme, report…).

Names are matched *near-exactly*: case, accents, hyphens inside words
(``seks-branche``), line breaks, the inclusive ``prostitué(e)s`` spelling and the
apostrophe in ``uitstapprogramma’s`` do not matter. Writers also vary a long name
a little, and the variant is still the name: small function words added or left
out ("bestrijding van misstanden in de seksbranche"), "&" for "en", two name
words joined by a hyphen ("Decentralisatie-uitkering"), an adjectival -e ("het
landelijke programma prostitutie"). See :func:`name_pattern`.

Some names are ordinary phrases too ("Prostitutie en mensenhandel", a report
title); those carry a condition: they only count as a name on a line of their
own (a title), shortly after a word such as "rapport" or "commissiedebat", or
when a year in brackets follows them, as in a citation.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from stigmalint.findings import Finding
from stigmalint.rules.model import AllowName
from stigmalint.text.fold import fold

_WORD = re.compile(r"\w+", re.UNICODE)


# Printable ASCII except the characters fold_with_map treats specially ( ) - ` : for
# these, folding is lower-casing, so whole runs of them, with single spaces between,
# are handled at once (in C, not character by character).
_PLAIN = r"[\x21-\x27\x2a-\x2c\x2e-\x5f\x61-\x7e]"
_PLAIN_RUN = re.compile(rf"{_PLAIN}+(?: {_PLAIN}+)*")
_SPACE_RUN = re.compile(r"\s+")


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for name matching and keep, per output char, its input offset."""
    out: list[str] = []
    idx: list[int] = []
    last = ""  # the last character written
    n = len(text)
    i = 0
    while i < n:
        m = _PLAIN_RUN.match(text, i)
        if m:
            j = m.end()
            run = text[i:j].lower()
            out.append(run)
            idx.extend(range(i, j))
            last = run[-1]
            i = j
            continue
        ch = text[i]
        if ch == "-" and last.isalnum():
            # seks-branche / prostitutie-\nbeleid: a hyphen inside a word disappears
            j = i + 1
            while j < n and text[j] in " \t\r\n" and text[i + 1 : j + 1].count("\n") <= 1:
                j += 1
            if j < n and text[j].isalpha() and (j == i + 1 or "\n" in text[i:j]):
                i = j
                continue
        if ch in "()":
            i += 1
            continue
        if ch.isspace():
            if last and last != " ":
                out.append(" ")
                idx.append(i)
                last = " "
            i = _SPACE_RUN.match(text, i).end()  # type: ignore[union-attr]
            continue
        f = fold(ch) or ch
        out.append(f)
        idx.extend([i] * len(f))
        last = f[-1]
        i += 1
    return "".join(out), idx


def fold_name(name: str) -> str:
    return fold_with_map(name)[0].strip()


# Small words that writers add to or leave out of a name ("bestrijding (van)
# misstanden (in de) seksbranche", "Uitstapprogramma's (voor) Prostituees"); "&" is "en".
FUNCTION_WORDS = frozenset(
    {"van", "de", "het", "der", "den", "in", "voor", "op", "en", "&", "of", "met", "ter", "tot"}
)
_FW = (
    "(?:"
    + "|".join(sorted((re.escape(w) for w in FUNCTION_WORDS), key=lambda w: (-len(w), w)))
    + ")"
)
_MAX_ADDED = 3  # function words that may stand between two name words
_MIN_FREE_WORDS = 3  # content words a name needs before small words may be added or left out
_YEAR_AFTER = re.compile(r"\s*\(\s*(?:1[5-9]|20)\d\d\s*\)")


def _word_pattern(word: str) -> str:
    """A name word, with or without an adjectival -e ("landelijk(e) programma")."""
    if len(word) > 3 and word[-1] == "e" and word[-2].isalpha() and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "e?"
    if word[-1].isalpha() and word[-1] not in "aeiou":
        return re.escape(word) + "e?"
    return re.escape(word)


def name_pattern(folded: str, strict: bool = False) -> str:
    """The regex for one folded name, tolerant of how writers vary a name.

    * between two name words, function words may be added or left out (up to
      three); ``strict`` names (ordinary phrases that are a name only under a
      condition) and names of only two content words only exchange "en" and "&":
      with a small word added, a two-word name reads as ordinary prose
      ("uitstapprogramma's voor prostituees" is not "Uitstapprogramma's Prostituees");
    * two adjacent name words may be written as one word: fold_with_map deletes
      the hyphen of "Decentralisatie-uitkering", which then reads as
      "Decentralisatie Uitkering";
    * a name word may take or lose an adjectival -e;
    * function words at the start or end of a name stay as they are ("Het oudste
      beroep"), so the name does not shrink to a bare common phrase.
    """
    words = folded.split(" ")
    content = [k for k, w in enumerate(words) if w not in FUNCTION_WORDS]
    if not content:
        return re.escape(folded)
    first, last = content[0], content[-1]
    strict = strict or len(content) < _MIN_FREE_WORDS
    parts = [re.escape(w) + " " for w in words[:first]]
    for a, b in itertools.pairwise(content):
        parts.append(_word_pattern(words[a]))
        between = words[a + 1 : b]
        if strict and between:
            alts = ("(?:en|&)" if w in ("en", "&") else re.escape(w) for w in between)
            parts.append(" " + " ".join(alts) + " ")
        elif strict:
            parts.append("(?: |)")
        else:
            gap = f" (?:{_FW} ){{0,{_MAX_ADDED}}}"
            parts.append(f"(?:{gap}|)" if not between else gap)
    parts.append(_word_pattern(words[last]))
    parts += [" " + re.escape(w) for w in words[last + 1 :]]
    return "".join(parts)


@lru_cache(maxsize=32)
def _compile(names: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    """One regex for all names, one capturing group per name in the order given."""
    if not names:
        return None
    groups = "|".join(f"({name_pattern(n, strict)})" for n, strict in names)
    source = r"(?<!\w)(?:" + groups + r")(?!\w)"
    # Compiling the alternation of every name costs ~0.15 s; the start-up cache
    # keeps it compiled, keyed by its source.
    from stigmalint import startup

    return startup.cached(
        "allowlist", startup.cache_key(source), lambda: re.compile(source), re.Pattern
    )


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


_LINE_DECORATION = re.compile(r"^[\s#>*•·\-–—\d.)]*|[\s:.]*$")


def _is_title(text: str, start: int, end: int) -> bool:
    ls, le = _line_bounds(text, start, end)
    line = text[ls:le]
    rest = _LINE_DECORATION.sub("", text[ls:start]) + _LINE_DECORATION.sub("", text[end:le])
    return not rest.strip() and bool(line.strip())


_ARTICLES = frozenset({"de", "het", "een"})


def _after_cue(text: str, start: int, cues: Sequence[str]) -> bool:
    """A cue word ("rapport", "album") among the three words before the name.

    An article after the cue starts a new noun phrase, so the name is no longer
    the cue's title: "het album Loverboy", but not "het nummer van de loverboy".
    """
    before = [fold(w) for w in _WORD.findall(text[max(0, start - 80) : start])][-3:]
    return any(
        w in cues and not _ARTICLES.intersection(before[k + 1 :]) for k, w in enumerate(before)
    )


def _cited_with_year(text: str, end: int) -> bool:
    """A name directly followed by a year in brackets is a cited title: "… (2017)"."""
    return _YEAR_AFTER.match(text, end) is not None


_REACH = 300  # longest name we expect, in characters


def _windows(findings: Sequence[Finding], n: int) -> list[tuple[int, int]]:
    """Merged neighbourhoods of the findings: only these parts of a text are folded."""
    out: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: f.start):
        lo, hi = max(0, f.start - _REACH), min(n, f.end + _REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# Folding every name is costly; the lexicon's list is folded once per process.
_NAMES: dict[tuple[int, int, tuple[str, ...]], tuple[object, list[list[AllowName]], Any]] = {}


def _names(
    names: Sequence[AllowName], extra: tuple[str, ...]
) -> tuple[list[list[AllowName]], re.Pattern[str] | None]:
    """The names grouped by folded form, and the regex whose group k+1 is group k."""
    key = (id(names), len(names), extra)
    hit = _NAMES.get(key)
    if hit is not None and hit[0] is names:
        return hit[1], hit[2]
    by_fold: dict[str, list[AllowName]] = {}
    for n in names:
        by_fold.setdefault(fold_name(n.name), []).append(n)
    for e in extra:
        by_fold.setdefault(fold_name(e), []).append(AllowName(e))
    order = sorted((k for k in by_fold if k), key=lambda k: (-len(k), k))  # longest first
    groups = [by_fold[k] for k in order]
    rx = _compile(tuple((k, all(n.conditional for n in by_fold[k])) for k in order))
    if len(_NAMES) > 16:
        _NAMES.clear()
    _NAMES[key] = (names, groups, rx)
    return groups, rx


def allowed_spans(
    text: str,
    names: Sequence[AllowName],
    extra: Sequence[str] = (),
    window: tuple[int, int] | None = None,
) -> list[tuple[int, int]]:
    groups, rx = _names(names, tuple(extra))
    if rx is None:
        return []
    lo, hi = window or (0, len(text))
    folded, idx = fold_with_map(text[lo:hi])
    spans = []
    for m in rx.finditer(folded):
        start, end = lo + idx[m.start()], lo + idx[m.end() - 1] + 1
        options = groups[m.lastindex - 1] if m.lastindex else []
        if any(
            not n.conditional
            or (n.title_only and _is_title(text, start, end))
            or (n.after and _after_cue(text, start, n.after))
            or _cited_with_year(text, end)
            for n in options
        ):
            spans.append((start, end))
    return spans


def drop_in_allowed_names(text: str, findings: list[Finding], ctx: object) -> list[Finding]:
    allow = getattr(ctx, "allow", ())
    extra = getattr(ctx, "extra_allow", ())
    spans: list[tuple[int, int]] = []
    for window in _windows(findings, len(text)):
        spans += allowed_spans(text, allow, extra, window)
    if not spans:
        return findings
    spans.sort()
    longest = max(e - s for s, e in spans)
    return [f for f in findings if not _overlaps(spans, longest, f.start, f.end)]


def _overlaps(spans: list[tuple[int, int]], longest: int, start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted ``spans`` (none longer than ``longest``)?"""
    i = bisect.bisect_left(spans, (end, -1))  # the spans that start before ``end``
    while i > 0:
        i -= 1
        s, e = spans[i]
        if start < e:
            return True
        if s + longest < start:
            return False
    return False
