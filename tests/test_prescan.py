"""The two-pass pre-scan selects exactly the sentences a plain full scan selects.

The pre-scan looks for key stems first, with a plain regex, and only around accented
letters with the accent-tolerant one; then, per sentence with a key hit, for all
stems. The reference here scans the whole (de-accented) text for all stems and
tests every trigger on every sentence, as the first version of the pre-scan did.
"""

from __future__ import annotations

import re

import pytest

from stigmalint.engine import Linter
from stigmalint.rules import load_lexicon
from stigmalint.text.prescan import (
    _ACCENT_CLASSES,
    _DEACCENT,
    _WORD_HYPHEN,
    Prescanner,
    _lower,
)
from stigmalint.text.sentences import PREVIOUS_SENTENCES, sentence_spans
from stigmalint.text.trie import trie_regex
from tests.conftest import ROOT, SHARED


def _join_hyphens(text: str) -> tuple[str, list[int]]:
    """``text`` without hyphens inside words, and for each of its characters the offset
    of that character in ``text``."""
    where: list[int] = []
    pieces: list[str] = []
    last = 0
    for m in _WORD_HYPHEN.finditer(text):
        pieces.append(text[last : m.start()])
        where.extend(range(last, m.start()))
        last = m.end()
    pieces.append(text[last:])
    where.extend(range(last, len(text)))
    return "".join(pieces), where


def reference(p: Prescanner, text: str, scope: str = "any") -> list[tuple[int, int]]:
    """A full scan of the text, and of the text with hyphens inside words removed; plus
    the sentences whose `context.previous` word may borrow context from the ones before."""
    out = _reference_plain(p, text, scope)
    if p.follow_stems and p.follow_anchors is not None and not p.everything:
        follow = re.compile(trie_regex(p.follow_stems, _ACCENT_CLASSES))
        sents, low = sentence_spans(text), _lower(text)
        for k, (s, e) in enumerate(sents):
            before = []
            nxt = s
            for ps, pe in reversed(sents[max(0, k - PREVIOUS_SENTENCES) : k]):
                if re.search(r"\n[ \t]*\n", text[pe:nxt]):
                    break  # not across a blank line
                before.append((ps, pe))
                nxt = ps
            if follow.search(low[s:e]) and any(
                p.follow_anchors.search(low[ps:pe]) for ps, pe in before
            ):
                out = sorted(set(out) | {(s, e)})
    joined, where = _join_hyphens(text)
    if p.everything or len(joined) == len(text):
        return out
    hits = [(where[s], where[e - 1] + 1) for s, e in _reference_plain(p, joined, scope)]
    more = [(s, e) for s, e in sentence_spans(text) if any(a < e and s < b for a, b in hits)]
    return sorted(set(out).union(more))


def _reference_plain(p: Prescanner, text: str, scope: str = "any") -> list[tuple[int, int]]:
    if p.everything:
        return sentence_spans(text)
    low = _lower(text).translate(_DEACCENT)
    if p.plain_regex is None:
        return []
    hits = [(m.start(), p._groups_of(m.group(1))) for m in p.plain_regex.finditer(low)]
    triggers = p.triggers + (p.image_triggers if scope == "image" else [])
    out = []
    for s, e in sentence_spans(text):
        present: set[int] = set()
        for pos, ids in hits:
            if s <= pos < e:
                present |= ids
        if present and any(p._satisfied(t, present, low, s, e) for t in triggers):
            out.append((s, e))
    return out


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*")]
    lex = load_lexicon()
    texts += [ex.text for e in lex.entries for ex in e.bad]
    texts += [t for e in lex.entries for t in e.good]
    texts += [
        "Prostituées en prostitué(e)s; een hoertje in België. Meisjes van 15 jaar in de prostitutie.",
        "De raamprostitutie — zoals ’t heet — en de ‘sekswerkers’ van café Noël. Hoerenlopers!",
        "Zij wérd gedwongen tot prostitutie.\nMensenhandel en prostitutie zijn niet hetzelfde.",
        "Drie escort-meisjes en een lover-boy. Een e-mail over de x-as.\nEen E-prostitutie-site.",
    ]
    for name in ("bench/ud-nl-sentences.txt",):
        if (SHARED / name).is_file():
            texts.append((SHARED / name).read_text(encoding="utf-8")[:150_000])
    raw = SHARED / "eval-dev" / "raw"
    if raw.is_dir():
        texts += [f.read_text(encoding="utf-8") for f in sorted(raw.glob("*.txt"))]
    return texts


@pytest.mark.parametrize("scope", ["any", "image"])
def test_two_pass_prescan_equals_a_full_scan(linter: Linter, scope: str) -> None:
    p = linter.prescan
    selected = 0
    for text in _texts():
        got = p.candidate_sentences(text, scope)
        assert got == reference(p, text, scope), text[:80]
        selected += len(got)
    assert selected > 50  # the texts do have candidate sentences


def test_a_glob_with_a_leading_star_is_scanned_for_its_literal_piece() -> None:
    """'*sekswerkers' (straatsekswerkers) must still give the scan a stem, or every
    sentence of every text would go to the pipeline."""
    from stigmalint.rules.patterns import glob_to_regex
    from stigmalint.text.prescan import _glob_stem

    assert _glob_stem(glob_to_regex("*sekswerkers")) == "sekswerkers"
    assert _glob_stem(glob_to_regex("prostitu*")) == "prostitu"
    assert _glob_stem(glob_to_regex("*bordeel*")) == "bordeel"
    assert _glob_stem(glob_to_regex("*je")) is None  # too short to scan for


def test_sentences_without_a_sex_work_stem_skip_the_pipeline(linter: Linter) -> None:
    """The sex-worker anchor (with compound globs) keeps ordinary text out of spaCy."""
    assert linter.prescan.candidate_sentences("De kapper knipt vandaag geen klanten.") == []
    assert linter.prescan.candidate_sentences("Straatsekswerkers zijn vaak verslaafd.") != []


def test_a_compound_with_a_hyphen_is_a_candidate(linter: Linter) -> None:
    """'escort-meisjes' hides the stem 'escortmeis' from the scan; the hyphen-free pass finds it."""
    text = "Het weer was goed. Er werden drie escort-meisjes aangetroffen."
    assert linter.prescan.candidate_sentences(text) == [(text.index("Er") - 1, len(text))]
    assert _join_hyphens("a-b c- d") == ("ab c- d", [0, 2, 3, 4, 5, 6, 7])


@pytest.mark.parametrize(
    "text",
    [
        "a-b c- d",
        "noord-zuid-lijn en de x-as",
        "-ab- cd-e-f",
        "é-è",
        "a--b",
        "_-a",
        "escort-meisjes.",
    ],
)
def test_hyphenated_words_are_those_a_plain_regex_finds(text: str) -> None:
    import re

    from stigmalint.text.prescan import _hyphenated_words

    expected = [(m.start(), m.group()) for m in re.finditer(r"\w+(?:-\w+)+", text)]
    assert _hyphenated_words(text) == expected
