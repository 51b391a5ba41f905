"""HTML: the visible text, plus ``alt``, ``title`` and ``figcaption`` as image text.

Parsing follows the WHATWG tokenizer for everything that decides what is text:
start and end tags with quoted attributes (a ``>`` inside quotes does not end a
tag), comments (``<!-->``, ``--!>``), bogus comments (``<?php … ?>``, ``<!x>``),
raw-text elements whose content is never markup (``script``, ``style``,
``textarea``, ``title``, ``iframe``, ``noscript`` …), character references, and
a ``<`` that starts no tag. lxml and selectolax were measured and rejected: they
report no source position for text (lxml gives an element's line, selectolax
nothing), and every checked character must map to its line and column. The
standard library's ``html.parser`` does report positions but reads about four
times slower (50 MB: ~30 s of parsing alone on the project machine). On top of
the tokens sits a small element stack with the implied end tags that matter
for text (``<p>``, ``<li>``, table cells); an end tag looks at most 64 elements
deep, so sloppy input never makes it quadratic.

Skipped: ``script``, ``style``, ``code``, ``pre``, ``kbd``, ``samp``, ``textarea``,
``template``, ``noscript``, ``iframe``. Block elements start a new text block;
white space collapses as a browser shows it (a ``<br>`` is a line break).
``alt`` and ``title`` of images and ``<figcaption>`` text get the ``image`` scope
(the image rules, R13, apply there and only there); ``title`` on other elements
is checked as ordinary text. ``<!-- stigmalint-… -->`` comments become
suppression directives. A ``<meta charset>`` is honoured for files that are
not UTF-8.
"""

from __future__ import annotations

import codecs
import html
import re
from functools import lru_cache

from stigmalint.document import BlockBuilder, Document, TextBlock
from stigmalint.readers import ReadError
from stigmalint.readers.plaintext import decode_with_encoding
from stigmalint.suppress import Directive, parse_comment

