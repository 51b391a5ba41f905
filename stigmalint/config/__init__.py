"""Repository configuration: where it is found, how it combines, where each value came from.

For a checked file, the settings are built in layers, later ones winning:

1. the defaults;
2. the user's ``config.yaml`` (``~/.config/stigmalint/`` on Linux, see
   :func:`user_config_path`);
3. the nearest project configuration, searched from the file's folder upwards:
   ``.stigmalint.yaml`` (or ``.yml``), else ``[tool.stigmalint]`` in
   ``pyproject.toml`` (a ``pyproject.toml`` without that table is passed by);
4. the ``overrides`` of those files whose ``files`` patterns match the file;
5. the command-line options.

``--config FILE`` or ``STIGMALINT_CONFIG`` replaces 2 and 3 by that one file.
Patterns (``exclude``, ``files``) use gitignore syntax, relative to the folder
of the file that holds them (the current folder for the user's file).
``disable``/``enable`` and ``severity`` take rule ids; ``all`` switches every
rule; ids are checked against the lexicon once it is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from stigmalint.config.schema import ALL, DEFAULT, KEYS, ConfigError, Layer, Origin, parse_table

__all__ = ["ConfigError", "Origin", "Resolver", "Settings", "user_config_path"]

ENV = "STIGMALINT_CONFIG"
PROJECT_FILES = (".stigmalint.yaml", ".stigmalint.yml", "pyproject.toml")


def user_config_path() -> Path:
    import click

    return Path(click.get_app_dir("stigmalint")) / "config.yaml"


def _read_toml(path: Path) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: ongeldige TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: kan niet gelezen worden ({exc.strerror})") from None


def _read_yaml(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: geen geldige UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: kan niet gelezen worden ({exc.strerror})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
        raise ConfigError(f"{path}: ongeldige YAML{at}") from None


def load_file(path: Path, *, explicit: bool = False) -> list[Layer] | None:
    """The layers of one configuration file; ``None`` for a pyproject.toml without our table."""
    base = path.parent.absolute()
    if path.suffix.lower() == ".toml":
        data = _read_toml(path)
        tool = data.get("tool", {}) if isinstance(data, dict) else {}
        if path.name == "pyproject.toml" or "tool" in data:
            if not isinstance(tool, dict) or "stigmalint" not in tool:
                if explicit:
                    raise ConfigError(f"{path}: bevat geen [tool.stigmalint]")
                return None
            return parse_table(tool["stigmalint"], Origin(str(path), "[tool.stigmalint]"), base)
        return parse_table(data, Origin(str(path)), base)
    if path.suffix.lower() in (".yaml", ".yml"):
        return parse_table(_read_yaml(path), Origin(str(path)), base)
    raise ConfigError(f"{path}: onbekend soort configuratiebestand (gebruik .toml of .yaml)")


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches(patterns: Iterable[str], base: Path, path: Path, *, is_dir: bool = False) -> bool:
    """Does ``path`` match a gitignore-style pattern relative to ``base``?"""
    try:
        rel = path.absolute().relative_to(base).as_posix()
    except ValueError:
        return False
    if rel in ("", "."):
        return False
    return bool(_spec(tuple(patterns)).match_file(rel + ("/" if is_dir else "")))


@dataclass
class Settings:
    """The effective settings for one file, with the origin of every value."""

    fail_on: str = "warning"
    locale: str = "nl-NL"
    model: str = "auto"
    allow: tuple[str, ...] = ()
    extra_lexicon: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    all_off: bool = False
    off: set[str] = field(default_factory=set)
    on: set[str] = field(default_factory=set)
    exclude: list[tuple[Path, tuple[str, ...]]] = field(default_factory=list)
    origins: dict[str, list[Origin]] = field(default_factory=dict)
    refs: list[tuple[str, str, Origin]] = field(default_factory=list)  # (rule id, key, origin)
    files: list[str] = field(default_factory=list)  # configuration files that were read

    def active(self, rule: str) -> bool:
        return rule in self.on or (not self.all_off and rule not in self.off)

    def _note(self, key: str, origin: Origin, *, replace: bool) -> None:
        have = self.origins.get(key, [])
        if replace or have == [DEFAULT]:
            have = []
        if origin not in have:
            have.append(origin)
        self.origins[key] = have

    def apply(self, layer: Layer) -> None:
        v = layer.values
        for key in ("fail-on", "locale", "model"):
            if key in v:
                setattr(self, key.replace("-", "_"), v[key])
                self._note(key, layer.origin, replace=True)
        if "allow" in v:
            self.allow = tuple(dict.fromkeys((*self.allow, *v["allow"])))
            self._note("allow", layer.origin, replace=False)
        if "extra-lexicon" in v:
            self.extra_lexicon = tuple(dict.fromkeys((*self.extra_lexicon, *v["extra-lexicon"])))
            self._note("extra-lexicon", layer.origin, replace=False)
        if "exclude" in v:
            self.exclude.append((layer.base, v["exclude"]))
            self._note("exclude", layer.origin, replace=False)
        if "severity" in v:
            self.severity.update(v["severity"])
            self._note("severity", layer.origin, replace=False)
            self.refs += [(r, "severity", layer.origin) for r in v["severity"]]
        for rule in v.get("disable", ()):  # disable before enable, whatever the order written
            if rule == ALL:
                self.all_off, self.off, self.on = True, set(), set()
            else:
                self.off.add(rule)
                self.on.discard(rule)
                self.refs.append((rule, "disable", layer.origin))
        if "disable" in v:
            self._note("disable", layer.origin, replace=False)
        for rule in v.get("enable", ()):
            if rule == ALL:
                self.all_off, self.off, self.on = False, set(), set()
            else:
                self.on.add(rule)
                self.off.discard(rule)
                self.refs.append((rule, "enable", layer.origin))
        if "enable" in v:
            self._note("enable", layer.origin, replace=False)

    def rules_summary(self) -> tuple[list[str], list[str]]:
        """(disabled, enabled) as shown by ``stigmalint config``."""
        disabled = [ALL] if self.all_off else sorted(self.off)
        return disabled, sorted(self.on)

    def describe(self) -> list[tuple[str, str, str]]:
        """(key, value, origins) rows, one per key, for ``stigmalint config``."""
        disabled, enabled = self.rules_summary()
        values: dict[str, str] = {
            "fail-on": self.fail_on,
            "locale": self.locale,
            "model": self.model,
            "exclude": ", ".join(p for _, pats in self.exclude for p in pats),
            "disable": ", ".join(disabled),
            "enable": ", ".join(enabled),
            "severity": ", ".join(f"{r}={s}" for r, s in sorted(self.severity.items())),
            "allow": ", ".join(self.allow),
            "extra-lexicon": ", ".join(self.extra_lexicon),
        }
        rows = []
        for key in KEYS:
            if key == "overrides":
                continue
            origins = self.origins.get(key, [DEFAULT])
            rows.append((key, values[key] or "-", "; ".join(str(o) for o in origins)))
        return rows

    def as_json(self) -> dict[str, Any]:
        disabled, enabled = self.rules_summary()
        values: dict[str, Any] = {
            "fail-on": self.fail_on,
            "locale": self.locale,
            "model": self.model,
            "exclude": [p for _, pats in self.exclude for p in pats],
            "disable": disabled,
            "enable": enabled,
            "severity": dict(sorted(self.severity.items())),
            "allow": list(self.allow),
            "extra-lexicon": list(self.extra_lexicon),
        }
        return {
            "files": self.files,
            "settings": {
                k: {"value": v, "from": [str(o) for o in self.origins.get(k, [DEFAULT])]}
                for k, v in values.items()
            },
        }


class Resolver:
    """Finds and caches configuration files; answers "which settings for this path?"."""

    def __init__(
        self,
        *,
        explicit: str | None = None,
        cli: Mapping[str, Any] | None = None,
        use_environment: bool = True,
    ) -> None:
        if explicit is None and use_environment:
            explicit = os.environ.get(ENV) or None
        self.cwd = Path.cwd()
        self._explicit: tuple[str, list[Layer]] | None = None
        if explicit:
            path = Path(explicit).expanduser()
            if not path.is_file():
                raise ConfigError(f"{explicit}: configuratiebestand bestaat niet")
            self._explicit = (str(path), load_file(path, explicit=True) or [])
        self._cli = [
            Layer(Origin("", f"--{key}"), self.cwd, {key: value})
            for key, value in (cli or {}).items()
            if value is not None
        ]
        self._folders: dict[Path, tuple[str, list[Layer]] | None] = {}
        self._user: tuple[str, list[Layer]] | None = None
        self._user_read = False

    def _user_layers(self) -> tuple[str, list[Layer]] | None:
        if not self._user_read:
            self._user_read = True
            path = user_config_path()
            if path.is_file():
                layers = load_file(path) or []
                for layer in layers:
                    layer.base = self.cwd
                self._user = (str(path), layers) if layers else None
        return self._user

    def _project(self, folder: Path) -> tuple[str, list[Layer]] | None:
        chain: list[Path] = []
        found: tuple[str, list[Layer]] | None = None
        d: Path | None = folder
        while d is not None:
            if d in self._folders:
                found = self._folders[d]
                break
            chain.append(d)
            for name in PROJECT_FILES:
                candidate = d / name
                if candidate.is_file():
                    layers = load_file(candidate)
                    if layers is not None:
                        found = (str(candidate), layers)
                        break
            if found is not None:
                break
            d = d.parent if d.parent != d else None
        for c in chain:
            self._folders[c] = found
        return found

    def sources(self, path: Path) -> list[tuple[str, list[Layer]]]:
        """The configuration files that apply to ``path``, lowest precedence first."""
        if self._explicit is not None:
            return [self._explicit]
        folder = path.absolute()
        if not folder.is_dir():
            folder = folder.parent
        out = []
        user = self._user_layers()
        if user is not None:
            out.append(user)
        project = self._project(folder)
        if project is not None:
            out.append(project)
        return out

    def settings(self, path: Path | str) -> Settings:
        path = Path(path)
        s = Settings(origins={k: [DEFAULT] for k in KEYS if k != "overrides"})
        for file, layers in self.sources(path):
            s.files.append(file)
            main, *overrides = layers
            s.apply(main)
            for layer in overrides:
                if matches(layer.files, layer.base, path):
                    s.apply(layer)
        for layer in self._cli:
            s.apply(layer)
        return s

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        """Does an ``exclude`` pattern of an applicable configuration match ``path``?"""
        for _, layers in self.sources(path if is_dir else path.parent):
            main = layers[0]
            pats = main.values.get("exclude")
            if pats and matches(pats, main.base, path, is_dir=is_dir):
                return True
        return False
