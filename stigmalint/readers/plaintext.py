"""Plain text: decoding with clear errors, and one block for the whole file.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM. Anything else (a Latin-1
file, a binary file) is an error that names the problem and, for bad UTF-8, the
byte offset, so the writer can find it. The BOM is not part of the text: offsets
and columns count from the first real character, as editors do.
"""

from __future__ import annotations

import codecs

from stigmalint.document import Document, plain_document
from stigmalint.readers import ReadError
from stigmalint.readers.captions import with_captions

_SNIFF = 8192


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding to write it back with."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        offset, encoding = len(codecs.BOM_UTF8), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError(f"ongeldige UTF-16 (byte {exc.start})") from None
    else:
        body, offset, encoding = data, 0, "utf-8"
    if b"\x00" in body[:_SNIFF]:
        raise ReadError("binair bestand, geen tekst (stigmalint leest tekstbestanden)")
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"geen geldige UTF-8 (byte {exc.start + offset}); sla het bestand op als UTF-8"
        ) from None


def decode(data: bytes) -> str:
    return decode_with_encoding(data)[0]


def read_plain(path: str, data: bytes) -> Document:
    text, encoding = decode_with_encoding(data)
    return with_captions(plain_document(path, text, encoding=encoding))
