"""The *extracted text* of formats without lines (Word, OpenDocument).

A ``.docx`` or ``.odt`` file has no lines and columns to point at, so its reader
lists the document's text units (paragraphs, table cell paragraphs, notes, alt
texts) and this module lays them out as text: one unit per line. That text is
the :class:`~stigmalint.document.Document`'s ``source``, so the JSON report's
``start``/``end`` are code-point offsets into it, ``line`` is the unit's line
and ``column`` the column within the paragraph. ``where`` (``alinea 3``,
``tabel 1, cel 2-3``, ``voetnoot 1``) is what a writer looks for in Word.

Line breaks and tabs inside a paragraph are spaces in the extracted text (so
every unit stays on one line) but stay line breaks in the checked block, so a
break still ends a sentence.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from stigmalint.document import Document, TextBlock
from stigmalint.readers import ReadError


@dataclass
class Unit:
    """One line of the extracted text."""

    text: str
    where: str
    scope: str = "any"


def units_document(path: str, units: list[Unit], kind: str) -> Document:
    lines: list[str] = []
    blocks: list[TextBlock] = []
    offset = 0
    for u in units:
        line = u.text.replace("\r\n", "\n").replace("\r", "\n")
        text = line
        line = line.replace("\n", " ").replace("\t", " ")
        blocks.append(TextBlock(text, offset, None, u.scope, u.where).joined_hyphenation())
        lines.append(line)
        offset += len(line) + 1
    return Document(path, "\n".join(lines), blocks, kind)


def read_boxes(boxes: list[Any], read: Callable[[Any, str], None]) -> None:
    """Read text boxes in order; reading one may append more (a box inside a box)."""
    done = 0
    while done < len(boxes):
        done += 1
        read(boxes[done - 1], f"tekstvak {done}")


def image_units(images: Iterable[tuple[str, str]]) -> list[Unit]:
    """One ``image`` unit per distinct, non-empty alt text or title of each image."""
    return [
        Unit(text, f"afbeelding {i}", "image")
        for i, texts in enumerate(images, 1)
        for text in dict.fromkeys(t for t in texts if t.strip())
    ]


def short_error(exc: BaseException) -> str:
    """A library's error message on one line, short enough for a one-line report."""
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return text if len(text) <= 120 else text[:117] + "…"


def read_package(
    path: str, data: bytes, extract: Callable[[bytes], list[Unit]], kind: str, invalid: str
) -> Document:
    """Run a zip-package reader; a damaged entry found while reading (bad CRC, unknown
    compression, truncated stream) is a :class:`ReadError` saying ``invalid``."""
    try:
        units = extract(data)
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError(f"{invalid}: {short_error(exc)}") from None
    return units_document(path, units, kind)
