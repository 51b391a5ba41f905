"""Suggestions keep number, case and compound parts, and fix the article around them."""

from __future__ import annotations

import pytest

from stigmalint.engine import Linter
from tests.conftest import apply_fix


@pytest.mark.parametrize(
    ("sentence", "flagged", "top"),
    [
        ("De prostituees wachten op hun vergunning.", "prostituees", "sekswerkers"),
        ("Prostituee is geen beschermde titel.", "Prostituee", "Sekswerker"),
        ("In de stad werken veel raamprostituees.", "raamprostituees", "raamsekswerkers"),
        ("Het prostitutiebeleid wordt herzien.", "prostitutiebeleid", "sekswerkbeleid"),
        ("PROSTITUTIE IN NEDERLAND", "PROSTITUTIE", "SEKSWERK"),
        ("Een hoertje vroeg om hulp.", "hoertje", "sekswerker"),
        ("Het hoertje vroeg om hulp.", "Het hoertje", "De sekswerker"),
        # a diminutive inside a compound goes too: raam|hoertje, not raam|hoer|tje
        ("Het raamhoertje vroeg om hulp.", "Het raamhoertje", "De raamsekswerker"),
        ("Twee raamhoertjes vroegen om hulp.", "raamhoertjes", "raamsekswerkers"),
        ("De hoerelopers parkeren hier.", "hoerelopers", "klanten"),
        ("Het kabinet wil de prostitutie reguleren.", "de prostitutie", "het sekswerk"),
        ("Het kabinet wil deze prostitutie reguleren.", "deze prostitutie", "dit sekswerk"),
        ("Zij werkt in de prostitutie.", "prostitutie", "seksbranche"),
        ("De raamprostitutie verhuist.", "De raamprostitutie", "Het raamsekswerk"),
        # a noun in -e between the article and the word is no adjective: the article stays
        ("Zo regelt de gemeente thuisprostitutie.", "thuisprostitutie", "thuissekswerk"),
        ("De prostitutiesector groeit.", "prostitutiesector", "sekswerkbranche"),
        ("De prostitutiebranche groeit.", "prostitutiebranche", "sekswerkbranche"),
        ("Het prostitutiebedrijf sluit.", "prostitutiebedrijf", "seksbedrijf"),
        ("Twee prostitutiebedrijven sluiten.", "prostitutiebedrijven", "seksbedrijven"),
        # the longest lexicon word inside a compound decides (not "raamsekswerkbedrijf")
        ("Een raamprostitutiebedrijf sluit.", "raamprostitutiebedrijf", "raamseksbedrijf"),
        ("De prostitutiebeleidsnota is klaar.", "prostitutiebeleidsnota", "sekswerkbeleidsnota"),
        ("De protitutie groeit.", "De protitutie", "Het sekswerk"),
        # a curly apostrophe in the text stays curly in the suggestion
        (
            "Zij vroegen geld voor uitstapprogramma’s.",
            "uitstapprogramma’s",
            "programma’s voor werkverandering",
        ),
        (
            "Zij vroegen geld voor uitstapprogramma's.",
            "uitstapprogramma's",
            "programma's voor werkverandering",
        ),
        ("De exploitatie van prostitutie is sinds 2000 legaal.", "prostitutie", "seksbedrijven"),
        ("Gedwongen prostitutie is een misdrijf.", "Gedwongen prostitutie", "Seksuele uitbuiting"),
        ("Het gaat om illegale prostitutie.", "illegale prostitutie", "sekswerk zonder vergunning"),
        # a gender prefix becomes an adjective; -e only where Dutch wants it
        ("Het project helpt jongensprostituees.", "jongensprostituees", "mannelijke sekswerkers"),
        ("Jongensprostitutie komt voor.", "Jongensprostitutie", "Mannelijk sekswerk"),
        ("De jongensprostitutie neemt toe.", "De jongensprostitutie", "Het mannelijke sekswerk"),
        ("Er werken transprostituees.", "transprostituees", "trans sekswerkers"),
        # an insulting prefix is left out, not carried into the new word
        ("Kankerhoeren, allemaal.", "Kankerhoeren", "Sekswerkers"),
        # a minor stays a minor in the rewrite
        (
            "De politie vond drie minderjarige prostituees.",
            "minderjarige prostituees",
            "minderjarige slachtoffers van seksuele uitbuiting",
        ),
        # in a phrase the noun before "van/achter/die…" carries number and gender
        (
            "Op de Wallen zien zij het meisje achter het raam.",
            "het meisje achter het raam",
            "de raamsekswerker",
        ),
        (
            "Op de Wallen zien zij de dames achter het raam.",
            "dames achter het raam",
            "raamsekswerkers",
        ),
        # a prefix that is not listed stays glued to the new word
        ("Er werken migrantenprostituees.", "migrantenprostituees", "migrantensekswerkers"),
    ],
)
def test_top_suggestion_fits(linter, sentence: str, flagged: str, top: str) -> None:  # type: ignore[no-untyped-def]
    findings = linter.check_text(sentence)
    assert findings, sentence
    f = findings[0]
    assert f.text == flagged
    assert f.suggestions[0] == top


