"""The local sentence look-up agrees with the splitter of the whole text.

The pre-scan looks only at the sentences around its hits (``sentence_around``); the
matcher and the filters split whole blocks (``sentence_spans``). "Same sentence" must
mean the same thing to both, so every offset of many awkward texts is checked.
"""

from __future__ import annotations

import random

import pytest

from stigmalint.text.sentences import sentence_around, sentence_before, sentence_spans

# Pieces that exercise every decision of the splitter: abbreviations, numbering, hard
# line wraps, bullets, closing quotes and brackets, runs of punctuation, blank lines.
_PIECES = [
    "art.", "nr. 5", "\n", "\n\n", "\n  \n", " ", " ", " ", "Hoofdstuk 3.", "woord", "Woord",
    "de", ",", "!", "?", ";", '"', "”", ")", "- ", "1.", "•", "a)", "...", "bijv.", "13.",
    "Een", "\t", "x.", "’", "é", "prostituee", "1.1", "(", "—", ". ", ".\n",
]  # fmt: skip


def _random_texts(seed: int, count: int, pieces: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(["", " ", " "]) for _ in range(n))
        for n in (rng.randint(1, pieces) for _ in range(count))
    ]


def _check(text: str) -> None:
    spans = sentence_spans(text)
    owner = {i: span for span in spans for i in range(*span)}
    for i in range(len(text)):
        assert sentence_around(text, i) == owner.get(i), (text, i)
    prev = None
    for span in spans:
        assert sentence_before(text, span[0]) == prev, (text, span)
        prev = span


@pytest.mark.parametrize("seed", range(4))
def test_sentence_around_equals_the_whole_text_split(seed: int) -> None:
    for text in _random_texts(seed, 150, 100):
        _check(text)


def test_a_long_sentence_is_found_from_far_inside() -> None:
    """The look-back grows until it finds the previous sentence end."""
    text = "Eerste zin. " + "woord " * 2000 + "slot. Volgende zin."
    _check(text)
    start = len("Eerste zin.")  # a sentence starts where the previous one ended
    assert sentence_around(text, len(text) - 20) == (start, text.index("slot.") + 5)


def test_white_space_between_sentences_belongs_to_none() -> None:
    text = "Een zin.\n\nNog een."
    assert sentence_around(text, text.index("\n")) is None
    assert sentence_around(text, 0) == (0, 8)
    assert sentence_before(text, text.index("Nog")) == (0, 8)
    assert sentence_before(text, 0) is None
