"""Every example in the lexicon is a test: ``bad`` must raise its entry, ``good`` nothing.

A ``bad`` example with ``fix`` must also turn into exactly that sentence when the
top suggestion replaces the flagged span.
"""

from __future__ import annotations

import pytest

from stigmalint.rules import load_lexicon
from tests.conftest import apply_fix, rules_of

LEXICON = load_lexicon()
BAD = [(e.id, ex) for e in LEXICON.entries for ex in e.bad]
GOOD = [(e.id, text) for e in LEXICON.entries for text in e.good]
BE_ONLY_OFF = {e.id for e in LEXICON.entries if e.locales.get("nl-NL") and e.locales["nl-NL"].off}


@pytest.mark.parametrize(("entry_id", "example"), BAD, ids=[f"{i}:{x.text[:40]}" for i, x in BAD])
def test_bad_example_raises_its_entry(linter, entry_id, example):  # type: ignore[no-untyped-def]
    if entry_id in BE_ONLY_OFF:
        pytest.skip("entry only applies in nl-BE")
    findings = linter.check_text(example.text)
    assert entry_id in rules_of(findings), f"{example.text!r} gave {rules_of(findings)}"
    # a pattern may need the clause's punctuation, the finding (and its fix) must not eat it
    assert not any(f.text[-1] in ".,;:!?" for f in findings), [f.text for f in findings]
    if example.fix is not None:
        finding = next(f for f in findings if f.rule == entry_id)
        assert apply_fix(example.text, finding) == example.fix


@pytest.mark.parametrize(("entry_id", "text"), GOOD, ids=[f"{i}:{t[:40]}" for i, t in GOOD])
def test_good_example_raises_nothing(linter, entry_id, text):  # type: ignore[no-untyped-def]
    findings = linter.check_text(text)
    assert findings == [], f"{text!r} gave {[(f.rule, f.text) for f in findings]}"


def test_every_entry_has_enough_examples() -> None:
    thin = [e.id for e in LEXICON.entries if len(e.bad) < 2 or len(e.good) < 1]
    assert thin == [], f"entries with fewer than 2 bad or 1 good examples: {thin}"
