"""The lexicon loader: valid files load, broken ones give one clear Dutch error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from stigmalint.rules import LexiconError, load_lexicon
from stigmalint.rules.model import CATEGORIES
from stigmalint.rules.resources import default_lexicon_dir, lexicon_files

GOOD_ENTRY = """
  - id: testwoord
    severity: warning
    message: Een testbericht.
    match:
      words: [testwoord]
    suggestions: [proefwoord]
    sources: [https://example.org/bron]
    examples:
      bad: [Dit is een testwoord., Nog een testwoord.]
      good: [Dit is een proefwoord.]
"""


def write(tmp_path: Path, body: str, name: str = "extra.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_bundled_lexicon_loads_and_is_consistent() -> None:
    lex = load_lexicon()
    ids = [e.id for e in lex.entries]
    assert len(ids) == len(set(ids))
    assert all(e.category in CATEGORIES for e in lex.entries)
    assert all(e.sources and all(s.startswith("http") for s in e.sources) for e in lex.entries)
    assert all(e.message and "\n" not in e.message for e in lex.entries)
    assert all(e.suggestions for e in lex.entries)
    assert {"sw", "tr", "minor"} <= set(lex.anchors)
    assert any(a.name.startswith("Wet regulering prostitutie") for a in lex.allow)


def test_extra_lexicon_adds_entries(tmp_path: Path) -> None:
    extra = write(tmp_path, "schema: 1\ncategory: persons\nentries:" + GOOD_ENTRY)
    lex = load_lexicon(extra=[extra])
    assert lex.find("testwoord") is not None


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("schema: 2\nentries: []\n", "schema"),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace("severity: warning", "severity: fataal"),
            "severity",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace("suggestions:", "sugestions:"),
            "sugestions",
        ),
        ("schema: 1\ncategory: onbekend\nentries:" + GOOD_ENTRY, "categorie"),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace("https://example.org/bron", "geen-url"),
            "URL",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace("good: [Dit is een proefwoord.]", "good: []"),
            "good",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace("words: [testwoord]", 'phrases: ["in de @onbekend"]'),
            "ankerset",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace("id: testwoord", "id: Test Woord"),
            "id",
        ),
        ("schema: 1\nentries: [\n", "YAML"),
        ("schema: 1\nprefixes:\n  jongens: mannelijke sekswerkers\n", "prefixes.jongens"),
        ("schema: 1\nprefixes: [jongens]\n", "prefixes"),
        ("schema: 1\nanchors:\n  plek:\n    proper: [Wal*]\n    words: [wal]\n", "proper"),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace(
                "words: [testwoord]",
                "words: [testwoord]\n    context: {requires: [sw], within: 3, previous: true}",
            ),
            "previous",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace(
                "words: [testwoord]", "words: [testwoord]\n    context: {document: [onbekend]}"
            ),
            "onbekend",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace(
                "words: [testwoord]",
                "words: [testwoord]\n    unless:\n      - {preceded_by: bus, previous: 1}",
            ),
            "previous",
        ),
        (
            "schema: 1\ncategory: persons\nentries:"
            + GOOD_ENTRY.replace(
                "words: [testwoord]",
                "words: [testwoord]\n    unless:\n      - {sentence: bus, previous: 4}",
            ),
            "previous",
        ),
    ],
)
def test_broken_file_names_file_entry_and_problem(tmp_path: Path, body: str, problem: str) -> None:
    extra = write(tmp_path, body)
    with pytest.raises(LexiconError) as info:
        load_lexicon(extra=[extra])
    message = str(info.value)
    assert str(extra) in message
    assert problem in message
    assert "\n" not in message


def test_duplicate_id_is_reported_with_both_files(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        "schema: 1\ncategory: persons\nentries:" + GOOD_ENTRY.replace("testwoord", "prostituee"),
    )
    with pytest.raises(LexiconError, match="bestaat al"):
        load_lexicon(extra=[extra])


def test_lexicon_files_are_found_from_the_package() -> None:
    files = lexicon_files(default_lexicon_dir())
    assert files[0].name == "anchors.yaml"
    assert {"allowlist.yaml", "grammar.yaml", "persons.yaml"} <= {f.name for f in files}


def test_prefixes_are_loaded_and_extended_by_extra_files(tmp_path: Path) -> None:
    assert load_lexicon().prefixes["jongens"] == "mannelijke"
    extra = write(tmp_path, "schema: 1\nprefixes:\n  Heren-: mannelijke\n")
    lex = load_lexicon(extra=[extra])
    assert lex.prefixes["heren"] == "mannelijke"
    assert lex.for_locale("nl-BE").prefixes["heren"] == "mannelijke"


def test_locale_off_can_be_written_bare(tmp_path: Path) -> None:
    """YAML reads a bare ``off`` key as the boolean False; ``off: true`` must still work."""
    body = (
        "schema: 1\ncategory: work\nentries:"
        + GOOD_ENTRY
        + "    locales:\n      nl-BE:\n        off: true\n"
    )
    p = write(tmp_path, body)
    lex = load_lexicon([p])
    (entry,) = lex.entries
    assert entry.locales["nl-BE"].off is True
    assert lex.for_locale("nl-BE").entries == []
    assert [e.id for e in lex.for_locale("nl-NL").entries] == ["testwoord"]
