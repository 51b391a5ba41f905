"""Word ``.docx``: body paragraphs, tables, headers and footers, footnotes, endnotes,
comments, text boxes, image alt text and captions.

python-docx opens the package (after :mod:`stigmalint.readers.archive` has
checked it); the text is taken from the WordprocessingML itself, because
python-docx's ``paragraph.text`` misses tracked insertions and content controls
and has no footnotes. Deleted text (``w:del``), field codes and the VML copies
in ``mc:Fallback`` are skipped; a soft hyphen joins its word.

Positions are in the *extracted text* (see :mod:`stigmalint.readers.extracted`),
in this order: body, headers and footers, footnotes, endnotes, comments, text
boxes, image alt texts. ``where`` names the place a writer can find in Word:
``alinea 3`` (the third non-empty body paragraph), ``tabel 1, cel 2-3`` (row 2,
column 3), ``koptekst``, ``voetnoot 2``, ``opmerking 1``, ``tekstvak 1``,
``afbeelding 1``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText", f"{W}rPr", f"{W}pPr",
         f"{MC}Fallback", f"{W}footnoteReference", f"{W}endnoteReference"}  # fmt: skip
_HEADING_STYLE = re.compile(r"^(heading|kop|title|titel|subtitle|ondertitel)\s*\d*$", re.I)
_CAPTION_STYLE = re.compile(r"^(caption|bijschrift)$", re.I)


@dataclass
class _Collector:
    units: list[Unit] = field(default_factory=list)
    text_boxes: list[Any] = field(default_factory=list)  # w:txbxContent elements, in order
    images: list[tuple[str, str]] = field(default_factory=list)  # (alt text, title)


def _paragraph_text(p: Any, out: _Collector) -> str:
    """The visible text of a ``w:p``; text boxes and alt texts go to ``out`` for later."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab" or tag == f"{W}ptab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}txbxContent":
                out.text_boxes.append(child)
            elif tag == f"{WP}docPr":
                alt, title = child.get("descr", ""), child.get("title", "")
                if alt.strip() or title.strip():
                    out.images.append((alt, title))
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _style(p: Any) -> str:
    ppr = p.find(f"{W}pPr")
    style = ppr.find(f"{W}pStyle") if ppr is not None else None
    return str(style.get(f"{W}val", "")) if style is not None else ""


def _scope(p: Any) -> str:
    style = _style(p)
    if _CAPTION_STYLE.match(style):
        return "image"
    return "heading" if _HEADING_STYLE.match(style) else "any"


def _blocks_of(el: Any) -> Iterator[Any]:
    """Paragraphs and tables of a container in reading order (content controls unwrapped)."""
    for child in el:
        tag = child.tag
        if tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks_of(content)
        elif tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            yield from _blocks_of(child)


def _container(el: Any, label: str, out: _Collector) -> None:
    """All paragraphs of a body, header, note or cell, labelled after ``label``.

    The body's paragraphs read ``alinea N``; elsewhere ``, alinea N`` follows the
    label only when the container holds more than one paragraph.
    """
    mine: list[Unit] = []
    tables = 0
    for item in _blocks_of(el):
        if item.tag == f"{W}p":
            text = _paragraph_text(item, out)
            if text.strip():
                unit = Unit(text, label, _scope(item))
                mine.append(unit)
                out.units.append(unit)
        else:
            tables += 1
            _table(item, (f"{label}, " if label else "") + f"tabel {tables}", out)
    for i, unit in enumerate(mine, 1):
        if not label:
            unit.where = f"alinea {i}"
        elif len(mine) > 1:
            unit.where = f"{label}, alinea {i}"


def _table(tbl: Any, label: str, out: _Collector) -> None:
    for r, tr in enumerate(tbl.iterfind(f"{W}tr"), 1):
        col = 0
        for tc in tr.iterfind(f"{W}tc"):
            col += 1
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            _container(tc, f"{label}, cel {r}-{col}", out)
            if span is not None:
                val = span.get(f"{W}val", "1")
                col += int(val) - 1 if val.isdigit() and int(val) > 1 else 0


def _part_xml(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(part.blob, parser)


def _notes(root: Any, tag: str, label: str, out: _Collector) -> None:
    n = 0
    for note in root.iterfind(f"{W}{tag}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        n += 1
        _container(note, f"{label} {n}", out)


def _headers_footers(doc: Any, out: _Collector) -> None:
    seen: set[int] = set()
    sections = list(doc.sections)
    for s_i, section in enumerate(sections, 1):
        sec = f" sectie {s_i}" if len(sections) > 1 else ""
        for attr, name in (
            ("header", "koptekst"),
            ("first_page_header", "koptekst eerste pagina"),
            ("even_page_header", "koptekst even pagina's"),
            ("footer", "voettekst"),
            ("first_page_footer", "voettekst eerste pagina"),
            ("even_page_footer", "voettekst even pagina's"),
        ):
            hf = getattr(section, attr)
            if hf.is_linked_to_previous:
                continue
            part = hf.part
            if id(part) in seen:
                continue
            seen.add(id(part))
            _container(_part_xml(part), f"{name}{sec}", out)


def _related(doc: Any, kind: str) -> Any | None:
    for rel in doc.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(f"/{kind}"):
            return _part_xml(rel.target_part)
    return None


def _extract(data: bytes) -> list[Unit]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    check_package(data, "Word")
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ReadError(f"geen geldig Word-bestand (.docx): {short_error(exc)}") from None
    except ValueError as exc:
        raise ReadError(f"geen Word-document (.docx): {short_error(exc)}") from None
    out = _Collector()
    _container(doc.element.body, "", out)
    _headers_footers(doc, out)
    for kind, tag, label in (
        ("footnotes", "footnote", "voetnoot"),
        ("endnotes", "endnote", "eindnoot"),
        ("comments", "comment", "opmerking"),
    ):
        root = _related(doc, kind)
        if root is not None:
            _notes(root, tag, label, out)
    read_boxes(out.text_boxes, lambda box, where: _container(box, where, out))
    out.units += image_units((alt, title) for alt, title in out.images)
    return out.units


def read_docx(path: str, data: bytes) -> Document:
    return read_package(path, data, _extract, "docx", "geen geldig Word-bestand (.docx)")
