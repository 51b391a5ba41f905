"""Terms about the work, third parties and places (T02–T06, T37–T63): traps and catches.

Every sentence in QUIET is a documented false-positive trap (§4.3 of the
terminology base) or an everyday use of a word that also has a sex-work sense:
uitstappen uit de bus, uitstippelen, ontucht as a legal term, the rosse kater,
a Flemish daguitstap, a bordeel as a mess. LOUD holds the cases the rules exist for,
with the top suggestion a writer would paste.
"""

from __future__ import annotations

import pytest

from tests.conftest import apply_fix, rules_of

QUIET = [
    "De passagiers stappen uit de bus bij het station.",
    "Zij stapte uit de trein en liep naar huis.",
    "De gemeente gaat het beleid uitstippelen.",
    "Het college moet nog een koers uitstippelen.",
    "Hij werd veroordeeld voor ontucht met een minderjarige.",
    "De leraar werd verdacht van ontucht met een leerling van 14.",
    "De tippelzone aan de Theemsweg gaat dicht.",
    "Het bordeelverbod werd in 2000 opgeheven.",
    "Het pooierverbod kwam er uiteindelijk niet.",
    "De rosse kater lag in de zon.",
    "Een rosse vrouw stapte uit de auto.",
    "De reeks Het oudste beroep was te zien op Eén.",
    "Wat een bordeel is het hier!",
    "Na het feest was het één groot bordeel.",
    "Veel plastic belandt in het milieu.",
    "We maakten een daguitstap naar de Ardennen.",
    "Het uitstapscenario voor de kerncentrales ligt klaar.",
    "Het uitstapprogramma voor jihadisten wordt uitgebreid.",
    "Tijdens het gesprek verkocht hij zichzelf goed.",
    "Hij verkoopt zijn auto en zijn huis.",
    "Belastingen zijn een noodzakelijk kwaad.",
    "Met de kinderen gingen we aapjes kijken in de dierentuin.",
    "De meubelmaker moet de tafel nog afwerken.",
    "Madam Tussauds trekt veel bezoekers.",
    "Zij zat al jaren in de gevangenis.",
    "Er zit veel geld in de sector.",
    "Het Prostitutie Controle Team bezocht drie clubs.",
    "De rode lampjes op het dashboard branden.",
    "Hij redde de kat uit de boom.",
    "De brandweer haalde twee mensen uit het water.",
    "De Regeling uitstapprogramma’s prostituees is verlengd tot 2026.",
    "In Nederland is vrijwillige prostitutie door volwassenen gereguleerd.",
    "Strafbaar blijft de exploitatie van onvrijwillige prostitutie.",
    "De exploitant van de seksclub is ook beheerder.",
    "Sekswerkers kunnen ondersteuning krijgen bij werkverandering.",
    "Na een ongeval belandde de auto in het circuit van Zandvoort.",
    "Het kind werd gedwongen tot bedelen.",
    "Veel leraren stappen uit het vak.",
    "Het zogeheten pooierverbod is van tafel.",
    "De zogenaamde thuiswerkende sekswerkers hebben geen vergunning nodig.",
    "De overlast van toeristen op de Wallen neemt toe.",
    "Sekswerkers hebben last van overlast door dronken toeristen.",
    "De jongen bood zijn fiets te koop aan.",
    "De ruiten van de etalage werden ingegooid.",
    "De verdachte pleegde ontucht met een sekswerker die bewusteloos was.",
    "Het Schipperskwartier is het raamgebied van Antwerpen.",
]


@pytest.mark.parametrize("text", QUIET)
def test_trap_stays_quiet(linter, text: str) -> None:  # type: ignore[no-untyped-def]
    findings = linter.check_text(text)
    assert findings == [], [(f.rule, f.text) for f in findings]


