"""Markdown (CommonMark + tables), parsed with markdown-it-py.

Checked: paragraphs, headings (``heading`` scope), list items, block quotes,
table cells, link text, link titles, and image alt text and titles (``image``
scope). Skipped: code spans, indented and fenced code, front matter (YAML
``---`` or TOML ``+++``), HTML comments, link destinations and autolinks. Raw
HTML blocks go through the HTML reader, so their visible text and ``alt``
attributes are checked too.

markdown-it gives block tokens a line range but inline tokens no position, so
positions are recovered in two steps: each line of an inline token's content
is located on its source line (after the container markers ``>``, ``-``, ``1.``),
then each text child is located in that content, stepping over the markup
between children (``*``, ``[``, ``](url "title")``, backslash escapes, entities).
Every character of a block thus maps to its own source offset; soft line
breaks stay line breaks, as in the plain-text reader, so hard-wrapped
sentences and words hyphenated over a line are handled the same way.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from stigmalint.document import BlockBuilder, Document, TextBlock
from stigmalint.readers.plaintext import decode_with_encoding
from stigmalint.suppress import Directive, parse_comment

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(
    r"\A(---|\+\+\+)[ \t]*\r?\n(.*?\r?\n)??(\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP_GAP = re.compile(r"[\s*_~\[\]!<>`]*")  # what may lie between two text children
_BACKTICKS = re.compile(r"`+")
_LOOKAHEAD = 12  # how far the aligner looks for a character hidden behind markup


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _blank_front_matter(source: str) -> str:
    """Replace front matter by spaces (same length, same lines) so offsets stay true."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return source
    blank = re.sub(r"[^\n]", " ", m.group(0))
    return blank + source[m.end() :]


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self.blocks: list[TextBlock] = []
        self.directives: list[Directive] = []
        self._row_cursor: dict[int, int] = {}  # per source line: where the next table cell starts

    # -- source lines -----------------------------------------------------------------------
    def _line(self, i: int) -> tuple[int, str]:
        """Start offset and text (without line ending) of source line ``i`` (0-based)."""
        if i >= len(self._line_starts):
            return len(self.source), ""
        start = self._line_starts[i]
        end = self._line_starts[i + 1] - 1 if i + 1 < len(self._line_starts) else len(self.source)
        return start, self.source[start:end].rstrip("\r")

    def _content_map(self, content: str, first_line: int, in_table: bool) -> list[int]:
        """Source offset of every character of an inline token's ``content``.

        The newline at the end of a content line maps to the source line break.
        """
        offsets: list[int] = []
        lines = content.split("\n")
        for j, cl in enumerate(lines):
            start, sline = self._line(first_line + j)
            key = first_line + j
            col = -1
            body = cl.rstrip()
            if in_table:
                col = sline.find(body, self._row_cursor.get(key, 0)) if body else -1
                if col >= 0:
                    self._row_cursor[key] = col + len(body)
            elif body and sline.rstrip().endswith(body):
                col = len(sline.rstrip()) - len(body)
            if col < 0 and body:
                col = sline.find(body)
            if col < 0:
                col = max(0, len(sline.rstrip()) - len(body))
            line_end = start + len(sline)
            last = max(start, line_end - 1)  # a misaligned line still maps inside itself
            offsets.extend(min(start + col + i, last) for i in range(len(cl)))
            if j < len(lines) - 1:
                offsets.append(line_end)
        end = offsets[-1] + 1 if offsets else self._line(first_line)[0]
        offsets.append(min(end, len(self.source)))
        return offsets

    # -- blocks ---------------------------------------------------------------------------------
    def read(self, tokens: list[Token]) -> None:
        scope = "any"
        in_table = False
        for tok in tokens:
            t = tok.type
            if t == "heading_open":
                scope = "heading"
            elif t == "heading_close":
                scope = "any"
            elif t == "table_open":
                in_table = True
            elif t == "table_close":
                in_table = False
            elif t == "inline" and tok.map is not None:
                self._inline(tok, scope, in_table)
            elif t == "html_block" and tok.map is not None:
                self._html_block(tok)

    def _html_block(self, tok: Token) -> None:
        assert tok.map is not None
        start = self._line(tok.map[0])[0]
        end = self._line(tok.map[1])[0]
        raw = self.source[start:end]
        if raw.replace("\r\n", "\n") == tok.content:
            from stigmalint.readers.html import extract

            blocks, directives = extract(raw, start)
            self.blocks.extend(blocks)
            self.directives.extend(directives)
            return
        # inside a block quote or list: the container markers are not in the content
        cursor = 0
        for m in _COMMENT.finditer(tok.content):
            at = raw.find("<!--", cursor)
            if at < 0:
                break
            close = raw.find("-->", at + 4)
            close = len(raw) if close < 0 else close + 3
            d = parse_comment(m.group(1), start + at, start + close, raw[at:close])
            if d is not None:
                self.directives.append(d)
            cursor = close

    def _inline(self, tok: Token, scope: str, in_table: bool) -> None:
        assert tok.map is not None
        content = tok.content
        cmap = self._content_map(content, tok.map[0], in_table)
        _Inline(self, content, cmap, scope).run(tok.children or [])


