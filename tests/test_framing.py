"""Framing rules (R1–R13) and the trafficking/minors terms: precision first, then recall.

The quiet sentences are ordinary, correct Dutch that shares words with a rule:
"slachtoffers van mensenhandel" on its own, "klant" in a shop, a red traffic
light. The framing and trafficking rules must stay silent there, whatever other
rules (e.g. the word "prostitutie") say.
"""

from __future__ import annotations

import pytest

from stigmalint.rules import load_lexicon
from stigmalint.severity import Severity
from tests.conftest import rules_of

LEXICON = load_lexicon()
OURS = {e.id for e in LEXICON.entries if e.category in ("framing", "images", "trafficking")}

QUIET = [
    "Sekswerkers worden vaak als slachtoffer gezien, terwijl velen zelf voor dit werk kiezen.",
    "Slachtoffers van mensenhandel kunnen terecht bij CoMensha.",
    "Sekswerkers die slachtoffer worden van geweld, kunnen aangifte doen bij de politie.",
    "Het idee dat alle sekswerkers slachtoffer zijn, klopt niet.",
    "Sekswerkers zijn geen slachtoffers maar ondernemers.",
    "Het onderscheid tussen sekswerk en mensenhandel is belangrijk voor de hulpverlening.",
    "Sekswerk en mensenhandel zijn twee verschillende dingen.",
    "Wij zijn tegen mensenhandel en voor de rechten van sekswerkers.",
    "De politie zet extra capaciteit in op de aanpak van mensenhandel in de seksbranche.",
    "Op oudejaarsavond nam de politie illegaal vuurwerk in beslag.",
    "Bij het kruispunt staat het verkeerslicht op rood licht.",
    "De klant kan zijn pakket ophalen bij het postkantoor; hij krijgt een sms.",
    "Elke klant krijgt een bon als hij meer dan tien euro besteedt.",
    "De winkel mag geen alcohol verkopen aan minderjarige klanten.",
    "Sekswerkers met kinderen hebben recht op kinderopvangtoeslag.",
    "Sekswerk met kinderen thuis vraagt om goede afspraken over oppas.",
    "Klanten van sekswerkers moeten bij twijfel de leeftijd controleren.",
    "De GGD deelt gratis condooms uit aan sekswerkers.",
    "Sekswerkers kunnen zich gratis laten testen op soa bij de GGD.",
    "Soa's verspreiden zich snel als mensen geen condooms gebruiken.",
    "Het woord 'sekswerker' is in de jaren tachtig ontstaan.",
    "Het boek 'Sekswerk' verscheen in 2020.",
    "De campagne 'Sekswerk is werk' trok veel aandacht.",
    "Sekswerkers zijn kwetsbaar voor geweld doordat ze vaak alleen werken.",
    "De regelgeving maakt sekswerkers kwetsbaar voor uitbuiting.",
    "Het is zielig dat sekswerkers geen bankrekening kunnen openen.",
    "Een sekswerker met een 16-jarige dochter werkt als escort in Utrecht.",
    "Zij werkt als sekswerker en is moeder van twee kinderen van 8 en 12.",
    "De jongste sekswerker in het onderzoek was 19 jaar.",
    "De jongste sekswerker die we spraken, was 13 jaar geleden begonnen.",
    "Sekswerkers van 16 verschillende nationaliteiten namen deel aan het onderzoek.",
    "Sekswerkers onder de 21 mogen in Amsterdam niet achter het raam werken.",
    "Minderjarigen die seksueel worden uitgebuit, krijgen specialistische opvang.",
    "Het vrouwtje van de eend zat op het nest.",
    "Een oud vrouwtje klaagde over de drukte bij de seksclub.",
    "Mannen en vrouwen die als sekswerker werken, hebben dezelfde rechten.",
    "Sekswerk is in Nederland een legaal beroep.",
    "Mensenhandel is moderne slavernij.",
    "Mensenhandel is een ernstig misdrijf.",
    "In de seksbranche is uitbuiting een groot probleem, zegt de politie.",
    "Sekswerk is niet per definitie uitbuiting.",
    "Sekswerk is geen normaal beroep, vinden veel mensen; toch is het legaal.",
    "De burgemeester heeft het pand gesloten omdat er zonder vergunning sekswerk plaatsvond.",
    "De brandweer redde twee sekswerkers uit het brandende pand.",
    "De politie bevrijdde drie vrouwen die in een bordeel werden vastgehouden.",
    "De politie heeft een netwerk van mensenhandelaren opgerold dat vrouwen in bordelen uitbuitte.",
    "De klant werd betrapt toen hij een sekswerker beroofde.",
    "Bij de controle van het hotel werden geen sekswerkers aangetroffen.",
    "Sekswerkers hebben vaak geen toegang tot een bankrekening.",
    "Sekswerkers zijn vaak gedwongen hun werk geheim te houden.",
    "Zogenaamde deskundigen wisten het beter.",
    "Duizenden vrouwen liepen mee in de mars tegen geweld.",
    "Volgens de Nationaal Rapporteur zijn duizenden mensen slachtoffer van mensenhandel.",
    "De sekswerker vertelde over haar werk in de club.",
    "Iedere sekswerker die wij spraken, noemde geweld als grootste zorg.",
    "Als een klant niet betaalt, kan de sekswerker aangifte doen.",
    "Klanten worden aangesproken op hun verantwoordelijkheid.",
    "De stichting helpt sekswerkers bij het vinden van ander werk.",
    "Een mensenhandelaar bood de 16-jarige online aan voor seks.",
]


