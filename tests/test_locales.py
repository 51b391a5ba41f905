"""Netherlands and Belgian Dutch differ in law and in advised words (§5 of the terminology base).

Belgium decriminalised sex work in 2022 and has a labour law for sex workers:
"pooierschap" and "daden van prostitutie" are live legal terms there, an operator
is an "uitbater", and "tienerpooier" replaced "loverboy". The same text must get
the advice of its own country.
"""

from __future__ import annotations

import pytest

from stigmalint.engine import Linter, LintOptions
from tests.conftest import rules_of


@pytest.fixture(scope="module")
def nl() -> Linter:
    return Linter(LintOptions(model="blank", locale="nl-NL"))


@pytest.fixture(scope="module")
def be() -> Linter:
    return Linter(LintOptions(model="blank", locale="nl-BE"))


def top(linter: Linter, text: str, rule: str) -> str:
    (f,) = [f for f in linter.check_text(text) if f.rule == rule]
    return f.suggestions[0]


def test_pooierschap_is_a_belgian_legal_term(nl: Linter, be: Linter) -> None:
    """Only Belgian law prosecutes 'wegens pooierschap' (§5): quiet in both locales.
    In a Dutch sentence without that cue the word is the colloquial label (T37)."""
    text = "Een werkgever zonder erkenning kan worden vervolgd wegens pooierschap."
    assert nl.check_text(text) == [] and be.check_text(text) == []
    text = "De man wordt verdacht van pooierschap."
    assert rules_of(nl.check_text(text)) == ["pooierschap"]
    assert be.check_text(text) == []


def test_daden_van_prostitutie_is_not_flagged_in_belgium(be: Linter) -> None:
    assert be.check_text("De arbeidsovereenkomst regelt daden van prostitutie.") == []


def test_a_lawful_employer_called_pooier_is_flagged(nl: Linter) -> None:
    text = "Belgische sekswerkers werken nu met een contract bij hun pooiers."
    assert rules_of(nl.check_text(text)) == ["pooier"]


@pytest.mark.parametrize(
    ("text", "rule", "in_nl", "in_be"),
    [
        ("De bordeelhouder vraagt een vergunning aan.", "bordeelhouder", "exploitant", "uitbater"),
        ("Volgens de politie was hij haar pooier.", "pooier", "mensenhandelaar", "mensenhandelaar"),
        (
            "De school geeft voorlichting over loverboys.",
            "loverboy",
            "mensenhandelaren",
            "tienerpooiers",
        ),
        (
            "De gemeente pakt de loverboyproblematiek aan.",
            "loverboy-samenstelling",
            "mensenhandelproblematiek",
            "tienerpooierproblematiek",
        ),
        ("De pooierboy werd opgepakt.", "pooierboy", "mensenhandelaar", "tienerpooier"),
    ],
)
def test_suggestions_follow_the_locale(
    nl: Linter, be: Linter, text: str, rule: str, in_nl: str, in_be: str
) -> None:
    assert top(nl, text, rule) == in_nl
    assert top(be, text, rule) == in_be


def test_tienerpooier_is_the_advised_word_in_belgium_only(nl: Linter, be: Linter) -> None:
    text = "Tienerpooiers benaderen jongeren via sociale media."
    assert top(nl, text, "tienerpooier") == "Mensenhandelaren"
    assert be.check_text(text) == []


def test_operator_advice_in_the_pooier_entry_follows_the_locale(nl: Linter, be: Linter) -> None:
    (f_nl,) = nl.check_text("De pooier runt drie clubs.")
    (f_be,) = be.check_text("De pooier runt drie clubs.")
    assert "exploitant" in f_nl.suggestions and "uitbater" not in f_nl.suggestions
    assert "uitbater" in f_be.suggestions and "exploitant" not in f_be.suggestions


FLEMISH_ITEM = """Vier jaar cel voor bende uit Antwerpen

De correctionele rechtbank in Antwerpen veroordeelde gisteren drie mannen.

De tienerpooiers lokten minderjarige meisjes via sociale media.
"""


def test_a_document_about_belgium_uses_the_belgian_word(nl: Linter) -> None:
    """A Flemish news item names its city in the first lines, not in every sentence: the
    Belgian words are right in the whole document, even under the default locale."""
    assert nl.check_text(FLEMISH_ITEM) == []
    # one Belgian name in a Dutch document does not make it Belgian
    dutch = (
        "In Nederland en in Amsterdam loopt een campagne; in België ook.\n\n"
        "Ouders kunnen signalen van tienerpooiers herkennen.\n"
    )
    assert rules_of(nl.check_text(dutch)) == ["tienerpooier"]
    # the same sentence without any Belgian context
    assert rules_of(nl.check_text(FLEMISH_ITEM.split("\n\n")[-1])) == ["tienerpooier"]


def test_a_belgian_document_keeps_every_other_rule(nl: Linter) -> None:
    text = FLEMISH_ITEM + "\nDe prostituees werkten in hotels in Gent.\n"
    assert rules_of(nl.check_text(text)) == ["prostituee"]