LOUD = [
    # (sentence, rule, flagged text, sentence after the top suggestion)
    (
        "De prostitutiebranche heeft het zwaar.",
        "prostitutiebranche",
        "prostitutiebranche",
        "De sekswerkbranche heeft het zwaar.",
    ),
    (
        "Het prostitutiebedrijf krijgt een vergunning.",
        "prostitutiebedrijf",
        "prostitutiebedrijf",
        "Het seksbedrijf krijgt een vergunning.",
    ),
    (
        "De prostitutie in de stad is veranderd.",
        "prostitutie",
        "De prostitutie",
        "Het sekswerk in de stad is veranderd.",
    ),
    (
        "Het gaat om illegale prostitutie.",
        "illegale-prostitutie",
        "illegale prostitutie",
        "Het gaat om sekswerk zonder vergunning.",
    ),
    (
        "De raamprostitutie verhuist.",
        "prostitutie",
        "De raamprostitutie",
        "Het raamsekswerk verhuist.",
    ),
    (
        "Een prostitue werd beroofd.",
        "prostituee",
        "prostitue",
        "Een sekswerker werd beroofd.",
    ),
    (
        "De protitutie in de regio neemt af.",
        "prostitutie",
        "De protitutie",
        "Het sekswerk in de regio neemt af.",
    ),
    (
        "Toeristen lopen door het red light district.",
        "rosse-buurt",
        "red light district",
        "Toeristen lopen door het raamgebied.",
    ),
    (
        "De rosse buurten van Europa lijken op elkaar.",
        "rosse-buurt",
        "rosse buurten",
        "De raamgebieden van Europa lijken op elkaar.",
    ),
    (
        "De gemeente evalueert haar uitstapprogramma's.",
        "uitstapprogramma",
        "uitstapprogramma's",
        "De gemeente evalueert haar programma's voor werkverandering.",
    ),
    (
        "Het uitstaptraject begint in januari.",
        "uitstap-samenstelling",
        "uitstaptraject",
        "Het overstaptraject begint in januari.",
    ),
    (
        "Bij de tippelzone komen afwerkplekken.",
        "afwerkplek",
        "afwerkplekken",
        "Bij de tippelzone komen werkplekken.",
    ),
    (
        "Het bordeel sluit om twee uur.",
        "bordeel",
        "bordeel",
        "Het seksbedrijf sluit om twee uur.",
    ),
    (
        "Het hoerenkot om de hoek gaat dicht.",
        "peeskamer",
        "Het hoerenkot",
        "De werkruimte om de hoek gaat dicht.",
    ),
    (
        "De bordeelhoudster betaalt haar belasting.",
        "bordeelhouder",
        "bordeelhoudster",
        "De exploitant betaalt haar belasting.",
    ),
]


@pytest.mark.parametrize(("text", "rule", "flagged", "fixed"), LOUD)
def test_catch_with_a_fitting_suggestion(
    linter, text: str, rule: str, flagged: str, fixed: str
) -> None:  # type: ignore[no-untyped-def]
    findings = [f for f in linter.check_text(text) if f.rule == rule]
    assert findings, rules_of(linter.check_text(text))
    assert findings[0].text == flagged
    assert apply_fix(text, findings[0]) == fixed


def test_a_compound_splits_on_the_longest_lexicon_word(linter) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter.check_text("De raamprostitutiebedrijven zijn 's nachts open.")
    assert (f.rule, f.suggestions[0]) == ("prostitutiebedrijf", "raamseksbedrijven")


def test_the_regulation_name_stays_quiet_but_generic_use_is_caught(linter) -> None:  # type: ignore[no-untyped-def]
    text = (
        "De Regeling uitstapprogramma’s prostituees is verlengd. "
        "Gemeenten kunnen verlenging aanvragen voor hun uitstapprogramma’s."
    )
    (f,) = linter.check_text(text)
    assert f.rule == "uitstapprogramma" and f.start > text.index("verlengd.")
    assert f.suggestions[0] == "programma’s voor werkverandering"


def test_sex_work_verbs_for_a_child_are_an_error(linter) -> None:  # type: ignore[no-untyped-def]
    rules = rules_of(
        linter.check_text("Het 14-jarige meisje werd geprostitueerd door haar vriend.")
    )
    assert "prostitueren-minderjarige" in rules
    assert "prostitueren" not in rules


def test_rescue_rule_leaves_children_to_the_exploitation_rules(linter) -> None:  # type: ignore[no-untyped-def]
    """An excluded word inside a split phrase still counts (context.excludes)."""
    rules = rules_of(linter.check_text("De politie haalde drie minderjarigen uit de prostitutie."))
    assert "uit-de-prostitutie-halen" not in rules
    # the word is still reported, with advice for a child (R12), not 'sekswerk'
    assert "prostitutie-bij-minderjarige" in rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("De Belgische werkgevers van sekswerkers zijn eigenlijk pooiers.", "werkgever-als-pooier"),
        # an employer named next to a pimp is not called one: the plain T37 remark stays
        ("De exploitant werkte volgens de politie samen met een pooier.", "pooier"),
    ],
)
def test_an_employer_called_a_pimp(linter, text: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    assert rules_of(linter.check_text(text)) == [rule]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Op haar dertigste ging zij de prostitutie in.", "in-de-prostitutie-belanden"),
        ("Toen gingen veel vrouwen weer de prostitutie in.", "terugkeer-in-de-prostitutie"),
        # 'de prostitutie' after a preposition: someone enters a debate, not the work
        ("Hij stapte de vergadering over de prostitutie in.", "prostitutie"),
        ("Zij zit al twintig jaar in de prostitutie.", "zitten-in-de-prostitutie"),
        ("Zij zit in de raad die over de prostitutie beslist.", "prostitutie"),
    ],
)
def test_separable_verbs_and_time_phrases(linter, text: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    assert rules_of(linter.check_text(text)) == [rule]
