"""The lexicon's error type, in a module of its own so the CLI can catch it cheaply."""

from __future__ import annotations


class LexiconError(Exception):
    """A lexicon file that cannot be used; ``str()`` is a complete one-line message."""

    def __init__(self, file: str, problem: str, entry: str | None = None) -> None:
        self.file, self.problem, self.entry = file, problem, entry
        where = f"{file}: regel {entry!r}" if entry else file
        super().__init__(f"{where}: {problem}")
