"""Documents as the linter sees them: text blocks with a map back to the source.

A reader (one per format, :mod:`stigmalint.readers`) turns a file into a
:class:`Document`: the decoded source text (for line/column positions) and the
blocks of prose to check. Every character of a block knows its offset in the
source, so a finding in a Markdown paragraph or a Word table cell points at the
right place. Plain text is one block that *is* the source.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, overload

from stigmalint.findings import Position

if TYPE_CHECKING:
    from stigmalint.suppress import Directive

# A hyphen at a line break inside a word. It starts with the literal "-" (the letter
# before it is a look-behind after it), so the regex engine jumps from hyphen to hyphen
# instead of trying every position of the text.
_SOFT_HYPHEN_BREAK = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\r?\n[ \t]*(?=[a-zà-ÿ])")


class OffsetMap(Sequence[int]):
    """Block index → source offset, stored as runs of consecutive offsets.

    A reader that strips markup maps almost every character to "the source offset
    of the previous character plus one"; only markup boundaries, entities and
    collapsed whitespace break the run. Storing runs instead of one integer per
    character keeps a 50 MB HTML file at a few megabytes of maps instead of gigabytes.
    """

    __slots__ = ("_length", "_sources", "_starts")

    def __init__(self, starts: array[int], sources: array[int], length: int) -> None:
        self._starts, self._sources, self._length = starts, sources, length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        return self._sources[k] + (i - self._starts[k])

    def __iter__(self) -> Iterator[int]:
        return (self[i] for i in range(self._length))

    @property
    def runs(self) -> int:
        return len(self._starts)


class BlockBuilder:
    """Collects the text of one block piece by piece, remembering where each piece came from.

    ``collapse=True`` applies HTML's white-space rule (runs of space, tab and line
    break become one space; leading and trailing space go), mapping each collapsed
    space to the first source character of its run. Without it (Markdown, Word)
    text is kept as given, line breaks included, so the sentence splitter and the
    hyphenation joiner see the lines the writer typed.
    """

    _SPACE_RUN = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")

    def __init__(self, *, collapse: bool = False) -> None:
        self.collapse = collapse
        self._reset()

    def _reset(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._starts: array[int] = array("q")
        self._sources: array[int] = array("q")
        self._next_src = -1  # source offset that would continue the current run
        self._end_src = 0  # source offset just after the last piece

    def __bool__(self) -> bool:
        return self._len > 0

    def _emit(self, text: str, src: int, *, step: bool = True) -> None:
        """Append ``text``; with ``step`` its characters come from ``src``, ``src+1``, …"""
        if not text:
            return
        if not step:  # every character maps to ``src`` (an entity, a replaced break)
            for ch in text:
                self._starts.append(self._len)
                self._sources.append(src)
                self._parts.append(ch)
                self._len += 1
            self._next_src = -1
            return
        if src != self._next_src:
            self._starts.append(self._len)
            self._sources.append(src)
        self._parts.append(text)
        self._len += len(text)
        self._next_src = src + len(text)

    def _ends_in_space(self) -> bool:
        return self._len == 0 or self._parts[-1][-1] in " \n"

    def add(self, text: str, src: int) -> None:
        """Add ``text``, a verbatim slice of the source starting at offset ``src``."""
        if not text:
            return
        self._end_src = src + len(text)
        if not self.collapse:
            self._emit(text, src)
            return
        if not self._SPACE_RUN.search(text):  # the common case: nothing to collapse
            self._add_spaced(text, src)
            return
        pos = 0
        for m in self._SPACE_RUN.finditer(text):
            self._add_spaced(text[pos : m.start()], src + pos)
            if not self._ends_in_space():
                self._emit(" ", src + m.start(), step=False)
            pos = m.end()
        self._add_spaced(text[pos:], src + pos)

    def _add_spaced(self, seg: str, src: int) -> None:
        if seg.startswith(" ") and self._ends_in_space():
            seg, src = seg[1:], src + 1
        self._emit(seg, src)

    def add_mapped(self, text: str, src: int, src_end: int) -> None:
        """Add decoded ``text`` (a character reference) that stands for ``source[src:src_end]``."""
        if not text:
            return
        self._end_src = src_end
        if self.collapse and text.isspace() and text != "\xa0":
            if not self._ends_in_space():
                self._emit(" ", src, step=False)
            return
        self._emit(text, src, step=False)

    def add_break(self, src: int, src_end: int) -> None:
        """A line break that markup asked for (``<br>``, a Word line break)."""
        if self._len and self._parts[-1].endswith(" ") and self.collapse:
            self._parts[-1] = self._parts[-1][:-1]
            self._len -= 1
            while self._starts and self._starts[-1] >= self._len:
                self._starts.pop()
                self._sources.pop()
        if self._len:
            self._emit("\n", src, step=False)
        self._end_src = src_end

    def take(self, scope: str = "any", where: str = "") -> TextBlock | None:
        """The block so far (``None`` if it has no visible text); the builder starts afresh."""
        text = "".join(self._parts)
        starts, sources, end_src = self._starts, self._sources, self._end_src
        self._reset()
        stripped = text.rstrip()
        if not stripped.strip():
            return None
        if len(stripped) < len(text):
            # the exclusive end maps to just after the last kept character
            probe = OffsetMap(starts, sources, len(text))
            end_src = probe[len(stripped) - 1] + 1
            text = stripped
            while len(starts) > 1 and starts[-1] >= len(text):
                starts.pop()
                sources.pop()
        starts.append(len(text))
        sources.append(end_src)
        return TextBlock(text, 0, OffsetMap(starts, sources, len(text) + 1), scope, where)


@dataclass(slots=True)
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
    directives: list[Directive] = field(default_factory=list)  # inline suppression comments

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.source))
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, offset: int) -> str:
        """The source line holding ``offset`` (for Word and ODT: the whole paragraph)."""
        line = bisect_right(self._line_starts, offset) - 1
        end = self.source.find("\n", self._line_starts[line])
        return self.source[self._line_starts[line] : end if end >= 0 else len(self.source)]

    def position(self, start: int, end: int, where: str = "") -> Position:
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return Position(line, col, end_line, end_col, where)


def plain_document(path: str, text: str, kind: str = "text", encoding: str = "utf-8") -> Document:
    return Document(path, text, [TextBlock(text).joined_hyphenation()], kind, encoding=encoding)
