"""Image captions in plain text: lines that start with "Foto:", "Afbeelding:" or "Beeld:".

Rules about image clichés (R13: "rood licht", "netkousen", "vrouw bij autoraam")
only make sense in the description of a picture; in running text "rood licht" is a
traffic light. Formats with real image elements (HTML ``alt``, Word captions) mark
those blocks themselves; plain text has only this convention, so such a line
becomes a block of its own with ``scope="image"``.

The caption line is blanked (replaced by spaces) in the block it came from, so it
is checked once, as an image, while every offset of the remaining text stays the
same and the surrounding paragraphs keep their context.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stigmalint.document import Document, TextBlock

IMAGE = "image"
# Optional list/emphasis marks before the label: "- Foto: …", "*Foto: …*", "> Beeld: …".
CAPTION_LINE = re.compile(
    r"^[ \t>*_-]*(?:foto(?:'s|’s)?|afbeelding(?:en)?|beeld)[ \t]*:[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)


def _sub_block(block: TextBlock, start: int, end: int) -> TextBlock:
    """The part ``start:end`` of ``block`` as an image block, mapped to the same source."""
    text = block.text[start:end]
    if block.offsets is None:
        return TextBlock(text, block.start + start, None, IMAGE, block.where)
    offsets = [block.to_source(i) for i in range(start, end + 1)]
    return TextBlock(text, 0, offsets, IMAGE, block.where)


def split_captions(block: TextBlock) -> list[TextBlock]:
    """``block`` with its caption lines blanked, followed by one image block per caption."""
    if block.scope == IMAGE or ":" not in block.text:
        return [block]
    captions = [(m.start(), m.end()) for m in CAPTION_LINE.finditer(block.text)]
    if not captions:
        return [block]
    chars = list(block.text)
    for s, e in captions:
        chars[s:e] = " " * (e - s)
    rest = replace(block, text="".join(chars))
    return [rest, *(_sub_block(block, s, e) for s, e in captions)]


def with_captions(doc: Document) -> Document:
    """The document with caption lines of its prose blocks turned into image blocks."""
    blocks = [b for block in doc.blocks for b in split_captions(block)]
    if len(blocks) == len(doc.blocks):
        return doc
    return replace(doc, blocks=blocks)