@pytest.mark.parametrize("text", QUIET)
def test_framing_rules_stay_quiet_on_ordinary_dutch(linter, text: str) -> None:  # type: ignore[no-untyped-def]
    ours = [(f.rule, f.text) for f in linter.check_text(text) if f.rule in OURS]
    assert ours == []


LOUD = [
    (
        "Prostitutie is uitbuiting, daar verandert een vergunning niets aan.",
        "sekswerk-is-mensenhandel",
    ),
    ("Sekswerkers zijn vaak slachtoffer.", "sekswerkers-zijn-slachtoffer"),
    ("Sekswerkers zijn in de praktijk bijna altijd slachtoffer.", "sekswerkers-zijn-slachtoffer"),
    ("Elke prostituee is een potentieel slachtoffer.", "slachtoffer-als-standaard"),
    ("Sekswerkers moeten tegen zichzelf beschermd worden.", "tegen-zichzelf-beschermen"),
    ("De vrouwtjes in de seksclub krijgen een alarmknop.", "vrouwtjes-voor-sekswerkers"),
    ("Zij werd jarenlang geprostitueerd.", "geprostitueerd-worden"),
    ("De 16-jarige bood zichzelf aan op een sekssite.", "minderjarige-biedt-zich-aan"),
    ("Elke sekswerker moet haar vergunning kunnen tonen.", "elke-sekswerker-haar"),
    ("Als een klant geweld gebruikt, mag de sekswerker hem weigeren.", "klant-hij"),
    ("Bij de actie werden vijf sekswerkers betrapt.", "sekswerkers-betrapt"),
    (
        "In de woning werden condooms aangetroffen die wezen op prostitutie.",
        "condooms-aangetroffen",
    ),
    (
        "Zogenaamde 'sekswerkers' pleiten voor decriminalisering.",
        "sekswerk-tussen-aanhalingstekens",
    ),
    ("Het gaat om zogenaamd vrijwillige prostitutie.", "zogenaamd-vrijwillig"),
    ("De 'sekswerkers' demonstreerden voor het stadhuis.", "sekswerk-tussen-aanhalingstekens"),
    (
        "Seksuele uitbuiting is geweld, in geval van minderjarigen ook door de klant.",
        "klant-van-minderjarige",
    ),
    ("De jongste sekswerker was 13.", "minderjarige-sekswerker"),
    ("Prostituees verspreiden soa's.", "sekswerkers-verspreiden-soa"),
    ("Sekswerkers zijn vaak verslaafd.", "sekswerkers-zijn-vaak"),
    ("Sekswerk is geen normaal beroep.", "sekswerk-moreel-oordeel"),
]


@pytest.mark.parametrize(("text", "rule"), LOUD)
def test_framing_rules_catch_their_pattern(linter, text: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    assert rule in rules_of(linter.check_text(text))


def test_framing_finding_keeps_the_word_finding_inside_it(linter) -> None:  # type: ignore[no-untyped-def]
    """'Elke prostituee … haar' is two remarks: the word (T01) and the gender assumption (R8)."""
    findings = linter.check_text("Elke prostituee moet haar vergunning kunnen tonen.")
    assert {"prostituee", "elke-sekswerker-haar"} <= set(rules_of(findings))
    word = next(f for f in findings if f.rule == "prostituee")
    assert word.suggestions[0] == "sekswerker"


def test_same_guidance_item_gives_one_finding(linter) -> None:  # type: ignore[no-untyped-def]
    """R6 'werd geprostitueerd' and T06 'geprostitueerd' share T06: one remark, the phrase."""
    findings = linter.check_text("Veel vrouwen werden jarenlang geprostitueerd.")
    assert [f.rule for f in findings if f.start <= findings[0].end] == ["geprostitueerd-worden"]


def test_gap_words_of_a_split_phrase_count_as_context(linter) -> None:  # type: ignore[no-untyped-def]
    """'sekswerker' sits between 'als een klant' and 'hem': it still makes a sex-work sentence."""
    (f,) = linter.check_text("Als een klant geweld gebruikt, mag de sekswerker hem weigeren.")
    assert f.rule == "klant-hij"
    assert f.text.startswith("Als een klant") and f.text.endswith("hem")


def test_scare_quotes_are_not_lowered_as_a_quotation(linter) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter.check_text("De 'sekswerkers' demonstreerden voor het stadhuis.")
    assert f.text == "'sekswerkers'"
    assert f.severity is Severity.WARNING
    assert f.notes == ()


def test_scare_quotes_inside_someone_elses_quotation_are_lowered(linter) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter.check_text("De wethouder zei: „Die 'sekswerkers' willen alleen geld.”")
    assert f.rule == "sekswerk-tussen-aanhalingstekens"
    assert f.severity is Severity.SUGGESTION


def test_minors_are_always_an_error(linter) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Een 16-jarige prostituee werd aangetroffen in een hotel.",
        "Het kabinet wil prostitutie door minderjarigen harder aanpakken.",
        "De jongste escort die de politie sprak, was pas vijftien.",
    ):
        severities = {f.severity for f in linter.check_text(text) if "R12" in f.refs}
        assert severities == {Severity.ERROR}, text


