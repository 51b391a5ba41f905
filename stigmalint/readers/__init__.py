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


def _plain(path: str, data: bytes) -> Document:
    from stigmalint.readers.plaintext import read_plain

    return read_plain(path, data)


READERS: dict[str, Reader] = {
    ".txt": _plain,
    ".text": _plain,
    ".md": _plain,
    ".markdown": _plain,
}

# Extensions picked up when walking a directory.
DIRECTORY_EXTENSIONS = frozenset(READERS)


def reader_for(path: str) -> Reader:
    return READERS.get(Path(path).suffix.lower(), _plain)


def read_document(path: str, data: bytes, display: str | None = None) -> Document:
    return reader_for(path)(display or path, data)
