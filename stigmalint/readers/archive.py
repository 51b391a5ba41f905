"""Opening .docx and .odt packages (ZIP files) without trusting them.

A document is a ZIP archive, and a ZIP archive can be a bomb: a few megabytes
that claim gigabytes. Before python-docx or odfpy touch the bytes, the central
directory is checked against fixed limits. ``zipfile`` never returns more bytes
than an entry declares (and a lying entry fails its CRC check), so checking the
declared sizes bounds what is ever decompressed. Everything that goes wrong
becomes one :class:`~stigmalint.readers.ReadError` in Dutch.
"""

from __future__ import annotations

import io
import zipfile

from stigmalint.readers import ReadError

MAX_ENTRIES = 10_000
MAX_TOTAL = 256 * 1024 * 1024  # bytes, all entries uncompressed (images included)
MAX_XML = 64 * 1024 * 1024  # bytes, one XML part uncompressed (the parsed tree is ~10x that)
MAX_RATIO = 200  # uncompressed / compressed for one large entry; text XML stays far below


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_package(data: bytes, kind: str) -> None:
    """Raise :class:`ReadError` unless ``data`` is a ZIP within the limits."""
    if not data.startswith(b"PK"):
        raise ReadError(f"geen geldig {kind}-bestand (geen ZIP-archief)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(f"geen geldig {kind}-bestand (kapot ZIP-archief: {exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise ReadError(f"{kind}-bestand met {len(infos)} onderdelen; maximaal {MAX_ENTRIES}")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise ReadError(
            f"{kind}-bestand is uitgepakt {_mb(total)} (maximaal {_mb(MAX_TOTAL)}); "
            "mogelijk een ZIP-bom, niet gelezen"
        )
    for i in infos:
        if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_XML:
            raise ReadError(
                f"{i.filename} in het {kind}-bestand is uitgepakt {_mb(i.file_size)} "
                f"(maximaal {_mb(MAX_XML)}); niet gelezen"
            )
        if i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(1, i.compress_size):
            raise ReadError(
                f"{i.filename} in het {kind}-bestand pakt {i.file_size // max(1, i.compress_size)}"
                "x uit; mogelijk een ZIP-bom, niet gelezen"
            )
