"""The unit of output: one stretch of text that one lexicon entry objects to."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from stigmalint.severity import Severity


@dataclass(frozen=True)
class Position:
    """Where a finding sits in the *source* file (1-based line and column).

    ``where`` names the container for formats without lines (``"alinea 3"`` in a
    Word document); for plain text and Markdown it is empty.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    where: str = ""


@dataclass(frozen=True)
class Finding:
    """A match that survived the context filters.

    ``start``/``end`` are code-point offsets: into the text handed to the matcher
    while matching, and into the decoded source file once the engine has mapped
    them back (``position`` is set at that point).
    """

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    rewrite: bool = False
    category: str = ""
    refs: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    position: Position | None = None
    # Severity before context filters changed it; lets reports explain a lowered level.
    base_severity: Severity | None = field(default=None, compare=False)

    def with_note(self, note: str, *, severity: Severity | None = None) -> Finding:
        notes = self.notes if note in self.notes else (*self.notes, note)
        return replace(
            self,
            notes=notes,
            severity=self.severity if severity is None else severity,
            base_severity=self.base_severity or self.severity,
        )

    def shifted(self, offset: int) -> Finding:
        return replace(self, start=self.start + offset, end=self.end + offset)

    @property
    def top_suggestion(self) -> str | None:
        return self.suggestions[0] if self.suggestions else None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)
