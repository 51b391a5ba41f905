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

from dataclasses import dataclass

from stigmalint.document import Document, TextBlock


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
