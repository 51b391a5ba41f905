"""Repository configuration: discovery, every key, overrides, errors and `stigmalint config`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stigmalint.cli import cli
from stigmalint.config import Resolver
from tests.documents import IMAGE_LEXICON, check, located

DIRTY = "De prostituees en de hoerenlopers.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository with a pyproject.toml and a nested docs folder."""
    (tmp_path / "docs" / "historie").mkdir(parents=True)
    (tmp_path / "docs" / "nota.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "historie" / "1911.md").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def _pyproject(root: Path, body: str) -> None:
    (root / "pyproject.toml").write_text(
        '[project]\nname = "beleid"\n\n[tool.stigmalint]\n' + body, encoding="utf-8"
    )


def _rules(path: Path, **options: object) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.label) for f in check(path, **options).findings]


def test_pyproject_is_found_from_the_file_upwards(project: Path) -> None:
    _pyproject(project, 'disable = ["hoerenloper"]\nseverity = { prostituee = "error" }\n')
    assert _rules(project / "docs" / "historie" / "1911.md") == [("prostituee", "error")]


def test_nearest_file_wins_and_yaml_beats_pyproject(project: Path) -> None:
    _pyproject(project, 'disable = ["hoerenloper"]\n')
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no table
    (project / "docs" / "historie" / ".stigmalint.yaml").write_text("disable: [prostituee]\n")
    (project / "docs" / "historie" / "pyproject.toml").write_text(
        '[tool.stigmalint]\ndisable = ["hoerenloper"]\n'
    )
    assert _rules(project / "docs" / "nota.md") == [("prostituee", "warning")]
    assert _rules(project / "docs" / "historie" / "1911.md") == [("hoerenloper", "error")]


def test_overrides_apply_to_matching_files_only(project: Path) -> None:
    _pyproject(
        project,
        'fail-on = "error"\n\n[[tool.stigmalint.overrides]]\nfiles = ["docs/historie/**"]\n'
        'disable = ["all"]\nenable = ["hoerenloper"]\nseverity = { hoerenloper = "suggestion" }\n',
    )
    assert _rules(project / "docs" / "nota.md") == [
        ("prostituee", "warning"),
        ("hoerenloper", "error"),
    ]
    assert _rules(project / "docs" / "historie" / "1911.md") == [("hoerenloper", "suggestion")]


def test_allow_and_extra_lexicon(project: Path) -> None:
    (project / "beeld.yaml").write_text(IMAGE_LEXICON, encoding="utf-8")
    (project / ".stigmalint.yaml").write_text(
        "allow: [Stichting Hoerenlopers Anoniem]\nextra-lexicon: [beeld.yaml]\n"
    )
    page = project / "docs" / "pagina.md"
    page.write_text(
        "De Stichting Hoerenlopers Anoniem helpt.\n\n![Paarse olifant boven de deur](a.png)\n"
    )
    assert located(check(page)) == [("test-paarse-olifant", 3, 3, "Paarse olifant")]


def test_locale_and_model_keys(project: Path) -> None:
    (project / ".stigmalint.yaml").write_text("locale: nl-BE\nmodel: blank\n")
    settings = Resolver().settings(project / "docs" / "nota.md")
    assert (settings.locale, settings.model) == ("nl-BE", "blank")
    assert [str(o) for o in settings.origins["locale"]] == [str(project / ".stigmalint.yaml")]