def test_kinderprostitutie_stays_an_error_in_belgium(linter_be) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter_be.check_text("Kinderprostitutie neemt toe in de regio.")
    assert f.rule == "kinderprostitutie" and f.severity is Severity.ERROR


def test_no_sex_work_word_for_a_child_in_suggestions() -> None:
    """R12: a rule about minors never proposes 'sekswerker' (or any sex-work word)."""
    for e in LEXICON.entries:
        if "R12" in e.refs or "T64" in e.refs or "T65" in e.refs:
            for s in e.suggestions:
                assert "sekswerk" not in s.text.lower() and "prostitu" not in s.text.lower(), e.id


@pytest.mark.parametrize(
    "text",
    [
        "Een escort van 16 werd door de politie uit een hotel gehaald.",
        "De recherche vond een sekswerker van veertien in een woning.",
        "Een minderjarige Hongaarse prostituee werd opgevangen.",
        "De 16-jarige werkte wekenlang als prostituee in een vakantiepark.",
        "Een jonge prostituee (16) deed aangifte.",
        "Minderjarige escortmeisjes worden online geronseld.",
    ],
)
def test_a_child_case_wins_over_the_word_rules(linter, text: str) -> None:  # type: ignore[no-untyped-def]
    """R12 overrides softer rules: with a minor, only R12 errors remain, and no suggestion
    offers a sex-work word ('prostituee' would otherwise get T01 → 'sekswerker', and
    'escortmeisjes' T12 → 'escorts')."""
    findings = linter.check_text(text)
    assert findings, text
    for f in findings:
        assert "R12" in f.refs and f.severity is Severity.ERROR, (text, f.rule)
        for s in f.suggestions:
            assert not any(w in s.lower() for w in ("sekswerk", "prostitu", "escort")), (text, s)


@pytest.mark.parametrize(
    ("text", "lumping_rule", "word_rule"),
    [
        (
            "Het meldpunt is er voor prostituees en slachtoffers van uitbuiting.",
            "sekswerkers-en-slachtoffers",
            "prostituee",
        ),
        (
            "De gemeente wil mensenhandel en prostitutie harder aanpakken.",
            "mensenhandel-en-prostitutie",
            "prostitutie",
        ),
        (
            "De actie richtte zich op illegale prostitutie en mensenhandel.",
            "mensenhandel-en-prostitutie",
            "illegale-prostitutie",
        ),
    ],
)
def test_lumping_with_trafficking_keeps_the_word_remark(  # type: ignore[no-untyped-def]
    linter, text: str, lumping_rule: str, word_rule: str
) -> None:
    """T71 comments on the coordination, not on the words: whether the word rule's span
    lies inside the coordination ('mensenhandel en prostitutie') or sticks out of it
    ('illegale prostitutie en mensenhandel'), both remarks are reported. People
    ('prostituees en slachtoffers') get a rule of their own, with advice about people."""
    rules = rules_of(linter.check_text(text))
    assert lumping_rule in rules and word_rule in rules, rules


def test_no_escort_word_suggested_when_the_sentence_is_about_a_minor(linter) -> None:  # type: ignore[no-untyped-def]
    """T12 would turn 'escortmeisjes' into 'escorts', a sex-work word for children (E6)."""
    findings = linter.check_text("Volgens de politie waren de escortmeisjes 16-jarige scholieren.")
    assert "escortmeisje" not in rules_of(findings)
    adults = linter.check_text("Volgens de politie waren de escortmeisjes studenten.")
    assert "escortmeisje" in rules_of(adults)


def test_the_verb_owns_in_de_prostitutie(linter) -> None:  # type: ignore[no-untyped-def]
    """'dat vrouwen in de prostitutie belanden': the phrase belongs to the verb, so T48
    speaks and 'vrouwen in de prostitutie' (T15) does not also claim the words."""
    text = "Het is belangrijk dat we voorkomen dat jonge vrouwen in de prostitutie belanden."
    assert rules_of(linter.check_text(text)) == ["in-de-prostitutie-belanden"]
    text = "Het onderzoek ging over vrouwen in de raamprostitutie."
    assert rules_of(linter.check_text(text)) == ["vrouwen-in-de-prostitutie"]
