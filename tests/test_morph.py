"""Dutch noun inflection used for matching forms and shaping suggestions."""

from __future__ import annotations

import pytest

from stigmalint.text.morph import diminutive, join_compound, match_case, number_of, pluralize


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("hoer", "hoeren"),
        ("prostituee", "prostituees"),
        ("prostitutie", "prostituties"),
        ("bordeel", "bordelen"),
        ("slet", "sletten"),
        ("pooier", "pooiers"),
        ("meisje", "meisjes"),
        ("klant", "klanten"),
        ("seksbedrijf", "seksbedrijven"),
        ("sekswerker", "sekswerkers"),
        ("uitstapprogramma", "uitstapprogramma's"),
        ("raam", "ramen"),
        ("bier", "bieren"),
    ],
)
def test_pluralize(noun: str, plural: str) -> None:
    assert pluralize(noun) == plural


@pytest.mark.parametrize(
    ("noun", "dim"),
    [("hoer", "hoertje"), ("snol", "snolletje"), ("meid", "meidje"), ("raam", "raampje")],
)
def test_diminutive(noun: str, dim: str) -> None:
    assert diminutive(noun) == dim


def test_number_of_recognises_plurals_and_diminutives() -> None:
    assert number_of("prostituees", "prostituee") == "plural"
    assert number_of("hoertje", "hoer") == "singular"
    assert number_of("hoertjes", "hoer") == "plural"
    assert number_of("prostituee", "prostituee") == "singular"


def test_join_compound_keeps_prefix_hyphens_and_drops_clash_hyphens() -> None:
    assert join_compound("raam", "sekswerkers", "") == "raamsekswerkers"
    assert join_compound("", "sekswerk", "-instelling") == "sekswerkinstelling"
    assert join_compound("ex-", "sekswerker", "") == "ex-sekswerker"
    assert join_compound("e-", "sekswerk", "") == "e-sekswerk"
    assert join_compound("", "sekswerk", "-") == "sekswerk-"


def test_match_case() -> None:
    assert match_case("sekswerk", "PROSTITUTIE") == "SEKSWERK"
    assert match_case("sekswerker", "Prostituee") == "Sekswerker"
    assert match_case("sekswerker", "prostituee") == "sekswerker"
