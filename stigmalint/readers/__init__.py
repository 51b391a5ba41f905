"""Readers: one module per file format, each turning bytes into a :class:`Document`.

Adding a format means adding a module and one line in :data:`READERS`; the
matcher and the reports never change. Files given explicitly with an unknown
extension are read as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stigmalint.document import Document

Reader = Callable[[str, bytes], Document]


class ReadError(Exception):
    """A file that cannot be checked; ``str()`` is a one-line Dutch message (no path)."""


def _lazy(module: str, function: str) -> Reader:
    """A reader imported on first use: checking Markdown must not import python-docx."""

    def read(path: str, data: bytes) -> Document:
        import importlib

        reader: Reader = getattr(importlib.import_module(module), function)
        return reader(path, data)

    read.__qualname__ = f"{module}.{function}"
    return read


_plain = _lazy("stigmalint.readers.plaintext", "read_plain")
_markdown = _lazy("stigmalint.readers.markdown", "read_markdown")
_html = _lazy("stigmalint.readers.html", "read_html")
_docx = _lazy("stigmalint.readers.docx", "read_docx")
_odt = _lazy("stigmalint.readers.odt", "read_odt")

READERS: dict[str, Reader] = {
    ".txt": _plain,
    ".text": _plain,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".xhtml": _html,
    ".docx": _docx,
    ".odt": _odt,
}

# Extensions picked up when walking a directory.
DIRECTORY_EXTENSIONS = frozenset(READERS)

# Formats people will try, with what to do instead (a plain-text read would only say "binary").
UNSUPPORTED = {
    ".doc": "het oude Word-formaat (.doc) wordt niet ondersteund; sla het op als .docx",
    ".rtf": "RTF wordt niet ondersteund; sla het bestand op als .docx of .odt",
    ".pdf": "PDF wordt niet ondersteund; controleer het bronbestand (.docx, .odt, .md)",
    ".odp": "presentaties (.odp) worden niet ondersteund",
    ".pptx": "presentaties (.pptx) worden niet ondersteund",
    ".xlsx": "spreadsheets (.xlsx) worden niet ondersteund",
    ".ods": "spreadsheets (.ods) worden niet ondersteund",
    ".docm": "Word-bestanden met macro's (.docm) worden niet ondersteund; sla op als .docx",
}


def _unsupported(message: str) -> Reader:
    def read(path: str, data: bytes) -> Document:
        raise ReadError(message)

    return read


def reader_for(path: str) -> Reader:
    suffix = Path(path).suffix.lower()
    if suffix in UNSUPPORTED:
        return _unsupported(UNSUPPORTED[suffix])
    return READERS.get(suffix, _plain)


def read_document(path: str, data: bytes, display: str | None = None) -> Document:
    return reader_for(path)(display or path, data)