@pytest.mark.parametrize(
    ("sentence", "absent", "present"),
    [
        # the article stays outside the span, so only alternatives that fit it are offered
        ("Het bordeeltje aan de Dorpsstraat sluit.", {"club", "werkplek"}, {"privéhuis"}),
        ("Zij werkt in de prostitutie.", {"sekswerk"}, set()),
        # after 'een' every noun fits
        ("Een bordeel aan de Dorpsstraat sluit.", set(), {"club", "werkplek"}),
    ],
)
def test_alternatives_agree_with_the_article_outside_the_span(  # type: ignore[no-untyped-def]
    linter, sentence: str, absent: set[str], present: set[str]
) -> None:
    f = linter.check_text(sentence)[0]
    assert not absent & set(f.suggestions), f.suggestions
    assert present <= set(f.suggestions), f.suggestions


def test_rewrite_findings_say_so(linter) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter.check_text("Gedwongen prostitutie is een misdrijf.")
    assert f.rewrite is True


def test_fix_produces_a_correct_sentence(linter) -> None:  # type: ignore[no-untyped-def]
    text = "Het kabinet wil de prostitutie beter reguleren."
    (f,) = linter.check_text(text)
    assert apply_fix(text, f) == "Het kabinet wil het sekswerk beter reguleren."


def test_phrase_number_comes_from_an_irregular_plural_in_grammar(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from stigmalint.engine import Linter, LintOptions

    extra = tmp_path / "extra.yaml"
    extra.write_text(
        """schema: 1
category: persons
nouns:
  proefpersoon: {gender: de, plural: proefpersonages}
entries:
  - id: proefpersoon
    severity: warning
    message: Een testbericht.
    match:
      phrases: ["proefpersoon|proefpersonages"]
    suggestions: ["{deelnemer}"]
    sources: [https://example.org/bron]
    examples:
      bad: [Een proefpersoon., Twee proefpersonages.]
      good: [Een deelnemer.]
""",
        encoding="utf-8",
    )
    linter = Linter(LintOptions(model="blank", extra_lexicons=(str(extra),)))
    (plural,) = linter.check_text("De proefpersonages wachten.")
    assert plural.suggestions[0] == "deelnemers"
    (singular,) = linter.check_text("De proefpersoon wacht.")
    assert singular.suggestions[0] == "deelnemer"


def test_a_verb_in_a_suggestion_agrees_with_the_noun(linter: Linter) -> None:
    """'{gebruikt|gebruiken}': singular or plural as the finding's noun."""
    many = linter.check_text("In de huiskamer kunnen verslaafde prostituees terecht.")
    one = linter.check_text("Een verslaafde prostituee kwam binnen.")
    assert many[0].suggestions[0] == "sekswerkers die drugs gebruiken"
    assert one[0].suggestions[0] == "sekswerker die drugs gebruikt"
