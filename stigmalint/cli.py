"""Command line: ``stigmalint check | explain | rules``.

Exit codes, as ruff and textlint use them: 0 nothing at or above ``--fail-on``,
1 findings at or above it, 2 a usage, configuration or I/O problem (the other
files are still checked and reported). No tracebacks: every problem is one line
on stderr (``STIGMALINT_DEBUG=1`` shows the traceback of an internal error).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from stigmalint import __version__
from stigmalint.engine import FileResult, Linter, LintOptions
from stigmalint.severity import SEVERITY_NAMES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FIXABLE_KINDS = {"text", "markdown", "html"}  # formats whose source --fix can rewrite


def _err(message: str) -> None:
    click.echo(f"stigmalint: {' '.join(message.split())}", err=True)


def _load_linter(model: str, locale: str) -> Linter:
    return Linter(LintOptions(model=model, locale=locale))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="stigmalint", message="%(prog)s %(version)s"
)
def cli() -> None:
    """Controleer Nederlandse teksten op stigmatiserende taal over sekswerk."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github", "html"]),
    default="text",
    show_default=True,
    help="Uitvoerformaat: regels, JSON, SARIF 2.1.0, GitHub-annotaties of een HTML-rapport.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Schrijf het rapport naar dit bestand in plaats van naar de standaarduitvoer.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Pas veilige suggesties toe in de bestanden (niet in citaten of bij herschrijven).",
)
@click.option(
    "--diff", is_flag=True, help="Toon wat --fix zou veranderen, zonder iets te schrijven."
)
@click.option("--exit-zero", is_flag=True, help="Altijd exitcode 0 bij bevindingen.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_NAMES),
    default=None,
    help="Laagste ernst die exitcode 1 geeft.  [standaard: warning, of uit de configuratie]",
)
@click.option(
    "--model",
    default=None,
    help="spaCy-pijplijn: auto (nl_core_news_sm als die er is), blank, of een pakketnaam."
    "  [standaard: auto]",
)
@click.option(
    "--locale",
    type=click.Choice(["nl-NL", "nl-BE"]),
    default=None,
    help="Taalvariant: Nederland of België (Vlaanderen).  [standaard: nl-NL]",
)
@click.option(
    "--stdin-filename", default=None, help="Naam voor tekst van standaardinvoer in de uitvoer."
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Gebruik dit configuratiebestand in plaats van pyproject.toml/.stigmalint.yaml "
    "(ook: STIGMALINT_CONFIG).",
)
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Meld <!-- stigmalint-disable -->-opmerkingen die niets onderdrukken.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Pas 'exclude' ook toe op bestanden die expliciet genoemd zijn (voor pre-commit).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Aantal processen; 0 = automatisch (alle CPU's bij veel bestanden).",
)
def check(
    paths: Sequence[str],
    fmt: str,
    output_file: str | None,
    fix: bool,
    diff: bool,
    exit_zero: bool,
    fail_on: str | None,
    model: str | None,
    locale: str | None,
    stdin_filename: str | None,
    config_file: str | None,
    report_unused_suppressions: bool,
    force_exclude: bool,
    jobs: int,
) -> None:
    """Controleer bestanden, mappen (recursief) of '-' (standaardinvoer)."""
    from stigmalint.checking import Checker, CheckOptions
    from stigmalint.config import ConfigError
    from stigmalint.errors import ModelError
    from stigmalint.parallel import choose_jobs, map_deferred
    from stigmalint.report import Report, renderer
    from stigmalint.rules import LexiconError

    options = CheckOptions(
        config=config_file,
        fail_on=fail_on,
        model=model,
        locale=locale,
        report_unused_suppressions=report_unused_suppressions,
        force_exclude=force_exclude,
        stdin_filename=stdin_filename,
    )
    results: list[FileResult] = []
    try:
        checker = Checker(options)
        targets = checker.targets(paths or ["."])
        jobs = (
            1
            if any(t.stdin for t in targets)
            else choose_jobs(jobs, [t.path for t in targets if not t.error])
        )
        if jobs > 1:
            # Linters are made here, before the workers are forked: each worker then
            # shares them, and the report's rule list (checker.lexicon) knows them all.
            for t in targets:
                if not t.error:
                    checker.linter(checker.settings_for(t))
        results = map_deferred(
            checker.check_without_pipeline, checker.check, targets, jobs, checker.prepare
        )
        threshold = checker.default_fail_on()
    except ConfigError as exc:
        _err(f"fout in de configuratie: {exc}")
        sys.exit(EXIT_ERROR)
    except LexiconError as exc:
        _err(f"fout in het lexicon: {exc}")
        sys.exit(EXIT_ERROR)
    except ModelError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)

    if fix or diff:
        results = _fix_files(results, diff=diff)
        if diff:
            sys.exit(EXIT_FINDINGS if any(r.fixed for r in results) else EXIT_OK)

    report = Report(
        results,
        lambda: checker.lexicon,  # loaded only if a report format describes rules
        threshold,
        color=fmt == "text"
        and not output_file
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ,
    )
    for path, message in report.all_errors:
        _err(f"fout: {path}: {message}")
    rendered = renderer(fmt)(report)
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as fh:
                fh.write(rendered)
        except OSError as exc:
            _err(f"fout: {output_file}: kan niet schrijven ({exc.strerror})")
            sys.exit(EXIT_ERROR)
    else:
        # With --fix on standard input, stdout carries the fixed text; the report goes to stderr.
        click.echo(rendered, nl=False, err=fix and any(r.stdin for r in results))
    if report.all_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.failing and not exit_zero else EXIT_OK)


