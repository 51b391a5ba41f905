"""Context conditions and exceptions of an entry, checked around one match.

* ``context.requires``: some word of each named anchor set must occur in the same
  sentence (or within ``context.within`` tokens), outside the match itself —
  "meisjes" only counts in a sentence about sex work. For a phrase split over a
  sentence, the words between its parts are context too: in "als een klant geweld
  gebruikt, mag de sekswerker hem weigeren" the match is "als een klant … hem".
* ``context.excludes``: no word of these sets may occur in the sentence, the match
  included — "meisjes" next to "13-jarige" is about children, which another rule
  handles.
* ``context.document``: the document must mention these sets somewhere (``topics``);
  on a page about sex work, the heading "Uitstappen?" means leaving the work.
* ``unless``: exception patterns around, before, after the match or anywhere in the
  sentence — "dames en heren", "exploitatie van onvrijwillige prostitutie".
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterator, Mapping, Sequence

from stigmalint.matching.match import Match
from stigmalint.matching.tokens import Sentence, Tok
from stigmalint.rules.model import Unless
from stigmalint.rules.patterns import WordTest, find_pattern

MINOR_AGE_SET = "minor-age-teen"  # an anchor set of the lexicon: 10 to 17, in figures or words
# hard signs of a minor ('minderjarig', '15-jarige'); a person's age is one too, though it
# takes more words: "een meisje van 15", "het slachtoffer was 15 jaar oud" (not a duration:
# "al tien jaar in de prostitutie", nor a count: "sekswerkers van 15 nationaliteiten")
MINOR_STRICT_SET = "minor-strict"
_PERSON_OF_AGE = frozenset(
    {"meisje", "meisjes", "jongen", "jongens", "kind", "kinderen", "dochter", "zoon", "tiener",
     "tieners", "slachtoffer", "slachtoffers", "leerling", "leerlinge", "scholier", "scholiere"}
)  # fmt: skip


def _ages(
    anchors: Mapping[str, WordTest], toks: Sequence[Tok], span: Sentence
) -> Iterator[tuple[list[str], list[str]]]:
    """For each number of 10 to 17 in ``span``: the two words before it and after it."""
    test = anchors.get(MINOR_AGE_SET)
    if test is None:
        return
    for i in range(span.start, span.end):
        if not toks[i].skip and test.matches(toks[i].lemmas):
            before = [t.folded for t in toks[max(span.start, i - 2) : i]]
            yield before, [t.folded for t in toks[i + 1 : min(span.end, i + 3)]]


def _age_present(anchors: Mapping[str, WordTest], toks: Sequence[Tok], sent: Sentence) -> bool:
    """An age of 10 to 17 in ``sent``: after 'van' ("een meisje van 16") or before 'jaar'."""
    return any(
        before[-1:] == ["van"] or after[:1] == ["jaar"]
        for before, after in _ages(anchors, toks, sent)
    )


def _age_counts(
    name: str, anchors: Mapping[str, WordTest], toks: Sequence[Tok], span: Sentence
) -> bool:
    """A person's age of 10 to 17 in ``span``, for a rule that requires `minor-strict`:
    "een meisje van 15", "zij was 15 jaar oud"."""
    return name == MINOR_STRICT_SET and any(
        (len(before) == 2 and before[1] == "van" and before[0] in _PERSON_OF_AGE)
        or after == ["jaar", "oud"]
        for before, after in _ages(anchors, toks, span)
    )


def _window(match: Match, sent: Sentence, within: int | None) -> tuple[int, int]:
    if within is None:
        return sent.start, sent.end
    return max(sent.start, match.start - within), min(sent.end, match.end + within)


def _anchor_present(
    test: WordTest, toks: Sequence[Tok], lo: int, hi: int, match: Match | None
) -> bool:
    """Is a word of ``test`` in ``lo:hi``, outside ``match`` when one is given?"""
    for i in range(lo, hi):
        if match is not None and match.in_match(i):
            continue
        t = toks[i]
        if t.skip or (t.folded in test.proper and not _as_name(toks, i)):
            continue
        if test.matches(t.lemmas):
            return True
    return False


def _as_name(toks: Sequence[Tok], i: int) -> bool:
    """'de Wallen' names the district; 'de wallen' and 'de Wallen van Naarden' (a
    town's ramparts) do not."""
    return toks[i].text[:1].isupper() and not (i + 1 < len(toks) and toks[i + 1].folded == "van")


def context_ok(
    match: Match,
    toks: Sequence[Tok],
    sent: Sentence,
    anchors: Mapping[str, WordTest],
    previous: Sentence | None = None,
    topics: Container[str] = (),
) -> bool:
    """``previous`` spans the sentences before ``sent`` (up to ``PREVIOUS_SENTENCES``); it
    counts for ``context.previous``. ``topics`` are the anchor sets the document mentions."""
    ctx = match.entry.context
    if not ctx.requires and not ctx.excludes and not ctx.document:
        return True
    if any(name not in topics for name in ctx.document):
        return False
    lo, hi = _window(match, sent, ctx.within)
    before = previous if ctx.previous else None
    for name in ctx.requires:
        if _anchor_present(anchors[name], toks, lo, hi, match) or _age_counts(
            name, anchors, toks, Sentence(lo, hi)
        ):
            continue
        # the sentences before may name the people or the place ("… escortmeisjes. De dames …")
        if before is None or not any(
            _anchor_present(anchors[n], toks, before.start, before.end, None)
            or _age_counts(n, anchors, toks, before)
            for n in ctx.previous_requires or (name,)
        ):
            return False
    # An excluded word counts inside the match too: "haalde drie minderjarigen uit de
    # prostitutie" is about children however the phrase is split.
    scopes = [sent] if before is None else [sent, before]
    if any(
        _anchor_present(anchors[n], toks, s.start, s.end, None)
        for s in scopes
        for n in ctx.excludes
    ):
        return False
    # In the sentences before, an age may be the child's: "Een meisje van 16 werd uitgebuit.
    # Twee mannen die seks hadden met het meisje …"; a count ("tien sekswerkers") is not.
    return before is None or not ("minor" in ctx.excludes and _age_present(anchors, toks, before))


def document_topics(
    names: Collection[str], toks: Sequence[Tok], anchors: Mapping[str, WordTest]
) -> frozenset[str]:
    """The sets of ``names`` mentioned in ``toks``: the topics when the tokens are the
    whole document (a Doc made by someone else's pipeline)."""
    return frozenset(
        n for n in names if n in anchors and _anchor_present(anchors[n], toks, 0, len(toks), None)
    )


def intervening(
    match: Match,
    toks: Sequence[Tok],
    sent: Sentence,
    before: Sequence[Sentence],
    anchors: Mapping[str, WordTest],
) -> Sentence | None:
    """For a match whose context comes only from the sentences ``before`` (nearest
    first): the sentences between the nearest one that lends it and ``sent``, if any."""
    ctx = match.entry.context
    if not ctx.previous or not before:
        return None
    lo, hi = _window(match, sent, ctx.within)
    if all(_anchor_present(anchors[n], toks, lo, hi, match) for n in ctx.requires):
        return None  # the sentence has its own context
    names = ctx.previous_requires or ctx.requires
    for k, prev in enumerate(before):
        if any(_anchor_present(anchors[n], toks, prev.start, prev.end, None) for n in names):
            return Sentence(before[k - 1].start, before[0].end) if k else None
    return None


def _exception_applies(
    u: Unless,
    match: Match,
    lemma_sets: Sequence[frozenset[str]],
    sent: Sentence,
    borrowed: Sentence | None = None,
    before: Sequence[Sentence] = (),
) -> bool:
    if u.kind == "around":
        lo = max(sent.start, match.start - len(u.pattern.words))
        hi = min(sent.end, match.end + len(u.pattern.words))
        return any(
            s < match.end and e > match.start
            for s, e in find_pattern(u.pattern, lemma_sets, lo, hi)
        )
    if u.kind == "preceded_by":
        lo = (
            sent.start
            if u.within == 0
            else max(sent.start, match.start - u.within - len(u.pattern.words) + 1)
        )
        return any(
            e <= match.start and (u.within == 0 or match.start - e < u.within)
            for _, e in find_pattern(u.pattern, lemma_sets, lo, match.start)
        )
    if u.kind == "followed_by":
        hi = (
            sent.end
            if u.within == 0
            else min(sent.end, match.end + u.within + len(u.pattern.words) - 1)
        )
        return any(
            s >= match.end and (u.within == 0 or s - match.end < u.within)
            for s, _ in find_pattern(u.pattern, lemma_sets, match.end, hi)
        )
    # "sentence": anywhere in the sentence (and in those between it and its context, and
    # in the `previous` sentences before it)
    lo = sent.start if borrowed is None else min(sent.start, borrowed.start)
    if u.previous and before:
        lo = min(lo, before[min(u.previous, len(before)) - 1].start)
    return bool(find_pattern(u.pattern, lemma_sets, lo, sent.end))


def exception_applies(
    match: Match,
    lemma_sets: Sequence[frozenset[str]],
    sent: Sentence,
    borrowed: Sentence | None = None,
    before: Sequence[Sentence] = (),
) -> bool:
    """``borrowed``: the sentences between ``sent`` and the earlier one that gave the match
    its context (`context.previous`, see :func:`intervening`). A `sentence` exception
    counts there too: in "… de tippelzone verplaatsen. Elke ochtend stap ik uit tram 4.
    Uitstappen betekent …" the tram came in between. ``before``: the sentences before
    ``sent`` in its paragraph, nearest first, for exceptions with `previous`."""
    return any(
        _exception_applies(u, match, lemma_sets, sent, borrowed, before) for u in match.entry.unless
    )
