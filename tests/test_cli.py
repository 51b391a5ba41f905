"""The real CLI, through click's runner and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stigmalint import __version__
from stigmalint.cli import cli

DIRTY = "Het kabinet wil de prostitutie reguleren.\nDe prostituees zijn blij.\n"
CLEAN = "Het kabinet wil het sekswerk reguleren. Sekswerkers zijn blij.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    d = {
        "dirty": tmp_path / "concept.md",
        "clean": tmp_path / "schoon.txt",
        "latin1": tmp_path / "latin1.txt",
        "binary": tmp_path / "plaatje.txt",
        "utf16": tmp_path / "utf16.txt",
        "bom": tmp_path / "bom.txt",
    }
    d["dirty"].write_text(DIRTY, encoding="utf-8")
    d["clean"].write_text(CLEAN, encoding="utf-8")
    d["latin1"].write_bytes("Een café met prostituées.\n".encode("latin-1"))
    d["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    d["utf16"].write_bytes("De prostituees.\n".encode("utf-16"))
    d["bom"].write_bytes("\ufeffDe prostituees.\n".encode("utf-8"))
    return d


def test_text_output_is_compiler_style(runner: CliRunner, files: dict[str, Path]) -> None:
    res = runner.invoke(cli, ["check", str(files["dirty"])])
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert lines[0].startswith(f"{files['dirty']}:1:17: warning: ")
    assert lines[0].endswith("[prostitutie]")
    assert lines[1].strip() == "suggestie: het sekswerk (ook: de seksbranche)"
    assert lines[2].startswith(f"{files['dirty']}:2:4: warning:")
    assert lines[-1] == "2 bevindingen (2 waarschuwingen) in 1 van 1 bestand."


def test_json_output_matches_the_documented_shape(
    runner: CliRunner, files: dict[str, Path]
) -> None:
    res = runner.invoke(
        cli, ["check", "--format", "json", str(files["dirty"]), str(files["clean"])]
    )
    assert res.exit_code == 1
    doc = json.loads(res.output)
    assert doc["version"] == 1 and doc["errors"] == []
    first = doc["files"][0]["findings"][0]
    assert {
        k: first[k]
        for k in (
            "rule",
            "severity",
            "start",
            "end",
            "text",
            "line",
            "column",
            "end_line",
            "end_column",
        )
    } == {
        "rule": "prostitutie",
        "severity": "warning",
        "start": 16,
        "end": 30,
        "text": "de prostitutie",
        "line": 1,
        "column": 17,
        "end_line": 1,
        "end_column": 31,
    }
    assert DIRTY[first["start"] : first["end"]] == first["text"]
    assert first["suggestions"][0] == "het sekswerk"
    assert doc["files"][1]["findings"] == []
    # Indented down to the findings, one finding per line (diffable, C-encoded).
    lines = res.output.splitlines()
    assert lines[:3] == ["{", '  "version": 1,', '  "files": [']
    per_line = [json.loads(x.strip().rstrip(",")) for x in lines if '"rule": ' in x]
    assert per_line == doc["files"][0]["findings"]


def test_exit_codes_follow_fail_on(runner: CliRunner, files: dict[str, Path]) -> None:
    assert runner.invoke(cli, ["check", str(files["clean"])]).exit_code == 0
    assert runner.invoke(cli, ["check", "--fail-on", "error", str(files["dirty"])]).exit_code == 0
    assert (
        runner.invoke(cli, ["check", "--fail-on", "suggestion", str(files["dirty"])]).exit_code == 1
    )


def test_stdin(runner: CliRunner) -> None:
    res = runner.invoke(
        cli, ["check", "-", "--stdin-filename", "plak.txt"], input="De hoerenlopers.\n"
    )
    assert res.exit_code == 1
    assert res.output.startswith("plak.txt:1:4: error:")


def test_directories_are_walked(runner: CliRunner, files: dict[str, Path], tmp_path: Path) -> None:
    sub = tmp_path / "docs" / "deel"
    sub.mkdir(parents=True)
    (sub / "nota.md").write_text(DIRTY, encoding="utf-8")
    (sub / "script.py").write_text("prostituees = 1\n", encoding="utf-8")
    res = runner.invoke(cli, ["check", "--format", "json", str(tmp_path / "docs")])
    assert [Path(f["path"]).name for f in json.loads(res.output)["files"]] == ["nota.md"]


def test_bad_inputs_give_one_line_errors_and_other_files_are_still_checked(
    runner: CliRunner, files: dict[str, Path], tmp_path: Path
) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    args = [
        "check",
        "--format",
        "json",
        str(tmp_path / "bestaat-niet.md"),
        str(empty),
        str(files["binary"]),
        str(files["latin1"]),
        str(files["dirty"]),
    ]
    res = runner.invoke(cli, args)
    assert res.exit_code == 2
    doc = json.loads(res.stdout)
    errors = {Path(e["path"]).name: e["message"] for e in doc["errors"]}
    assert errors["bestaat-niet.md"] == "bestand of map bestaat niet"
    assert "geen tekstbestanden" in errors["leeg"]
    assert "binair" in errors["plaatje.txt"]
    assert errors["latin1.txt"].startswith("geen geldige UTF-8 (byte 7)")
    assert [Path(f["path"]).name for f in doc["files"]] == ["concept.md"]
    assert len(doc["files"][0]["findings"]) == 2
    err_lines = res.stderr.strip().splitlines()
    assert len(err_lines) == 4 and all(line.startswith("stigmalint: fout: ") for line in err_lines)
    assert "Traceback" not in res.output


def test_utf16_and_bom_files_are_read(runner: CliRunner, files: dict[str, Path]) -> None:
    res = runner.invoke(cli, ["check", "--format", "json", str(files["utf16"]), str(files["bom"])])
    doc = json.loads(res.output)
    for f in doc["files"]:
        (hit,) = f["findings"]
        assert (hit["text"], hit["start"], hit["column"]) == ("prostituees", 3, 4)


def test_explain_by_id_reference_and_word(runner: CliRunner) -> None:
    by_id = runner.invoke(cli, ["explain", "prostituee"])
    assert by_id.exit_code == 0
    assert "Waarom:" in by_id.output and "sekswerker" in by_id.output and "https://" in by_id.output
    assert runner.invoke(cli, ["explain", "T01"]).output == by_id.output
    by_word = runner.invoke(cli, ["explain", "raamprostituees"])
    assert by_word.output.startswith("raamprostituee")
    missing = runner.invoke(cli, ["explain", "fiets"])
    assert missing.exit_code == 2


def test_rules_lists_every_entry(runner: CliRunner) -> None:
    from stigmalint.rules import load_lexicon

    n = len(load_lexicon().entries)
    text = runner.invoke(cli, ["rules"])
    assert text.output.strip().endswith(f"{n} regels")
    data = json.loads(runner.invoke(cli, ["rules", "--format", "json"]).output)
    assert len(data["rules"]) == n


def test_version(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["--version"]).output.strip() == f"stigmalint {__version__}"


def test_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["check", "--format", "pdf", "x"]).exit_code == 2


def test_module_entry_point_runs_as_a_process(files: dict[str, Path]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "stigmalint", "check", str(files["dirty"])],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "[prostitutie]" in proc.stdout and proc.stderr == ""


def test_clean_file_does_not_import_spacy(files: dict[str, Path]) -> None:
    """The fast pre-scan must keep spaCy out of a run over text with no candidate."""
    probe = (
        "import sys\n"
        "from stigmalint.cli import main\n"
        "try:\n"
        f"    main(['check', {str(files['clean'])!r}])\n"
        "except SystemExit as e:\n"
        "    code = e.code\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', code)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.stdout.strip().splitlines()[-1] == "NO-SPACY 0", proc.stdout + proc.stderr


def test_a_finding_does_not_import_spacys_command_line(files: dict[str, Path]) -> None:
    """spaCy's CLI (typer, requests, jinja2…) is a third of its import time and unused.

    After the run, ``import spacy.cli`` must still give the real module.
    """
    probe = (
        "import sys\n"
        "from stigmalint.cli import main\n"
        "try:\n"
        f"    main(['check', '--format', 'json', {str(files['dirty'])!r}])\n"
        "except SystemExit as e:\n"
        "    code = e.code\n"
        "loaded = 'spacy' in sys.modules, 'spacy.cli' in sys.modules, 'typer' in sys.modules\n"
        "import spacy, spacy.cli\n"
        "print(loaded, code, callable(spacy.cli.download), callable(spacy.info))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    last = proc.stdout.strip().splitlines()[-1]
    assert last == "(True, False, False) 1 True True", proc.stdout + proc.stderr
