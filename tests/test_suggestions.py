"""Suggestions keep number, case and compound parts, and fix the article around them."""

from __future__ import annotations

import pytest

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
        ("Het kabinet wil de prostitutie reguleren.", "de prostitutie", "het sekswerk"),
        ("Het kabinet wil deze prostitutie reguleren.", "deze prostitutie", "dit sekswerk"),
        ("Zij werkt in de prostitutie.", "prostitutie", "seksbranche"),
        ("De raamprostitutie verhuist.", "De raamprostitutie", "Het raamsekswerk"),
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
    ],
)
def test_top_suggestion_fits(linter, sentence: str, flagged: str, top: str) -> None:  # type: ignore[no-untyped-def]
    findings = linter.check_text(sentence)
    assert findings, sentence
    f = findings[0]
    assert f.text == flagged
    assert f.suggestions[0] == top


def test_rewrite_findings_say_so(linter) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter.check_text("Gedwongen prostitutie is een misdrijf.")
    assert f.rewrite is True


def test_fix_produces_a_correct_sentence(linter) -> None:  # type: ignore[no-untyped-def]
    text = "Het kabinet wil de prostitutie beter reguleren."
    (f,) = linter.check_text(text)
    assert apply_fix(text, f) == "Het kabinet wil het sekswerk beter reguleren."
