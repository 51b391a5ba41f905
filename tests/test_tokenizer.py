"""The tokenizer adds spaCy's dotted special cases on demand: same tokens as loading all."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from stigmalint.nlp.tokenizer import DutchTokenizer, build_tokenizer


@pytest.fixture(scope="module")
def pair() -> tuple[Tokenizer, Tokenizer]:
    """Our tokenizer, and spaCy's Tokenizer with the same rules all loaded up front."""
    nlp = spacy.blank("nl")
    lazy = build_tokenizer(nlp)
    assert isinstance(lazy, DutchTokenizer)
    eager = Tokenizer(
        nlp.vocab,
        rules=dict(nlp.Defaults.tokenizer_exceptions),
        prefix_search=lazy.prefix_search,
        suffix_search=lazy.suffix_search,
        infix_finditer=lazy.infix_finditer,
        token_match=lazy.token_match,
        url_match=lazy.url_match,
    )
    return lazy, eager


def _tokens(tok: Tokenizer, text: str) -> list[tuple[int, str]]:
    return [(t.idx, t.text) for t in tok(text)]


def test_nothing_dotted_is_loaded_before_it_is_needed(pair) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("nl")
    fresh = build_tokenizer(nlp)
    assert "bijv." not in fresh.rules and "bijv." in nlp.Defaults.tokenizer_exceptions
    assert [t.text for t in fresh("Zie bijv. de nota.")] == ["Zie", "bijv.", "de", "nota", "."]
    assert "bijv." in fresh.rules


def test_every_special_case_tokenizes_as_spacy_does(pair) -> None:  # type: ignore[no-untyped-def]
    lazy, eager = pair
    specials = sorted(spacy.blank("nl").Defaults.tokenizer_exceptions)
    for key in specials:
        for text in (f"Zie {key} en", f"({key})", f"{key}, of {key}.", f"x{key}y"):
            assert _tokens(lazy, text) == _tokens(eager, text), text


def test_ordinary_prose_tokenizes_as_spacy_does(pair) -> None:  # type: ignore[no-untyped-def]
    lazy, eager = pair
    text = (
        "De gemeente (o.a. Utrecht) sprak m.b.t. de APV met sekswerkers, bijv. in "
        "raamprostitutie; zie art. 3.2 lid 1 en www.example.nl/a.b?c=d. Dhr. Jansen "
        "zei 's avonds: ‘prostitué(e)s’ — t.a.v. de wet v.w.b. vergunningen e.d."
    )
    assert _tokens(lazy, text) == _tokens(eager, text)


def test_cached_affix_rules_are_spacys_rules_plus_ours(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The affix regexes come from the start-up cache; a cached copy must be exactly what
    spaCy's own compile functions make of the Dutch rules plus ours, and behave the same."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from stigmalint import startup
    from stigmalint.nlp.tokenizer import EXTRA_INFIXES, EXTRA_SUFFIXES

    monkeypatch.setenv("STIGMALINT_CACHE_DIR", str(tmp_path))
    startup._LOADED.clear()
    d = spacy.blank("nl").Defaults
    expected = (
        compile_prefix_regex(d.prefixes or []),
        compile_suffix_regex([*(d.suffixes or []), *EXTRA_SUFFIXES]),
        compile_infix_regex([*(d.infixes or []), *EXTRA_INFIXES]),
    )
    first = build_tokenizer(spacy.blank("nl"))  # builds and stores the cache
    startup._LOADED.clear()
    second = build_tokenizer(spacy.blank("nl"))  # reads it back from disk
    assert list(tmp_path.rglob("affixes-*.pickle"))
    text = "Zie (p. 3) de nota's: sekswerker/prostituee, 2019—volgens prostituees(3 en hoer2."
    for tok in (first, second):
        assert tok.prefix_search.__self__.pattern == expected[0].pattern
        assert tok.suffix_search.__self__.pattern == expected[1].pattern
        assert tok.infix_finditer.__self__.pattern == expected[2].pattern
    assert [t.text for t in first(text)] == [t.text for t in second(text)]
    assert "sekswerker" in [t.text for t in second(text)]
