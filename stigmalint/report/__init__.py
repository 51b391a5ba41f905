"""Output formats: one module per format, all fed the same :class:`Report`.

Adding an output never touches the matcher: write ``report/<name>.py`` with a
``render(report) -> str`` function and register it in :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stigmalint.engine import FileResult
from stigmalint.severity import Severity

if TYPE_CHECKING:  # pragma: no cover
    from stigmalint.rules.model import Lexicon


@dataclass
class Report:
    results: list[FileResult]
    # The lexicon, or a function that loads it: a run over clean files never needs it,
    # and loading it costs a noticeable part of such a run's start-up.
    lexicon_source: Lexicon | Callable[[], Lexicon]
    fail_on: Severity = Severity.WARNING
    color: bool = False
    errors: list[tuple[str, str]] = field(
        default_factory=list
    )  # (path, message) not tied to a file result

    @property
    def lexicon(self) -> Lexicon:
        if callable(self.lexicon_source):
            self.lexicon_source = self.lexicon_source()
        return self.lexicon_source

    @property
    def all_errors(self) -> list[tuple[str, str]]:
        return [(r.path, r.error) for r in self.results if r.error] + self.errors

    def count(self) -> dict[Severity, int]:
        counts = {s: 0 for s in Severity}
        for r in self.results:
            for f in r.findings:
                counts[f.severity] += 1
        return counts

    @property
    def failing(self) -> bool:
        return any(
            f.severity >= (r.fail_on or self.fail_on) for r in self.results for f in r.findings
        )


FORMATS = ("text", "json", "sarif", "github", "html")


def renderer(name: str) -> Callable[[Report], str]:
    module = importlib.import_module(f"stigmalint.report.{name}_format")
    render: Callable[[Report], str] = module.render
    return render
