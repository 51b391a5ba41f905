"""The spaCy side: pipeline, component, lemma candidates, tokenizer, serialisation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy

import stigmalint
from stigmalint.findings import Finding


def test_load_blank_has_the_documented_components(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.lang == "nl"
    assert nlp.pipe_names == ["lemmatizer", "stigmalint_lemmas", "stigmalint"]
    assert nlp.get_pipe("lemmatizer").mode == "lookup"


def test_component_writes_spans_with_findings(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("De gemeente sprak met drie prostituees over de regels.")
    spans = list(doc.spans["stigmalint"])
    assert [s.text for s in spans] == ["prostituees"]
    hit = spans[0]._.stigmalint
    assert isinstance(hit, Finding)
    assert (hit.rule, hit.severity.label, hit.suggestions[0]) == (
        "prostituee",
        "warning",
        "sekswerkers",
    )
    assert hit.message


def test_component_applies_context_filters_on_a_whole_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "De Wet regulering prostitutie en bestrijding misstanden seksbranche is oud. Prostituees niet."
    )
    assert [s.text for s in doc.spans["stigmalint"]] == ["Prostituees"]


def test_factory_works_in_a_users_own_pipeline() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("stigmalint")
    doc = nlp("Het hoertje werd beroofd.")
    assert [s.label_ for s in doc.spans["stigmalint"]] == ["hoer"]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("hoeren", "hoer"),
        ("meisjes", "meisje"),
        ("slachtoffers", "slachtoffer"),
        ("kwam", "komen"),
        ("belandde", "belanden"),
        ("terechtgekomen", "terechtkomen"),
        ("prostitueerde", "prostitueren"),
        ("dames", "dame"),
        ("gedwongen", "dwingen"),
    ],
)
def test_lemma_candidates_reach_the_lemma(nlp, word: str, lemma: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(f"Zij zei {word} gisteren.")
    assert lemma in doc[2]._.lemmas


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Dit is verstuurd.2 En meer.", "verstuurd"),
        ("Iedere prostituee2 heeft", "prostituee"),
        ("de prostituees(3 werken", "prostituees"),
        ("sekswerker/prostituee", "prostituee"),
        ("in 2019—volgens de wet", "volgens"),
        ("de prostitué(e)s werken", "prostitué(e)s"),
        ("de uitstapprogramma’s lopen", "uitstapprogramma’s"),
    ],
)
def test_tokenizer_fixes(nlp, text: str, token: str) -> None:  # type: ignore[no-untyped-def]
    assert token in [t.text for t in nlp.make_doc(text)]


def test_to_disk_and_from_disk_round_trip(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "stigmalint" / "persons.yaml").is_file()
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("Zij werkt in de raamprostitutie.")
    assert [s.label_ for s in doc.spans["stigmalint"]] == ["prostitutie"]


def test_auto_uses_blank_without_the_model() -> None:
    from stigmalint.nlp.pipeline import resolve_model

    expected = "nl_core_news_sm" if importlib.util.find_spec("nl_core_news_sm") else "blank"
    assert resolve_model("auto") == expected


@pytest.mark.skipif(
    importlib.util.find_spec("nl_core_news_sm") is None, reason="nl_core_news_sm not installed"
)
def test_with_nl_core_news_sm() -> None:
    nlp = stigmalint.load("nl_core_news_sm")
    doc = nlp("De prostituees kwamen terecht in de prostitutie.")
    assert doc.spans["stigmalint"]


def test_unknown_model_is_a_clear_error() -> None:
    from stigmalint.errors import ModelError

    with pytest.raises(ModelError, match="geen_model"):
        stigmalint.load("geen_model_xyz")
