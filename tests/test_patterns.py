"""The pattern language's caches: shared word tests, positions per token list."""

from __future__ import annotations

import pickle

from stigmalint.rules.patterns import AnchorSet, find_pattern, parse_pattern, parse_word
from stigmalint.text.fold import fold

ANCHORS = {"p": AnchorSet("p", {"sekswerker"}, [parse_word("prostitu*", {}).regexes[0]])}


def _sets(text: str) -> list[frozenset[str]]:
    return [frozenset({fold(w)}) for w in text.split()]


def test_equal_words_of_one_lexicon_share_one_test() -> None:
    a = parse_pattern("@p van ~(1[0-7])", ANCHORS)
    b = parse_pattern("@p onder de 18", ANCHORS)
    assert a.words[0] is b.words[0]
    assert parse_word("@p", {"p": AnchorSet("p", {"x"})}) is not a.words[0]  # other lexicon


def test_positions_follow_the_token_list() -> None:
    pat = parse_pattern("@p van ~(1[0-7])", ANCHORS)
    first = _sets("een prostituee van 15 en een sekswerker van 16")
    assert find_pattern(pat, first) == [(1, 4), (6, 9)]
    assert find_pattern(pat, first, 2) == [(6, 9)]  # a window of the same list
    second = _sets("een sekswerker van 19")  # a new list: nothing carried over
    assert find_pattern(pat, second) == []
    assert pat.words[0].positions(second) == [1]


def test_a_pickled_test_leaves_its_caches_behind() -> None:
    test = parse_pattern("@p van", ANCHORS).words[0]
    test.positions(_sets("een prostituee"))
    copy = pickle.loads(pickle.dumps(test))
    assert "_pos" not in copy.__dict__ and "_memo" not in copy.__dict__
    assert copy.matches(frozenset({"prostituee"}))
