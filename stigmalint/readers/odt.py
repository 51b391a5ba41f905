"""OpenDocument text (``.odt``): paragraphs, headings, lists, tables, sections,
headers and footers, footnotes and endnotes, comments, text boxes, image titles
and descriptions (alt text), captions.

odfpy opens the package (after :mod:`stigmalint.readers.archive` has checked
it); the text is read from its element tree. Tracked deletions, generated
indexes (a table of contents repeats the headings) and note citations are
skipped. White space follows ODF's rule: runs of spaces, tabs and line ends in
the XML are one space; ``text:s``, ``text:tab`` and ``text:line-break`` are
real space, tab and line break.

Positions are in the *extracted text* (see :mod:`stigmalint.readers.extracted`),
in this order: body, headers and footers, notes, comments, text boxes, image
texts; ``where`` reads as for Word (``alinea 3``, ``tabel 1, cel 2-3``,
``koptekst``, ``voetnoot 1``, ``opmerking 1``, ``tekstvak 1``, ``afbeelding 1``).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.sax import SAXException

from stigmalint.document import Document
from stigmalint.readers import ReadError
from stigmalint.readers.archive import check_package
from stigmalint.readers.extracted import (
    Unit,
    image_units,
    read_boxes,
    read_package,
    short_error,
)

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT_MIMETYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
    "application/vnd.oasis.opendocument.text-master",
}
_SPACE = re.compile(r"[ \t\r\n]+")
# Containers whose text is generated from the rest of the document, or not text at all.
_SKIP = {(TEXT, "tracked-changes"), (TEXT, "table-of-content"), (TEXT, "alphabetical-index"),
         (TEXT, "illustration-index"), (TEXT, "table-index"), (TEXT, "object-index"),
         (TEXT, "user-index"), (TEXT, "bibliography"), (TEXT, "sequence-decls"),
         (TEXT, "variable-decls"), (TEXT, "user-field-decls"), (OFFICE, "forms"),
         (TEXT, "note-citation"), (OFFICE, "annotation-end"), (TEXT, "bookmark-ref")}  # fmt: skip
_CAPTION_STYLES = {"caption", "illustration", "figure", "drawing", "afbeelding", "bijschrift"}


@dataclass
class _Collector:
    units: list[Unit] = field(default_factory=list)
    notes: list[tuple[str, Any]] = field(default_factory=list)  # (note class, note-body)
    comments: list[Any] = field(default_factory=list)
    text_boxes: list[Any] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (title, description)
    parents: dict[str, str] = field(default_factory=dict)  # style name → parent style name


def _element_text(el: Any) -> str:
    out: list[str] = []
    for c in el.childNodes:
        if c.nodeType == c.TEXT_NODE:
            out.append(c.data)
        else:
            out.append(_element_text(c))
    return "".join(out)


def _paragraph_text(p: Any, out: _Collector) -> str:
    parts: list[str] = []

    def walk(el: Any) -> None:
        for c in el.childNodes:
            if c.nodeType == c.TEXT_NODE:
                parts.append(_SPACE.sub(" ", c.data))
                continue
            q = c.qname
            if q in _SKIP:
                continue
            if q == (TEXT, "s"):
                n = c.getAttrNS(TEXT, "c")
                parts.append(" " * (int(n) if n and n.isdigit() else 1))
            elif q == (TEXT, "tab"):
                parts.append("\t")
            elif q == (TEXT, "line-break"):
                parts.append("\n")
            elif q == (TEXT, "note"):
                body = next((b for b in c.childNodes if b.qname == (TEXT, "note-body")), None)
                if body is not None:
                    out.notes.append((c.getAttrNS(TEXT, "note-class") or "footnote", body))
            elif q == (OFFICE, "annotation"):
                out.comments.append(c)
            elif q == (DRAW, "frame"):
                _frame(c, out)
            elif q[0] in (DRAW, SVG):
                continue  # shapes: their text, if any, is in a text box
            else:
                walk(c)

    walk(p)
    text = "".join(parts)
    return text.lstrip(" ") if not text.startswith("\t") else text


def _frame(frame: Any, out: _Collector) -> None:
    title = desc = ""
    for c in frame.childNodes:
        q = getattr(c, "qname", None)
        if q == (SVG, "title"):
            title = _element_text(c)
        elif q == (SVG, "desc"):
            desc = _element_text(c)
        elif q == (DRAW, "text-box"):
            out.text_boxes.append(c)
    if title.strip() or desc.strip():
        out.images.append((title, desc))


def _style_chain(name: str, out: _Collector) -> list[str]:
    chain: list[str] = []
    while name and name not in chain and len(chain) < 16:
        chain.append(name)
        name = out.parents.get(name, "")
    return [n.lower() for n in chain]


def _scope(p: Any, out: _Collector) -> str:
    if p.qname == (TEXT, "h"):
        return "heading"
    chain = _style_chain(p.getAttrNS(TEXT, "style-name") or "", out)
    return "image" if any(n in _CAPTION_STYLES for n in chain) else "any"


def _items(el: Any) -> Any:
    """Paragraphs, headings and tables of a container, lists and sections unwrapped."""
    for c in el.childNodes:
        q = getattr(c, "qname", None)
        if q is None or q in _SKIP:
            continue
        if q in ((TEXT, "p"), (TEXT, "h"), (TABLE, "table")):
            yield c
        elif q in ((TEXT, "list"), (TEXT, "list-item"), (TEXT, "list-header"), (TEXT, "section"),
                   (TEXT, "soft-page-break"), (TEXT, "numbered-paragraph")):  # fmt: skip
            yield from _items(c)


def _container(el: Any, label: str, out: _Collector) -> None:
    mine: list[Unit] = []
    tables = 0
    for item in _items(el):
        if item.qname == (TABLE, "table"):
            tables += 1
            _table(item, (f"{label}, " if label else "") + f"tabel {tables}", out)
            continue
        text = _paragraph_text(item, out)
        if text.strip():
            unit = Unit(text, label, _scope(item, out))
            mine.append(unit)
            out.units.append(unit)
    for i, unit in enumerate(mine, 1):
        if not label:
            unit.where = f"alinea {i}"
        elif len(mine) > 1:
            unit.where = f"{label}, alinea {i}"


def _rows(table: Any) -> Any:
    for c in table.childNodes:
        q = getattr(c, "qname", None)
        if q == (TABLE, "table-row"):
            yield c
        elif q in ((TABLE, "table-header-rows"), (TABLE, "table-rows"), (TABLE, "table-row-group")):
            yield from _rows(c)


def _table(table: Any, label: str, out: _Collector) -> None:
    for r, row in enumerate(_rows(table), 1):
        col = 0
        for cell in row.childNodes:
            q = getattr(cell, "qname", None)
            if q not in ((TABLE, "table-cell"), (TABLE, "covered-table-cell")):
                continue
            repeat = cell.getAttrNS(TABLE, "number-columns-repeated")
            col += 1
            if q == (TABLE, "table-cell"):
                _container(cell, f"{label}, cel {r}-{col}", out)
            if repeat and repeat.isdigit():
                col += min(int(repeat), 1_000_000) - 1


def _extract(data: bytes) -> list[Unit]:
    from odf.opendocument import load

    check_package(data, "ODT")
    try:
        doc = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, SAXException, ValueError, EOFError) as exc:
        raise ReadError(f"geen geldig ODT-bestand: {short_error(exc)}") from None
    if doc.mimetype not in TEXT_MIMETYPES:
        raise ReadError(f"geen OpenDocument-tekst (mimetype {doc.mimetype!r})")
    out = _Collector()
    for styles in (doc.styles, doc.automaticstyles):
        for s in styles.childNodes:
            if getattr(s, "qname", None) == (STYLE, "style"):
                name = s.getAttrNS(STYLE, "name") or ""
                parent = s.getAttrNS(STYLE, "parent-style-name") or ""
                display = s.getAttrNS(STYLE, "display-name") or ""
                if parent:
                    out.parents[name] = parent
                elif display and display != name:
                    out.parents[name] = display
    _container(doc.text, "", out)
    seen: set[str] = set()
    for page in doc.masterstyles.childNodes:
        for part in page.childNodes:
            q = getattr(part, "qname", None)
            if q is None or q[0] != STYLE:
                continue
            name = {"header": "koptekst", "footer": "voettekst", "header-left": "koptekst links",
                    "footer-left": "voettekst links", "header-first": "koptekst eerste pagina",
                    "footer-first": "voettekst eerste pagina"}.get(q[1])  # fmt: skip
            text = _element_text(part)
            if name and text not in seen:
                seen.add(text)
                _container(part, name, out)
    counts = {"footnote": 0, "endnote": 0}
    done = 0
    while done < len(out.notes):  # notes can be found while reading notes
        cls, body = out.notes[done]
        done += 1
        cls = cls if cls in counts else "footnote"
        counts[cls] += 1
        _container(body, f"{'voetnoot' if cls == 'footnote' else 'eindnoot'} {counts[cls]}", out)
    for i, comment in enumerate(out.comments, 1):
        _container(comment, f"opmerking {i}", out)
    read_boxes(out.text_boxes, lambda box, where: _container(box, where, out))
    out.units += image_units((desc, title) for title, desc in out.images)
    return out.units


def read_odt(path: str, data: bytes) -> Document:
    return read_package(path, data, _extract, "odt", "geen geldig ODT-bestand")