def _fix_files(results: list[FileResult], *, diff: bool) -> list[FileResult]:
    """Apply (or, with ``diff``, show) safe fixes; the findings that remain are reported."""
    from dataclasses import replace

    from stigmalint.fix import apply_fixes, unified_diff

    out = []
    for r in results:
        doc = r.document
        if r.error or doc is None or doc.kind not in FIXABLE_KINDS or not r.findings:
            out.append(r)
            continue
        fixed_text, applied = apply_fixes(doc.source, r.findings)
        if not applied:
            out.append(r)
            continue
        if diff:
            click.echo(unified_diff(r.path, doc.source, fixed_text), nl=False)
        elif r.stdin:
            click.echo(fixed_text, nl=False)
        else:
            with open(r.path, "w", encoding=doc.encoding, newline="") as fh:
                fh.write(fixed_text)
            n = len(applied)
            _err(f"{r.path}: {n} {'vervanging' if n == 1 else 'vervangingen'} toegepast")
        remaining = [f for f in r.findings if f not in applied]
        out.append(replace(r, findings=remaining, fixed=len(applied)))
    return out


@cli.command()
@click.argument("key")
@click.option("--locale", type=click.Choice(["nl-NL", "nl-BE"]), default="nl-NL", show_default=True)
def explain(key: str, locale: str) -> None:
    """Leg een regel uit: op id (prostituee), verwijzing (T01) of woord (raamprostituees)."""
    from stigmalint.explain import explain_text, find_entries

    linter = _load_linter("blank", locale)
    entries = find_entries(linter, key)
    if not entries:
        _err(f"geen regel gevonden voor {key!r}; zie 'stigmalint rules' voor alle regels")
        sys.exit(EXIT_ERROR)
    click.echo("\n\n".join(explain_text(e) for e in entries))


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--locale", type=click.Choice(["nl-NL", "nl-BE"]), default="nl-NL", show_default=True)
def rules(fmt: str, locale: str) -> None:
    """Toon alle regels van het lexicon."""
    from stigmalint.explain import rules_json, rules_table
    from stigmalint.rules import LexiconError, load_lexicon

    try:
        lexicon = load_lexicon().for_locale(locale)
    except LexiconError as exc:
        _err(f"fout in het lexicon: {exc}")
        sys.exit(EXIT_ERROR)
    click.echo(rules_json(lexicon) if fmt == "json" else rules_table(lexicon), nl=False)


@cli.command("config")
@click.argument("path", required=False, default=".", type=click.Path())
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuratiebestand in plaats van de gevonden bestanden (ook: STIGMALINT_CONFIG).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def config_command(path: str, config_file: str | None, fmt: str) -> None:
    """Toon de instellingen voor een bestand of map, en waar elke waarde vandaan komt."""
    import json
    from pathlib import Path

    from stigmalint.checking import Checker, CheckOptions
    from stigmalint.config import ConfigError
    from stigmalint.rules import LexiconError

    target = Path(path)
    try:
        checker = Checker(CheckOptions(config=config_file))
        settings = checker.config.settings(target)
        checker.check_rule_ids(settings)
        excluded = checker.config.excluded(target, is_dir=target.is_dir())
    except ConfigError as exc:
        _err(f"fout in de configuratie: {exc}")
        sys.exit(EXIT_ERROR)
    except LexiconError as exc:
        _err(f"fout in het lexicon: {exc}")
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        data = {"path": path, "excluded": excluded, **settings.as_json()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    lines = [f"Instellingen voor {path}"]
    lines.append(
        "Configuratie: " + (", ".join(settings.files) if settings.files else "geen (standaard)")
    )
    if excluded:
        lines.append("Uitgesloten door 'exclude' (alleen gecontroleerd als je het noemt).")
    rows = settings.describe()
    width = max(len(k) for k, _, _ in rows)
    value_width = min(40, max(len(v) for _, v, _ in rows))
    for key, value, origin in rows:
        lines.append(f"  {key:<{width}}  {value:<{value_width}}  ({origin})")
    click.echo("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="stigmalint")
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("STIGMALINT_DEBUG"):
            raise
        _err(f"interne fout: {exc.__class__.__name__}: {exc} (STIGMALINT_DEBUG=1 toont details)")
        sys.exit(EXIT_ERROR)
