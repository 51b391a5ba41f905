"""Shared fixtures: the real pipeline, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from stigmalint.engine import Linter, LintOptions
from stigmalint.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_configuration(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may see the developer's own ~/.config/stigmalint or STIGMALINT_CONFIG."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
    monkeypatch.delenv("STIGMALINT_CONFIG", raising=False)


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(LintOptions(model="blank"))


@pytest.fixture(scope="session")
def linter_be() -> Linter:
    return Linter(LintOptions(model="blank", locale="nl-BE"))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    import stigmalint

    return stigmalint.load("blank")


def apply_fix(text: str, f: Finding) -> str:
    """The sentence after replacing the finding's span with its top suggestion."""
    assert f.suggestions, f"{f.rule} has no suggestion"
    return text[: f.start] + f.suggestions[0] + text[f.end :]


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]
