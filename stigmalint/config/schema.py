"""The configuration keys, and validation of one configuration table.

The same keys are read from ``[tool.stigmalint]`` in ``pyproject.toml``, from
``.stigmalint.yaml``, from the user's ``config.yaml`` and from ``--config FILE``.
As in the lexicon, an unknown key is an error that names the file and the key
(with a guess at what was meant): a typo such as ``fail_on`` must not silently
do nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stigmalint.severity import SEVERITY_NAMES

LOCALES = ("nl-NL", "nl-BE")
ALL = "all"  # in disable/enable: every rule

# key → (allowed in overrides, short Dutch description for `stigmalint config`)
KEYS: dict[str, tuple[bool, str]] = {
    "fail-on": (True, "laagste ernst die exitcode 1 geeft"),
    "locale": (True, "taalvariant"),
    "model": (True, "spaCy-pijplijn"),
    "exclude": (False, "niet doorzoeken (gitignore-patronen)"),
    "disable": (True, "regels uit"),
    "enable": (True, "regels (weer) aan"),
    "severity": (True, "andere ernst per regel"),
    "allow": (True, "extra toegestane namen en woordgroepen"),
    "extra-lexicon": (True, "extra lexiconbestanden"),
    "overrides": (False, "instellingen per bestandspatroon"),
}


class ConfigError(Exception):
    """A configuration that cannot be used; ``str()`` is a complete one-line Dutch message."""


@dataclass(frozen=True)
class Origin:
    """Where a value came from: a file and a section in it, a command-line option, or a default."""

    file: str = ""
    section: str = ""

    def __str__(self) -> str:
        if not self.file:
            return self.section or "standaard"
        return f"{self.file} {self.section}".strip()


DEFAULT = Origin("", "standaard")


@dataclass
class Layer:
    """Validated settings from one table (the main table or one override)."""

    origin: Origin
    base: Path  # folder that globs (exclude, files) are relative to
    values: dict[str, Any] = field(default_factory=dict)
    files: tuple[str, ...] = ()  # overrides only: the globs that select files


def _where(origin: Origin, key: str) -> str:
    return f"{origin}: {key}"


def _guess(key: str, options: list[str]) -> str:
    close = difflib.get_close_matches(key.replace("_", "-"), options, n=1, cutoff=0.6)
    return f"; bedoelt u '{close[0]}'?" if close else ""


def _str_list(value: Any, origin: Origin, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{_where(origin, key)}: verwacht een lijst met tekst")
    return tuple(v.strip() for v in value)


def _choice(value: Any, choices: tuple[str, ...], origin: Origin, key: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ConfigError(
            f"{_where(origin, key)}: {value!r} is niet toegestaan; kies uit {', '.join(choices)}"
        )
    return value


def _value(key: str, value: Any, origin: Origin, base: Path) -> Any:
    if key == "fail-on":
        return _choice(value, SEVERITY_NAMES, origin, key)
    if key == "locale":
        return _choice(value, LOCALES, origin, key)
    if key == "model":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f"{_where(origin, key)}: verwacht een naam (auto, blank of een pakket)"
            )
        return value.strip()
    if key in ("exclude", "allow"):
        return _str_list(value, origin, key)
    if key in ("disable", "enable"):
        ids = _str_list(value, origin, key)
        return tuple(i.lower() for i in ids)
    if key == "severity":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{_where(origin, key)}: verwacht paren 'regel-id: ernst'")
        out: dict[str, str] = {}
        for rule, sev in value.items():
            out[str(rule).lower()] = _choice(sev, SEVERITY_NAMES, origin, f"{key}.{rule}")
        return out
    if key == "extra-lexicon":
        paths = []
        for p in _str_list(value, origin, key):
            path = (base / p).expanduser()
            if not path.is_file():
                raise ConfigError(f"{_where(origin, key)}: bestand {p!r} bestaat niet")
            paths.append(str(path))
        return tuple(paths)
    raise AssertionError(key)  # pragma: no cover - callers check the key first


def parse_table(
    data: Any, origin: Origin, base: Path, *, allow_overrides: bool = True
) -> list[Layer]:
    """The main layer and the override layers of one configuration table."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{origin}: verwacht sleutels met waarden, zoals 'fail-on: error'")
    main = Layer(origin, base)
    overrides: list[Layer] = []
    for key, value in data.items():
        key = str(key)
        if key not in KEYS:
            raise ConfigError(f"{origin}: onbekende sleutel '{key}'{_guess(key, list(KEYS))}")
        if key == "overrides":
            if not allow_overrides:
                raise ConfigError(f"{origin}: 'overrides' kan niet binnen 'overrides'")
            if not isinstance(value, list):
                raise ConfigError(f"{_where(origin, key)}: verwacht een lijst van tabellen")
            for i, raw in enumerate(value):
                overrides.append(_override(raw, i, origin, base))
            continue
        main.values[key] = _value(key, value, origin, base)
    return [main, *overrides]


def _override(raw: Any, i: int, origin: Origin, base: Path) -> Layer:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{origin}: overrides[{i}]: verwacht een tabel met 'files'")
    if "files" not in raw:
        raise ConfigError(f"{origin}: overrides[{i}]: 'files' ontbreekt (welke bestanden?)")
    files = _str_list(raw["files"], origin, f"overrides[{i}].files")
    sub = Origin(origin.file, f"{origin.section} overrides[{i}] ({', '.join(files)})".strip())
    layer = Layer(sub, base, files=files)
    allowed = [k for k, (in_override, _) in KEYS.items() if in_override]
    for key, value in raw.items():
        key = str(key)
        if key == "files":
            continue
        if key not in allowed:
            hint = (
                "; deze sleutel kan alleen bovenaan staan"
                if key in KEYS
                else _guess(key, [*allowed, "files"])
            )
            raise ConfigError(f"{sub}: onbekende sleutel '{key}'{hint}")
        layer.values[key] = _value(key, value, sub, base)
    return layer
