"""Matching mechanisms that framing rules rely on, tested with a small lexicon of their own.

* ``ordered: true``: the parts of a split phrase must occur in the written order;
* the words *between* the parts of a split phrase are context (an anchor there counts);
* a framing finding does not silence an unrelated word finding inside it, but does
  silence one that shares a guidance reference (unless an exception silenced it);
* a finding that is itself a quotation (scare quotes) is not lowered as a citation.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from stigmalint.engine import Linter, LintOptions
from stigmalint.severity import Severity
from tests.conftest import rules_of

EXTRA = """
schema: 1
category: framing
entries:
  - id: test-elke-haar
    refs: [R8]
    severity: suggestion
    rewrite: true
    message: Test.
    match:
      window: 12
      ordered: true
      phrases:
        - ["elke proefwerker", "haar"]
    context:
      requires: [sw]
    suggestions: [advies]
    sources: [https://example.org/bron]
    examples: {bad: [x, y], good: [z]}
  - id: test-gedeeld
    refs: [T99]
    severity: warning
    rewrite: true
    message: Test.
    match:
      window: 5
      phrases:
        - ["werd", "proefwerker"]
    unless:
      - sentence: "crisis"
    suggestions: [advies]
    sources: [https://example.org/bron]
    examples: {bad: [x, y], good: [z]}
  - id: test-aanhalingstekens
    refs: [R11]
    severity: warning
    message: Test.
    match:
      phrases:
        - "'|\\"|“|” proefwoord '|\\"|“|”"
    suggestions: [proefwoord]
    sources: [https://example.org/bron]
    examples: {bad: [x, y], good: [z]}
  - id: test-woord
    category: persons
    refs: [T99]
    severity: warning
    message: Test.
    match:
      words: [proefwerker]
    suggestions: [testwerker]
    sources: [https://example.org/bron]
    examples: {bad: [x, y], good: [z]}
"""


@pytest.fixture(scope="module")
def test_linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    path: Path = tmp_path_factory.mktemp("lex") / "test-framing.yaml"
    path.write_text(textwrap.dedent(EXTRA), encoding="utf-8")
    return Linter(LintOptions(model="blank", extra_lexicons=(str(path),)))


def test_ordered_parts_must_follow_the_written_order(test_linter: Linter) -> None:
    assert "test-elke-haar" in rules_of(
        test_linter.check_text("In het bordeel toont elke proefwerker haar pas.")
    )
    assert "test-elke-haar" not in rules_of(
        test_linter.check_text("In het bordeel spreekt haar team elke proefwerker.")
    )


def test_words_between_the_parts_are_context(test_linter: Linter) -> None:
    found = test_linter.check_text("Elke proefwerker in het bordeel toont haar pas.")
    assert "test-elke-haar" in rules_of(found)
    assert "test-elke-haar" not in rules_of(
        test_linter.check_text("Elke proefwerker in het museum toont haar pas.")
    )


def test_framing_phrase_keeps_an_unrelated_word_finding(test_linter: Linter) -> None:
    found = test_linter.check_text("In het bordeel toont elke proefwerker haar pas.")
    assert {"test-elke-haar", "test-woord"} <= set(rules_of(found))


def test_a_shared_reference_makes_one_finding(test_linter: Linter) -> None:
    found = test_linter.check_text("Zij werd proefwerker.")
    assert rules_of(found) == ["test-gedeeld"]


def test_a_silenced_framing_rule_leaves_the_words_inside_it(test_linter: Linter) -> None:
    """The exception says the construction is fine here, not the word inside it."""
    found = test_linter.check_text("Zij werd door de crisis proefwerker.")
    assert rules_of(found) == ["test-woord"]


def test_scare_quotes_are_the_finding_not_a_citation(test_linter: Linter) -> None:
    (f,) = test_linter.check_text("De 'proefwoord' werd genoemd.")
    assert f.text == "'proefwoord'" and f.severity is Severity.WARNING and f.notes == ()
    (g,) = test_linter.check_text("Hij zei: „Dat is een 'proefwoord' hoor.”")
    assert g.severity is Severity.SUGGESTION and "in een citaat" in g.notes


def test_ordered_must_be_true_or_false(tmp_path: Path) -> None:
    from stigmalint.rules import LexiconError, load_lexicon

    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent(EXTRA).replace("ordered: true", "ordered: ja"), encoding="utf-8")
    with pytest.raises(LexiconError, match="ordered"):
        load_lexicon(extra=[bad])


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("In het wijkbordeel werken veel meisjes uit Roemenië.", "meisjes-voor-sekswerkers"),
        ("In de clubbordelen wachten de meisjes op klanten.", "meisjes-voor-sekswerkers"),
        ("De thuissekswerkers zagen elke avond dezelfde john.", None),
        ("Een john die de thuisprostitutie opzoekt, zoekt anonimiteit.", None),
    ],
)
def test_anchor_words_count_inside_compounds(text: str, rule: str | None) -> None:
    """A sex-work anchor counts as a compound head too (wijkbordeel, raamsekswerkers)."""
    found = Linter(LintOptions()).check_text(text)
    if rule is not None:
        assert rule in rules_of(found)
    else:  # the lowercase client word "john" needs the sw anchor
        assert any(f.text == "john" for f in found), rules_of(found)


def test_anchor_words_inside_compounds_need_the_word_itself() -> None:
    """'bordeel' as a compound head anchors; a word that merely starts alike does not."""
    found = Linter(LintOptions()).check_text("De meisjes van de bordeauxclub speelden hockey.")
    assert "meisjes-voor-sekswerkers" not in rules_of(found)


@pytest.mark.parametrize(
    ("text", "rule", "fixed"),
    [
        ("Er werden drie escort-meisjes aangetroffen.", "escortmeisje", "escorts"),
        ("Een lover-boy uit Zaandam is veroordeeld.", "loverboy", "mensenhandelaar"),
        ("Het aandeel van e-prostitutie groeit.", "prostitutie", "e-sekswerk"),
    ],
)
def test_a_hyphen_inside_a_compound_changes_nothing(
    linter: Linter, text: str, rule: str, fixed: str
) -> None:
    """'escort-meisjes' is 'escortmeisjes'; a one-letter prefix keeps its hyphen (e-sekswerk)."""
    (f,) = (f for f in linter.check_text(text) if f.rule == rule)
    assert f.suggestions[0] == fixed


def test_a_hyphenated_word_that_is_no_term_stays_quiet(linter: Linter) -> None:
    """Only the whole word without its hyphen counts: 'e-mail' and 'x-as' are nothing."""
    assert linter.check_text("Hij las de e-mail over de x-as en de ex-partner.") == []


def test_an_anchor_set_can_include_an_earlier_set(tmp_path: Path) -> None:
    """'@sw' inside an anchor set takes over its words; an unknown set is an error."""
    from stigmalint.rules import LexiconError, load_lexicon

    lex = load_lexicon()
    wider = lex.anchors["sw-or-client"]
    assert {"klant", "hoer"} <= wider.literals
    assert any(rx.fullmatch("straatsekswerkers") for rx in wider.regexes)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema: 1\nanchors:\n  x-set:\n    words: ['@bestaat-niet']\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="bestaat-niet"):
        load_lexicon(extra=[bad])


def test_a_slur_inside_a_milder_phrase_keeps_its_own_finding(linter) -> None:  # type: ignore[no-untyped-def]
    """The phrase (R9, warning) and the slur in it (T17, error): both remarks stand, and the
    error is not lost in the warning."""
    found = linter.check_text("De politie pakte illegale Oost-Europese hoertjes op.")
    assert [(f.rule, f.severity.name) for f in found] == [
        ("illegale-herkomst-sekswerkers", "WARNING"),
        ("hoer", "ERROR"),
    ]
    # an equal or milder word inside stays silent
    assert [f.rule for f in linter.check_text("De illegale prostitutie groeit.")] == [
        "illegale-prostitutie"
    ]