def test_fail_on_from_configuration_sets_the_exit_code(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    nota = str(project / "docs" / "nota.md")
    assert runner.invoke(cli, ["check", "--model", "blank", nota]).exit_code == 1
    _pyproject(project, 'fail-on = "error"\ndisable = ["hoerenloper"]\n')
    assert runner.invoke(cli, ["check", "--model", "blank", nota]).exit_code == 0
    # the command line wins over the configuration
    res = runner.invoke(cli, ["check", "--model", "blank", "--fail-on", "warning", nota])
    assert res.exit_code == 1


def test_exclude_skips_walked_files_but_not_named_ones(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pyproject(project, 'exclude = ["historie/"]\n')
    monkeypatch.chdir(project)
    walked = runner.invoke(cli, ["check", "--model", "blank", "--format", "json", "docs"])
    assert [f["path"] for f in json.loads(walked.output)["files"]] == ["docs/nota.md"]
    named = "docs/historie/1911.md"
    res = runner.invoke(cli, ["check", "--model", "blank", "--format", "json", named])
    assert [f["path"] for f in json.loads(res.output)["files"]] == [named]
    forced = runner.invoke(
        cli, ["check", "--model", "blank", "--format", "json", "--force-exclude", named]
    )
    assert json.loads(forced.output)["files"] == [] and forced.exit_code == 0


def test_config_option_and_environment_replace_discovery(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pyproject(project, 'disable = ["prostituee"]\n')
    elsewhere = tmp_path_factory.mktemp("elders") / "team.toml"
    elsewhere.write_text('disable = ["hoerenloper"]\n')
    nota = project / "docs" / "nota.md"
    assert _rules(nota, config=str(elsewhere)) == [("prostituee", "warning")]
    monkeypatch.setenv("STIGMALINT_CONFIG", str(elsewhere))
    assert _rules(nota) == [("prostituee", "warning")]


def test_user_configuration_lies_under_the_project(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("home")
    (home / "stigmalint").mkdir()
    (home / "stigmalint" / "config.yaml").write_text(
        "disable: [hoerenloper]\nseverity: {prostituee: suggestion}\n"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    assert _rules(project / "docs" / "nota.md") == [("prostituee", "suggestion")]
    _pyproject(project, 'enable = ["hoerenloper"]\n')
    assert _rules(project / "docs" / "nota.md") == [
        ("prostituee", "suggestion"),
        ("hoerenloper", "error"),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('fail_on = "error"\n', "[tool.stigmalint]: onbekende sleutel 'fail_on'; bedoelt u 'fail-on'?"),
        ('locale = "nl-FR"\n', "locale: 'nl-FR' is niet toegestaan; kies uit nl-NL, nl-BE"),
        ('disable = ["prostitue"]\n', "disable: onbekende regel 'prostitue'; bedoelt u 'prostituee'?"),
        ('extra-lexicon = ["weg.yaml"]\n', "extra-lexicon: bestand 'weg.yaml' bestaat niet"),
        ('[[tool.stigmalint.overrides]]\ndisable = ["hoer"]\n', "overrides[0]: 'files' ontbreekt"),
        (
            '[[tool.stigmalint.overrides]]\nfiles = "*.md"\nexclude = ["x"]\n',
            "onbekende sleutel 'exclude'; deze sleutel kan alleen bovenaan staan",
        ),
        ("fail-on = \n", "ongeldige TOML"),
    ],
)  # fmt: skip
def test_configuration_errors_name_the_file_and_key(
    project: Path, runner: CliRunner, body: str, message: str
) -> None:
    _pyproject(project, body)
    res = runner.invoke(cli, ["check", "--model", "blank", str(project / "docs")])
    assert res.exit_code == 2
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith(f"stigmalint: fout in de configuratie: {project / 'pyproject.toml'}")
    assert message in line


def test_invalid_extra_lexicon_names_file_and_entry(project: Path, runner: CliRunner) -> None:
    (project / "eigen.yaml").write_text(
        "schema: 1\ncategory: persons\nentries:\n  - id: eigen\n    severity: fataal\n"
    )
    (project / ".stigmalint.yaml").write_text("extra-lexicon: [eigen.yaml]\n")
    res = runner.invoke(cli, ["check", "--model", "blank", str(project / "docs")])
    assert res.exit_code == 2
    assert "fout in het lexicon" in res.stderr and "eigen.yaml: regel 'eigen'" in res.stderr


def test_config_command_shows_values_and_their_origin(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pyproject(
        project,
        'locale = "nl-BE"\nexclude = ["concepten/"]\n\n[[tool.stigmalint.overrides]]\n'
        'files = ["docs/historie/**"]\ndisable = ["prostituee"]\n',
    )
    monkeypatch.chdir(project / "docs")
    res = runner.invoke(cli, ["config", "historie/1911.md", "--locale"])
    assert res.exit_code == 2  # config takes no --locale
    res = runner.invoke(cli, ["config", "historie/1911.md"])
    assert res.exit_code == 0, res.output
    rows = {line.split()[0]: line for line in res.output.splitlines()[2:]}
    pyproject = str(project / "pyproject.toml")
    assert "nl-BE" in rows["locale"] and f"({pyproject} [tool.stigmalint])" in rows["locale"]
    assert "prostituee" in rows["disable"] and "overrides[0] (docs/historie/**)" in rows["disable"]
    assert rows["fail-on"].endswith("(standaard)")
    data = json.loads(runner.invoke(cli, ["config", "nota.md", "--format", "json"]).output)
    assert data["files"] == [pyproject]
    assert data["settings"]["disable"] == {"value": [], "from": ["standaard"]}
    assert data["settings"]["exclude"]["value"] == ["concepten/"]


def test_config_command_without_configuration(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(cli, ["config"])
    assert res.exit_code == 0
    assert "Configuratie: geen (standaard)" in res.output