class _Inline:
    """Walks one inline token's children, writing text into blocks with exact offsets."""

    def __init__(self, reader: _Reader, content: str, cmap: list[int], scope: str) -> None:
        self.r, self.content, self.cmap, self.scope = reader, content, cmap, scope
        self.k = 0  # cursor into content
        self.text = BlockBuilder()
        self._titles: list[str | None] = []  # titles of the open links

    # -- emitting --------------------------------------------------------------------------
    def _emit_span(self, builder: BlockBuilder, p: int, q: int) -> None:
        """Content[p:q] verbatim, split where the source is not contiguous (line starts)."""
        cmap, content = self.cmap, self.content
        i = p
        while i < q:
            j = i + 1
            while j < q and cmap[j] == cmap[j - 1] + 1 and content[j - 1] != "\n":
                j += 1
            if content[i] == "\n":
                builder.add_mapped("\n", cmap[i], cmap[i] + 1)
            else:
                builder.add(content[i:j], cmap[i])
            i = j

    def _align(self, builder: BlockBuilder, text: str, k: int, limit: int) -> int:
        """Map decoded ``text`` onto content from ``k`` (escapes, entities); return the cursor."""
        content, cmap = self.content, self.cmap
        i = 0
        while i < len(text):
            ch = text[i]
            if k < limit and content[k] == ch:
                self._emit_span(builder, k, k + 1)
                i, k = i + 1, k + 1
                continue
            if k + 1 < limit and content[k] == "\\" and content[k + 1] == ch:
                builder.add(ch, cmap[k + 1])
                i, k = i + 1, k + 2
                continue
            m = _ENTITY.match(content, k) if k < limit and content[k] == "&" else None
            if m:
                value = html.unescape(m.group(0))
                if value and text.startswith(value, i):
                    builder.add_mapped(value, cmap[k], cmap[m.end() - 1] + 1)
                    i, k = i + len(value), m.end()
                    continue
            ahead = content.find(ch, k, min(limit, k + _LOOKAHEAD))
            if ahead >= 0:
                self._emit_span(builder, ahead, ahead + 1)
                k = ahead + 1
            else:  # not in the source as such (normalised by the parser): keep it near
                at = cmap[min(k, max(0, len(content) - 1))]
                builder.add_mapped(ch, at, at)
            i += 1
        return k

    def _put_text(self, builder: BlockBuilder, text: str, k: int, limit: int | None = None) -> int:
        limit = len(self.content) if limit is None else limit
        p = self.content.find(text, k, limit)
        if p >= 0 and _MARKUP_GAP.fullmatch(self.content, k, p):
            self._emit_span(builder, p, p + len(text))
            return p + len(text)
        k = _MARKUP_GAP.match(self.content, k, limit).end()  # type: ignore[union-attr]
        return self._align(builder, text, k, limit)

    def _flush(self) -> None:
        block = self.text.take(self.scope)
        if block is not None:
            self.r.blocks.append(block)

    def _side_block(self, text: str, k: int, limit: int, scope: str) -> None:
        """Alt text or a title: its own block, located in content[k:limit]."""
        if not text.strip():
            return
        builder = BlockBuilder()
        self._put_text(builder, text, k, limit)
        block = builder.take(scope)
        if block is not None:
            self.r.blocks.append(block.joined_hyphenation())

    # -- markup --------------------------------------------------------------------------
    def _closing_bracket(self, k: int) -> int:
        """Index of the ``]`` that closes the bracket opened just before ``k``."""
        depth, i, c = 1, k, self.content
        while i < len(c):
            ch = c[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "`":
                run = _BACKTICKS.match(c, i).end() - i  # type: ignore[union-attr]
                close = c.find("`" * run, i + run)
                i = i + run if close < 0 else close + run
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    return i
            i += 1
        return len(c)

    def _destination(self, k: int, title: str | None, scope: str) -> int:
        """Skip ``(url "title")`` or ``[ref]`` after a link text or alt; check the title."""
        c = self.content
        if k < len(c) and c[k] == "(":
            depth, i, quote = 0, k, ""
            while i < len(c):
                ch = c[i]
                if ch == "\\":
                    i += 2
                    continue
                if quote:
                    if ch == quote:
                        quote = ""
                elif ch in "\"'" and i > k and c[i - 1].isspace():
                    quote = ch
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            if title and i < len(c):
                q = i - 1
                while q > k and c[q].isspace():
                    q -= 1
                if c[q] in "\"')":  # the title's closing delimiter
                    opener = c.rfind("(" if c[q] == ")" else c[q], k + 1, q)
                    if opener > k:
                        self._side_block(title, opener + 1, q, scope)
            return min(i + 1, len(c))
        if k < len(c) and c[k] == "[":
            close = c.find("]", k)
            return len(c) if close < 0 else close + 1
        return k

    def run(self, children: list[Token]) -> None:
        c = self.content
        autolink = False
        for child in children:
            t = child.type
            if autolink:
                if t == "link_close":
                    autolink = False
                continue
            if t == "text":
                self.k = self._put_text(self.text, child.content, self.k)
            elif t in ("softbreak", "hardbreak"):
                p = c.find("\n", self.k)
                if p >= 0:
                    self._emit_span(self.text, p, p + 1)
                    self.k = p + 1
            elif t == "code_inline":
                p = c.find(child.markup, self.k)
                if p >= 0:
                    close = c.find(child.markup, p + len(child.markup))
                    self.k = len(c) if close < 0 else close + len(child.markup)
            elif t == "html_inline":
                self._html_inline(child)
            elif t == "link_open" and child.markup == "autolink":
                autolink = True
                p = c.find("<", self.k)
                close = c.find(">", p + 1) if p >= 0 else -1
                self.k = self.k if close < 0 else close + 1
            elif t == "link_open":
                self._titles.append(_attr(child, "title"))
            elif t == "link_close":
                title = self._titles.pop() if self._titles else None
                close = c.find("]", self.k)
                if close >= 0:
                    self.k = self._destination(close + 1, title, "any")
            elif t == "image":
                self._image(child)
        self._flush()

    def _html_inline(self, child: Token) -> None:
        c = self.content
        p = c.find(child.content, self.k)
        if p < 0:
            return
        end = p + len(child.content)
        start_src, end_src = self.cmap[p], self.cmap[end - 1] + 1
        m = _COMMENT.fullmatch(child.content)
        if m:
            d = parse_comment(m.group(1), start_src, end_src, child.content)
            if d is not None:
                self.r.directives.append(d)
        elif "\n" not in child.content and end_src - start_src == len(child.content):
            from stigmalint.readers.html import extract

            blocks, _ = extract(child.content, start_src)  # alt/title of an inline <img>
            self.r.blocks.extend(blocks)
        self.k = end

    def _image(self, child: Token) -> None:
        c = self.content
        p = c.find("![", self.k)
        if p < 0:
            return
        close = self._closing_bracket(p + 2)
        alt = "".join(_plain_text(ch) for ch in (child.children or []))
        self._side_block(alt, p + 2, close, "image")
        self.k = self._destination(close + 1, _attr(child, "title"), "image")


def _attr(tok: Token, name: str) -> str | None:
    value: Any = tok.attrs.get(name)
    return str(value) if value else None


def _plain_text(tok: Token) -> str:
    if tok.type in ("text", "code_inline"):
        return tok.content
    if tok.type in ("softbreak", "hardbreak"):
        return "\n"
    return "".join(_plain_text(c) for c in (tok.children or []))


def markdown_document(path: str, source: str, encoding: str = "utf-8") -> Document:
    tokens = _parser().parse(_blank_front_matter(source))
    reader = _Reader(source)
    reader.read(tokens)
    blocks = [b.joined_hyphenation() for b in reader.blocks]
    return Document(
        path, source, blocks, "markdown", encoding=encoding, directives=reader.directives
    )


def read_markdown(path: str, data: bytes) -> Document:
    source, encoding = decode_with_encoding(data)
    return markdown_document(path, source, encoding)
