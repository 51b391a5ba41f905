"""Inline suppression comments in Markdown and HTML: semantics, notes, unused ones."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from stigmalint.cli import cli
from stigmalint.suppress import parse_comment
from tests.documents import check, located


def _md(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "nota.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_comment() -> None:
    d = parse_comment(" stigmalint-disable-next-line prostituee, hoer -- citaat uit de APV ", 0, 9)
    assert d is not None and d.kind == "disable-next-line"
    assert d.rules == {"prostituee", "hoer"} and d.bad_ids == ()
    everything = parse_comment("stigmalint-disable", 0, 9)
    assert everything is not None and everything.rules == frozenset()
    assert parse_comment(" stigmalint-disabled ", 0, 9) is None
    assert parse_comment(" gewone opmerking over prostituees ", 0, 9) is None


def test_disable_next_line_covers_exactly_the_next_line(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "<!-- stigmalint-disable-next-line prostituee -->\n"
        "Citaat uit de APV: prostituees en hoerenlopers.\n"
        "Hier weer prostituees.\n",
    )
    assert [(r, line) for r, line, _, _ in located(check(path))] == [
        ("hoerenloper", 2),  # another rule on the same line stays
        ("prostituee", 3),
    ]


def test_disable_without_ids_covers_every_rule(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "Eerst prostituees.\n\n<!-- stigmalint-disable -->\n\nprostituees en hoerenlopers\n\n"
        "<!-- stigmalint-enable -->\n\nDaarna hoerenlopers.\n",
    )
    result = check(path)
    assert [(r, line) for r, line, _, _ in located(result)] == [
        ("prostituee", 1),
        ("hoerenloper", 9),
    ]
    assert result.notes == []


def test_enable_with_an_id_reopens_only_that_rule(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "<!-- stigmalint-disable prostituee hoerenloper -->\n"
        "prostituees en hoerenlopers\n"
        "<!-- stigmalint-enable hoerenloper -->\n"
        "prostituees en hoerenlopers\n"
        "<!-- stigmalint-enable -->\n"
        "prostituees en hoerenlopers\n",
    )
    assert [(r, line) for r, line, _, _ in located(check(path))] == [
        ("hoerenloper", 4),
        ("prostituee", 6),
        ("hoerenloper", 6),
    ]


def test_unclosed_disable_runs_to_the_end_and_says_so(tmp_path: Path) -> None:
    path = _md(
        tmp_path, "Eerst prostituees.\n\n<!-- stigmalint-disable prostituee -->\n\nprostituees\n"
    )
    result = check(path)
    assert [line for _, line, _, _ in located(result)] == [1]
    assert result.notes == [
        "stigmalint-disable prostituee op regel 3 wordt niet afgesloten met "
        "<!-- stigmalint-enable -->: prostituee staan uit tot het einde van het bestand"
    ]


def test_the_comment_itself_and_code_never_count(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "Schrijf `<!-- stigmalint-disable -->` om alles uit te zetten.\n\n"
        "```html\n<!-- stigmalint-disable -->\n```\n\n"
        "<!-- stigmalint-disable-next-line hoer -- prostituees en hoerenlopers -->\n"
        "De prostituees.\n",
    )
    result = check(path)
    assert located(result) == [("prostituee", 8, 4, "prostituees")]
    assert result.notes == []  # the examples in code are not directives


def test_unknown_ids_and_stray_enable_are_notes(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "<!-- stigmalint-enable -->\n<!-- stigmalint-disable-next-line prostitue Hoer! -->\nx\n",
    )
    notes = check(path).notes
    assert "stigmalint-enable op regel 1 heeft geen stigmalint-disable ervoor" in notes
    assert "'Hoer!' in stigmalint-disable-next-line prostitue op regel 2 is geen regel-id" in notes
    assert any(n.startswith("onbekende regel 'prostitue'") for n in notes)


def test_unused_suppressions_are_reported_on_request(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "<!-- stigmalint-disable-next-line prostituee hoerenloper -->\n"
        "De prostituees.\n\n"
        "<!-- stigmalint-disable-next-line -->\n"
        "Een schone zin.\n",
    )
    assert check(path).findings == []
    result = check(path, report_unused_suppressions=True)
    assert [(f.rule, f.position.line if f.position else 0) for f in result.findings] == [
        ("unused-suppression", 1),
        ("unused-suppression", 4),
    ]
    assert result.findings[0].message.startswith("De regel-id hoerenloper in deze")
    assert "onderdrukt geen enkele melding" in result.findings[1].message


def test_html_comments_suppress_too(tmp_path: Path) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(
        "<p>De prostituees.</p>\n<!-- stigmalint-disable-next-line -->\n<p>De prostituees.</p>\n",
        encoding="utf-8",
    )
    assert [line for _, line, _, _ in located(check(path))] == [1]


def test_cli_prints_notes_and_unused_suppressions(tmp_path: Path) -> None:
    path = _md(tmp_path, "<!-- stigmalint-disable -->\n\nEen schone zin.\n")
    runner = CliRunner()
    res = runner.invoke(cli, ["check", "--model", "blank", str(path)])
    assert res.exit_code == 0
    assert res.output.splitlines()[0].startswith(
        f"{path}: opmerking: stigmalint-disable op regel 1"
    )
    res = runner.invoke(
        cli, ["check", "--model", "blank", "--report-unused-suppressions", "--format", "json",
              str(path)],
    )  # fmt: skip
    assert res.exit_code == 1
    (file,) = json.loads(res.output)["files"]
    assert [f["rule"] for f in file["findings"]] == ["unused-suppression"]
    assert file["notes"][0].startswith("stigmalint-disable op regel 1 wordt niet afgesloten")
