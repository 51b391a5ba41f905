"""One ``stigmalint check`` run: per file, its configuration, its linter, its suppressions.

The CLI hands this module the paths and options and gets back one
:class:`~stigmalint.engine.FileResult` per file. Everything that can differ per
file lives here, so that ``engine.Linter`` stays a pure "text in, findings
out" object:

* settings come from :class:`stigmalint.config.Resolver` (nearest config file,
  overrides for the file's path, command-line options);
* linters are shared between files with the same model, locale, extra lexicons
  and allow list;
* ``disable``/``enable`` and ``severity`` are applied to the findings, then
  inline suppression comments (:mod:`stigmalint.suppress`).

A broken configuration, lexicon or model is fatal (one line, exit code 2): it
would give every file the same error. A file that cannot be read is an error
for that file only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from stigmalint import suppress
from stigmalint.config import ConfigError, Resolver, Settings
from stigmalint.config.schema import ALL
from stigmalint.engine import FileResult, Linter, LintOptions, NeedsPipeline
from stigmalint.files import Target, collect, read_bytes
from stigmalint.findings import Finding
from stigmalint.readers import ReadError, read_document
from stigmalint.severity import Severity

if TYPE_CHECKING:  # the model is only imported when a lexicon is really needed
    from stigmalint.rules import Lexicon


@dataclass(frozen=True)
class CheckOptions:
    config: str | None = None  # --config FILE
    fail_on: str | None = None  # command-line values; None: from configuration
    model: str | None = None
    locale: str | None = None
    report_unused_suppressions: bool = False
    force_exclude: bool = False
    gitignore: bool = True
    stdin_filename: str | None = None


def configure(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Apply ``disable``/``enable`` and per-rule ``severity`` to a file's findings.

    A context filter may have lowered a finding (a quotation: one level milder);
    a configured severity replaces the rule's level and the lowering still applies.
    """
    out: list[Finding] = []
    for f in findings:
        if not settings.active(f.rule):
            continue
        configured = settings.severity.get(f.rule)
        if configured:
            level = Severity.parse(configured)
            steps = (f.base_severity or f.severity) - f.severity
            new = level.lowered(steps) if steps > 0 else level
            f = replace(f, severity=new, base_severity=level if f.base_severity else None)
        out.append(f)
    return out


class Checker:
    def __init__(self, options: CheckOptions | None = None) -> None:
        self.options = options or CheckOptions()
        o = self.options
        self.config = Resolver(
            explicit=o.config, cli={"fail-on": o.fail_on, "locale": o.locale, "model": o.model}
        )
        self._linters: dict[LintOptions, Linter] = {}
        self._checked_refs: set[tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = set()

    # -- which files ---------------------------------------------------------------------
    def targets(self, paths: Sequence[str]) -> list[Target]:
        return collect(
            paths,
            skip=lambda path, is_dir: self.config.excluded(path, is_dir=is_dir),
            force_exclude=self.options.force_exclude,
            gitignore=self.options.gitignore,
        )

    def settings_for(self, target: Target) -> Settings:
        if target.stdin:
            return self.config.settings(Path.cwd() / (self.options.stdin_filename or "-"))
        return self.config.settings(Path(target.path))

    # -- linters -------------------------------------------------------------------------
    def linter(self, settings: Settings) -> Linter:
        key = LintOptions(
            model=settings.model,
            locale=settings.locale,
            extra_lexicons=settings.extra_lexicon,
            extra_allow=settings.allow,
        )
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = Linter(key)
        self.check_rule_ids(settings)
        return linter

    def check_rule_ids(self, settings: Settings) -> None:
        """Every rule id in ``disable``/``enable``/``severity`` must exist: a typo is an error."""
        refs = tuple((r, k, str(o)) for r, k, o in settings.refs)
        stamp = (settings.extra_lexicon, refs)
        if not refs or stamp in self._checked_refs:
            return  # (no rule ids to check: no need to load the lexicon)
        from stigmalint.rules import load_lexicon

        known = set(load_lexicon(extra=settings.extra_lexicon).by_id())
        for rule, key, origin in refs:
            if rule != ALL and rule not in known:
                import difflib

                close = difflib.get_close_matches(rule, sorted(known), n=1)
                hint = f"; bedoelt u '{close[0]}'?" if close else "; zie 'stigmalint rules'"
                raise ConfigError(f"{origin}: {key}: onbekende regel '{rule}'{hint}")
        self._checked_refs.add(stamp)

    @property
    def lexicon(self) -> Lexicon:
        """All rules of the linters used, for reports that describe rules (SARIF, HTML)."""
        linters = list(self._linters.values())
        if not linters:
            return Linter(LintOptions(model="blank")).lexicon
        entries = {e.id: e for linter in linters for e in linter.lexicon.entries}
        return replace(linters[0].lexicon, entries=list(entries.values()))

    def default_fail_on(self) -> Severity:
        """The threshold of the current folder's configuration (or the option)."""
        return Severity.parse(self.config.settings(Path.cwd()).fail_on)

    # -- checking ------------------------------------------------------------------------
    def check(self, target: Target) -> FileResult:
        """Check one target; reading problems become the result's error."""
        result = self._check(target, pipeline=True)
        assert result is not None
        return result

    def check_without_pipeline(self, target: Target) -> FileResult | None:
        """:meth:`check`, or ``None`` when the file needs the spaCy pipeline."""
        return self._check(target, pipeline=False)

    def prepare(self) -> None:
        """Build the pipelines of the linters made so far (see :mod:`stigmalint.parallel`)."""
        for linter in list(self._linters.values()):
            linter.prepare()

    def _check(self, target: Target, *, pipeline: bool) -> FileResult | None:
        shown = (self.options.stdin_filename or "-") if target.stdin else target.path
        if target.error:
            return FileResult(shown, error=target.error)
        settings = self.settings_for(target)
        linter = self.linter(settings)
        try:
            data = read_bytes(target)
            document = read_document(shown if target.stdin else target.path, data, shown)
        except ReadError as exc:
            return FileResult(shown, error=str(exc))
        except (OSError, ValueError) as exc:
            return FileResult(shown, error=getattr(exc, "strerror", None) or str(exc))
        try:
            findings = configure(linter.check_document(document, pipeline=pipeline), settings)
        except NeedsPipeline:
            return None
        # The rule ids are only needed to check suppression comments; a file without
        # any must not pay for loading the lexicon (nor for importing its loader).
        known: set[str] = set()
        if document.directives:
            from stigmalint.rules import load_lexicon

            known = set(load_lexicon(extra=settings.extra_lexicon).by_id())
        findings, notes = suppress.apply(
            document,
            findings,
            known_rules=known,
            report_unused=self.options.report_unused_suppressions,
        )
        return FileResult(
            shown,
            findings,
            notes=[*document.notes, *notes],
            document=document,
            stdin=target.stdin,
            fail_on=Severity.parse(settings.fail_on),
        )
