"""Documents as the linter sees them: text blocks with a map back to the source.

A reader (one per format, :mod:`stigmalint.readers`) turns a file into a
:class:`Document`: the decoded source text (for line/column positions) and the
blocks of prose to check. Every character of a block knows its offset in the
source, so a finding in a Markdown paragraph or a Word table cell points at the
right place. Plain text is one block that *is* the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from stigmalint.findings import Position

# A hyphen at a line break inside a word. It starts with the literal "-" (the letter
# before it is a look-behind after it), so the regex engine jumps from hyphen to hyphen
# instead of trying every position of the text.
_SOFT_HYPHEN_BREAK = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\r?\n[ \t]*(?=[a-zà-ÿ])")


@dataclass
class TextBlock:
    """A stretch of prose. ``offsets[i]`` is the source offset of ``text[i]``.

    ``offsets`` has one extra element: the source offset just after the block, so
    an exclusive end maps too. ``None`` means the block is a verbatim slice of the
    source starting at ``start``.
    """

    text: str
    start: int = 0
    offsets: Sequence[int] | None = None
    scope: str = "any"  # "any" | "image" (alt text, captions) | "heading"
    where: str = ""  # container for formats without lines: "alinea 3", "tabel 1, cel 2-3"

    def to_source(self, i: int) -> int:
        if self.offsets is None:
            return self.start + i
        if i < len(self.offsets):
            return self.offsets[i]
        return self.offsets[-1] + (i - len(self.offsets) + 1)

    def joined_hyphenation(self) -> TextBlock:
        """Join words broken over a line with a hyphen (prostitutie-\\nbeleid), keeping the map."""
        if "-" not in self.text or "\n" not in self.text:
            return self
        pieces: list[str] = []
        offsets: list[int] = []
        last = 0
        for m in _SOFT_HYPHEN_BREAK.finditer(self.text):
            pieces.append(self.text[last : m.start()])
            offsets.extend(self.to_source(i) for i in range(last, m.start()))
            last = m.end()
        if not pieces:
            return self
        pieces.append(self.text[last:])
        offsets.extend(self.to_source(i) for i in range(last, len(self.text) + 1))
        return TextBlock("".join(pieces), 0, offsets, self.scope, self.where)


@dataclass
class Document:
    path: str
    source: str  # decoded text; for binary formats, the text the reader extracted
    blocks: list[TextBlock] = field(default_factory=list)
    kind: str = "text"
    notes: list[str] = field(default_factory=list)  # reader remarks (e.g. unclosed suppressions)
    encoding: str = "utf-8"  # how the source was decoded; --fix writes it back the same way

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.source))
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def position(self, start: int, end: int, where: str = "") -> Position:
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return Position(line, col, end_line, end_col, where)


def plain_document(path: str, text: str, kind: str = "text", encoding: str = "utf-8") -> Document:
    return Document(path, text, [TextBlock(text).joined_hyphenation()], kind, encoding=encoding)