SKIP = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "textarea", "template", "noscript", "iframe"}
)
_BLOCK_NAMES = """address article aside blockquote body caption center dd details dialog div
dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend
li main menu nav ol optgroup option p pre section summary table tbody td tfoot th thead title tr
ul button select label"""
BLOCK = frozenset(_BLOCK_NAMES.split())
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
IMAGE_TAGS = frozenset({"img", "area"})
# Start tags that close an open element of the same group (HTML's implied end tags).
_CLOSES = {
    "p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
    "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}, "thead": {"tbody", "tfoot"},
    "tbody": {"thead", "tbody", "tfoot"}, "tfoot": {"thead", "tbody"},
}  # fmt: skip
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "noscript"})  # fmt: skip
RCDATA = frozenset({"title", "textarea"})  # raw text in which references are decoded
_MAX_SEARCH = 64  # how deep an end tag looks for its start tag; deeper means stray
_LT = re.compile("<")
_START_TAG = re.compile(r"""<([A-Za-z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_END_TAG = re.compile(r"""</([A-Za-z][^\t\n\f\r />]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")
_COMMENT_END = re.compile(r"--!?>")
_WANTED_ATTR = re.compile(r"alt|title", re.IGNORECASE)
_ATTR = re.compile(
    r"""([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""",
)
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_WHATWG_LATIN1 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}


def decode_html(data: bytes) -> tuple[str, str]:
    """UTF-8/UTF-16 as for plain text; otherwise the encoding a ``<meta charset>`` declares.

    Old government pages are often Windows-1252 with a meta declaration; browsers
    honour it, so we do too (``iso-8859-1`` means windows-1252, as in browsers).
    """
    try:
        return decode_with_encoding(data)
    except ReadError as exc:
        m = _META_CHARSET.search(data[:4096])
        if not m or b"\x00" in data[:4096]:
            raise ReadError(f"{exc}, of geef de codering aan met <meta charset>") from None
        label = m.group(1).decode("ascii").lower()
        name = "cp1252" if label in _WHATWG_LATIN1 else label
        try:
            codecs.lookup(name)
            return data.decode(name), name
        except LookupError:
            raise ReadError(f"onbekende codering {label!r} in <meta charset>") from None
        except UnicodeDecodeError as err:
            raise ReadError(f"geen geldige {label} (byte {err.start})") from None


@lru_cache(maxsize=16)
def _raw_end(tag: str) -> re.Pattern[str]:
    return re.compile(rf"</{tag}(?=[\t\n\f\r />])", re.IGNORECASE)


def _decoded_pieces(raw: str, start: int, builder: BlockBuilder) -> None:
    """Feed ``raw`` (an attribute value at source offset ``start``) with references decoded."""
    pos = 0
    for m in _CHARREF.finditer(raw):
        value = html.unescape(m.group(0))
        if value == m.group(0):
            continue
        builder.add(raw[pos : m.start()], start + pos)
        builder.add_mapped(value, start + m.start(), start + m.end())
        pos = m.end()
    builder.add(raw[pos:], start + pos)


class _Extractor:
    """Tokenizes HTML (the WHATWG tokenizer's states that matter for text) and builds blocks.

    Every token carries its source offset, so no position has to be recovered.
    """

    def __init__(self, source: str, base: int = 0) -> None:
        self.source, self.base = source, base
        self.blocks: list[TextBlock] = []
        self.directives: list[Directive] = []
        self._stack: list[str] = []
        self._skip = 0  # open skipped elements
        self._heading = 0
        self._caption = 0  # open <figcaption>
        self._text = BlockBuilder(collapse=True)

    # -- tokenizer ---------------------------------------------------------------------
    def run(self) -> None:
        src, n = self.source, len(self.source)
        find_lt = _LT.search
        pos = 0
        while pos < n:
            m = find_lt(src, pos)
            lt = m.start() if m else n
            if lt > pos:
                self._data(pos, lt)
            if lt >= n:
                break
            pos = self._markup(lt)
        while self._stack:
            self._pop()
        self._flush()

    def _markup(self, lt: int) -> int:
        """Handle the markup that starts at ``lt`` (a ``<``); return where text resumes."""
        src = self.source
        nxt = src[lt + 1 : lt + 2]
        if nxt.isalpha() and nxt.isascii():
            m = _START_TAG.match(src, lt)
            if m is None:  # a tag cut off by the end of the file: the tokenizer drops it
                return len(src)
            tag = m.group(1).lower()
            self._start_tag(tag, lt, m.end(), m.group(2))
            if tag in RAW_TEXT and not m.group(2).rstrip().endswith("/"):
                return self._raw_text(tag, m.end())
            return m.end()
        if nxt == "/":
            m = _END_TAG.match(src, lt)
            if m is not None:
                self._end_tag(m.group(1).lower(), lt, m.end())
                return m.end()
            if src.startswith("</>", lt):
                return lt + 3
            return self._bogus_comment(lt + 2)
        if nxt == "!":
            if src.startswith("<!--", lt):
                return self._comment(lt)
            return self._bogus_comment(lt + 2)
        if nxt == "?":
            return self._bogus_comment(lt + 1)
        self._data(lt, lt + 1)  # a "<" that starts no markup is text
        return lt + 1

    def _comment(self, lt: int) -> int:
        src = self.source
        body_start = lt + 4
        if src.startswith(">", body_start) or src.startswith("->", body_start):
            return src.index(">", body_start) + 1  # "<!-->" and "<!--->" are empty comments
        m = _COMMENT_END.search(src, body_start)
        end = m.end() if m else len(src)
        body = src[body_start : m.start() if m else len(src)]
        d = parse_comment(body, self.base + lt, self.base + end, src[lt:end])
        if d is not None:
            self.directives.append(d)
        return end

    def _bogus_comment(self, start: int) -> int:
        gt = self.source.find(">", start)
        return len(self.source) if gt < 0 else gt + 1

    def _raw_text(self, tag: str, start: int) -> int:
        """Script, style and friends: text up to the matching end tag, no markup inside."""
        m = _raw_end(tag).search(self.source, start)
        end = len(self.source) if m is None else m.start()
        if tag in RCDATA and not self._skip:
            self._data(start, end)
        if m is None:
            return end
        close = _END_TAG.match(self.source, end)
        if close is not None:
            self._end_tag(tag, end, close.end())
            return close.end()
        return end

    # -- positions and blocks ---------------------------------------------------------
    def _scope(self) -> str:
        if self._caption:
            return "image"
        return "heading" if self._heading else "any"

    def _flush(self) -> None:
        if self._text:
            block = self._text.take(self._scope())
            if block is not None:
                self.blocks.append(block)

    # -- elements ------------------------------------------------------------------------
    def _enter(self, tag: str, delta: int) -> None:
        if tag in SKIP:
            self._skip += delta
        elif tag in HEADINGS:
            self._heading += delta
        elif tag == "figcaption":
            self._caption += delta

    def _pop(self) -> None:
        tag = self._stack.pop()
        if tag in BLOCK:
            self._flush()  # before leaving: the text inside a heading has heading scope
        self._enter(tag, -1)

    def _start_tag(self, tag: str, start: int, end: int, attrs: str) -> None:
        if tag in BLOCK:
            closes = _CLOSES.get(tag)
            if closes and self._stack and self._stack[-1] in closes:
                self._pop()
            elif self._stack and self._stack[-1] == "p" and tag not in ("label", "button"):
                self._pop()  # a block start tag ends an open paragraph
            self._flush()
        if not self._skip and _WANTED_ATTR.search(attrs):
            self._attributes(tag, attrs, start + 1 + len(tag))
        if tag == "br":
            if not self._skip:
                self._text.add_break(self.base + start, self.base + end)
            return
        if tag in VOID or (attrs.endswith("/") and tag not in SKIP):
            return  # "<div/>" is a start tag in HTML, but closing it is the safer reading
        self._stack.append(tag)
        self._enter(tag, 1)

    def _end_tag(self, tag: str, start: int, end: int) -> None:
        if tag == "br":  # "</br>" is a line break in every browser
            if not self._skip:
                self._text.add_break(self.base + start, self.base + end)
            return
        stack = self._stack
        for depth in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_SEARCH), -1):
            if stack[depth] == tag:
                while len(stack) > depth:
                    self._pop()
                return
        if tag in BLOCK:
            self._flush()

    def _attributes(self, tag: str, attrs: str, offset: int) -> None:
        """``alt`` and ``title``: own blocks, image scope on images (and in captions)."""
        found: dict[str, re.Match[str]] = {}
        kind = ""
        for m in _ATTR.finditer(attrs):
            name = m.group(1).lower()
            if name in ("alt", "title") and name not in found:  # the first one counts
                found[name] = m
            elif name == "type":
                kind = (m.group(2) or m.group(3) or m.group(4) or "").lower()
        is_image = tag in IMAGE_TAGS or (tag == "input" and kind == "image")
        for m in found.values():
            group = next((g for g in (2, 3, 4) if m.group(g) is not None), 0)
            if not group:
                continue
            builder = BlockBuilder(collapse=True)
            _decoded_pieces(m.group(group), self.base + offset + m.start(group), builder)
            block = builder.take("image" if is_image or self._caption else "any")
            if block is not None:
                self.blocks.append(block)

    # -- text ----------------------------------------------------------------------------
    def _data(self, start: int, end: int) -> None:
        if self._skip:
            return
        raw = self.source[start:end]
        if "&" in raw:
            _decoded_pieces(raw, self.base + start, self._text)
        else:
            self._text.add(raw, self.base + start)


def extract(source: str, base: int = 0) -> tuple[list[TextBlock], list[Directive]]:
    """Blocks and suppression directives of HTML ``source``; offsets are shifted by ``base``.

    Markdown uses this for its raw HTML blocks, hence ``base``.
    """
    parser = _Extractor(source, base)
    parser.run()
    return parser.blocks, parser.directives


def html_document(path: str, source: str, encoding: str = "utf-8") -> Document:
    blocks, directives = extract(source)
    return Document(
        path, source, [b.joined_hyphenation() for b in blocks], "html", encoding=encoding,
        directives=directives,
    )  # fmt: skip


def read_html(path: str, data: bytes) -> Document:
    source, encoding = decode_html(data)
    return html_document(path, source, encoding)
