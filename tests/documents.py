"""Build real .docx and .odt files with python-docx and odfpy, and check files as the CLI does."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

from stigmalint.engine import FileResult, Linter, LintOptions
from stigmalint.readers import read_document

IMAGE_LEXICON = """\
schema: 1
category: images
entries:
  - id: test-paarse-olifant
    severity: suggestion
    scope: image
    message: Een paarse olifant is een testcliché (alleen voor de tests van stigmalint).
    match:
      phrases: ["paarse olifant"]
    suggestions: [een grijze olifant]
    rewrite: true
    sources: [https://example.org/beeld]
    examples:
      bad: [Paarse olifant boven de deur.]
      good: [Een grijze olifant boven de deur.]
"""


_LINTERS: dict[tuple[str, ...], Linter] = {}


def lint(path: Path, extra_lexicons: tuple[Path, ...] = ()) -> FileResult:
    """Reader and linter only (no configuration, no suppression); read errors raise."""
    key = tuple(str(p) for p in extra_lexicons)
    if key not in _LINTERS:
        _LINTERS[key] = Linter(LintOptions(model="blank", extra_lexicons=key))
    doc = read_document(str(path), path.read_bytes())
    return FileResult(str(path), _LINTERS[key].check_document(doc), document=doc)


def check(path: Path, **options: Any) -> FileResult:
    """One file through configuration, reader, linter and suppressions (the blank model)."""
    from stigmalint.checking import Checker, CheckOptions
    from stigmalint.files import Target

    options.setdefault("model", "blank")
    return Checker(CheckOptions(**options)).check(Target(str(path)))


def located(result: FileResult) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, text) of each finding."""
    out = []
    for f in result.findings:
        assert f.position is not None
        out.append((f.rule, f.position.line, f.position.column, f.text))
    return out


def where(result: FileResult) -> list[tuple[str, str, int, str]]:
    """(rule, where, column, text) of each finding, for Word and ODT."""
    out = []
    for f in result.findings:
        assert f.position is not None
        out.append((f.rule, f.position.where, f.position.column, f.text))
    return out


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Bron: gesprek met hoerenlopers.</w:t></w:r></w:p></w:footnote>
</w:footnotes>
"""


def build_docx() -> bytes:
    """A Word file with text in every place the reader looks."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_heading("Beleid over prostituees", 1)  # alinea 1, heading
    d.add_paragraph("De gemeente sprak met prostituees over de regels.")  # alinea 2
    d.add_paragraph("")  # empty: not counted
    p3 = d.add_paragraph("Eerste regel")  # alinea 3, with a line break and a run split
    p3.add_run().add_break()
    p3.add_run("en daarna de hoeren")
    p3.add_run("lopers in de straat.")
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Kop"
    table.cell(1, 2).text = "Cel met prostituees"
    d.add_picture(io.BytesIO(tiny_png()))
    d.inline_shapes[0]._inline.docPr.set("descr", "Paarse olifant boven de deur")
    d.add_paragraph(
        "Paarse olifant in de straat", style="Caption"
    )  # alinea 4 (the picture paragraph is empty)
    # a tracked deletion: its text is not in the document any more
    p6 = d.add_paragraph("Na de wijziging: sekswerkers.")
    p6._p.append(
        parse_xml(
            '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:id="1" w:author="x"><w:r><w:delText>prostituees</w:delText></w:r></w:del>'
        )
    )
    d.sections[0].header.paragraphs[0].text = "Wij bestrijden de prostitutie niet."
    d.sections[0].footer.paragraphs[0].text = "Pagina 1"
    d.add_comment(d.paragraphs[1].runs, text="Hier staan nog prostituees", author="Redactie")
    footnotes = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        FOOTNOTES_XML.encode(),
        d.part.package,
    )
    d.part.relate_to(footnotes, RT.FOOTNOTES)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def build_odt() -> bytes:
    """An OpenDocument text with text in every place the reader looks."""
    from odf.draw import Frame, Image, TextBox
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, Header, MasterPage, PageLayout, Style
    from odf.svg import Desc, Title
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, LineBreak, List, ListItem, Note, NoteBody, NoteCitation, P, S, Span

    doc = OpenDocumentText()
    caption = Style(name="Illustration", family="paragraph")
    doc.styles.addElement(caption)
    doc.text.addElement(H(outlinelevel=1, text="Beleid over prostituees"))  # alinea 1
    p = P(text="De gemeente   sprak met ")  # XML white space collapses
    p.addElement(Span(text="prostituees"))
    p.addElement(S(c=2))
    p.addText("over de regels.")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Bron: gesprek met hoerenlopers."))
    note.addElement(body)
    p.addElement(note)
    comment = Annotation()
    comment.addElement(P(text="Hier staan nog prostituees"))
    p.addElement(comment)
    doc.text.addElement(p)  # alinea 2
    lst = List()
    item = ListItem()
    item_p = P(text="Eerste regel")
    item_p.addElement(LineBreak())
    item_p.addText("en de hoerenlopers.")
    item.addElement(item_p)
    lst.addElement(item)
    doc.text.addElement(lst)  # alinea 3
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for r in range(2):
        row = TableRow()
        for c in range(3):
            cell = TableCell()
            cell.addElement(P(text="Cel met prostituees" if (r, c) == (1, 2) else "x"))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    frame_p = P()
    frame = Frame(width="2cm", height="2cm")
    frame.addElement(Image(href="Pictures/x.png"))
    frame.addElement(Title(text="Foto"))
    frame.addElement(Desc(text="Paarse olifant boven de deur"))
    frame_p.addElement(frame)
    box_frame = Frame(width="4cm", height="2cm")
    box = TextBox()
    box.addElement(P(text="In dit kader gaat het over prostitutie."))
    box_frame.addElement(box)
    frame_p.addElement(box_frame)
    doc.text.addElement(frame_p)
    doc.text.addElement(P(stylename=caption, text="Paarse olifant in de straat"))  # alinea 4
    layout = PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    page = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(text="Wij bestrijden de prostitutie niet."))
    page.addElement(header)
    footer = Footer()
    footer.addElement(P(text="Pagina 1"))
    page.addElement(footer)
    doc.masterstyles.addElement(page)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
