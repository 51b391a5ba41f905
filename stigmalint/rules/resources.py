"""Where the bundled lexicon lives.

In a wheel the top-level ``lexicon/`` folder is installed as the data package
``stigmalint/_lexicon`` (see ``pyproject.toml``). In a source checkout or an
editable install it is still the folder next to the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def default_lexicon_dir() -> Path:
    installed = _PACKAGE_DIR / "_lexicon"
    if (installed / "anchors.yaml").is_file():
        return installed
    checkout = _PACKAGE_DIR.parent / "lexicon"
    if (checkout / "anchors.yaml").is_file():
        return checkout
    raise FileNotFoundError(
        f"het lexicon is niet gevonden (gezocht in {installed} en {checkout}); "
        "is stigmalint volledig geïnstalleerd?"
    )


def lexicon_files(directory: Path) -> list[Path]:
    """All lexicon files of a folder in a stable order (anchors first: others refer to them)."""
    files = sorted(p for p in directory.glob("*.yaml") if p.is_file())
    files.sort(key=lambda p: (p.name != "anchors.yaml", p.name))
    return files
