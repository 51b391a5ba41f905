"""SARIF, GitHub annotations, the HTML report, and --fix / --diff through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stigmalint.cli import cli
from stigmalint.report.github_format import escape_data, escape_property
from tests.conftest import SHARED

DRAFT = (
    "Het kabinet wil de prostitutie reguleren.\n"
    "De wethouder zei: „Die prostituees horen hier niet.”\n"
    "Gedwongen prostitutie is een misdrijf.\n"
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "nota.md"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_sarif_validates_against_the_oasis_schema(draft: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("shared SARIF schema not available")
    res = CliRunner().invoke(cli, ["check", "--format", "sarif", str(draft)])
    assert res.exit_code == 1
    log = json.loads(res.output)
    jsonschema.validate(log, json.loads(schema_path.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {
        "prostitutie",
        "prostituee",
        "gedwongen-prostitutie",
    }
    first = run["results"][0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 17, 31)
    assert first["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "het sekswerk"
    }
    levels = [r["level"] for r in run["results"]]
    assert levels == ["warning", "note", "warning"]  # the quoted one is a level milder


def test_github_annotations_are_escaped_and_1_based(draft: Path) -> None:
    res = CliRunner().invoke(cli, ["check", "--format", "github", str(draft)])
    first = res.output.splitlines()[0]
    assert first.startswith(
        f"::warning file={escape_property(str(draft))},line=1,endLine=1,col=17,"
    )
    assert "title=stigmalint prostitutie::" in first
    assert escape_data("a\nb%") == "a%0Ab%25"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_html_report_marks_the_text(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    res = CliRunner().invoke(cli, ["check", "--format", "html", "-o", str(out), str(draft)])
    assert res.exit_code == 1 and res.output == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert '<mark class="warning"' in html and "de prostitutie<sup>1</sup></mark>" in html
    assert "het sekswerk" in html and "https://" in html
    assert "<script" not in html


def test_fix_rewrites_own_prose_but_not_quotes_or_rewrites(draft: Path) -> None:
    res = CliRunner().invoke(cli, ["check", "--fix", str(draft)])
    fixed = draft.read_text(encoding="utf-8")
    assert fixed.splitlines()[0] == "Het kabinet wil het sekswerk reguleren."
    assert "Die prostituees horen" in fixed  # a quotation is never edited
    assert "Gedwongen prostitutie" in fixed  # needs a rewrite, not a word swap
    assert "1 vervanging toegepast" in res.stderr
    assert res.exit_code == 1  # findings remain


def test_diff_shows_changes_without_writing(draft: Path) -> None:
    res = CliRunner().invoke(cli, ["check", "--diff", str(draft)])
    assert res.exit_code == 1
    assert "-Het kabinet wil de prostitutie reguleren." in res.output
    assert "+Het kabinet wil het sekswerk reguleren." in res.output
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_fix_on_stdin_prints_the_fixed_text() -> None:
    res = CliRunner().invoke(cli, ["check", "--fix", "-"], input="De prostituees zijn blij.\n")
    assert res.stdout == "De sekswerkers zijn blij.\n"


def test_fix_keeps_utf16(tmp_path: Path) -> None:
    p = tmp_path / "utf16.txt"
    p.write_bytes("De prostituees zijn blij.\n".encode("utf-16"))
    CliRunner().invoke(cli, ["check", "--fix", str(p)])
    assert p.read_bytes().decode("utf-16") == "De sekswerkers zijn blij.\n"


def test_exit_zero(draft: Path) -> None:
    assert CliRunner().invoke(cli, ["check", "--exit-zero", str(draft)]).exit_code == 0
