"""Compiler-style lines, as ruff and gcc print them, for people and for reviewdog.

    nota.md:3:17: warning: "prostituee" … [prostituee]
        suggestie: sekswerkers (ook: mensen die seksuele diensten aanbieden)

Every message is one line (newlines would break editors and ``-efm`` parsers).
Colour only when writing to a terminal.
"""

from __future__ import annotations

import click

from stigmalint.findings import Finding
from stigmalint.report import Report
from stigmalint.severity import Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
_NAMES = {Severity.ERROR: ("fout", "fouten"), Severity.WARNING: ("waarschuwing", "waarschuwingen"),
          Severity.SUGGESTION: ("suggestie", "suggesties")}  # fmt: skip


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _location(path: str, f: Finding) -> str:
    pos = f.position
    if pos is None:
        return f"{path}:{f.start}"
    if pos.where:
        return f"{path}:{pos.where}:{pos.column}"
    return f"{path}:{pos.line}:{pos.column}"


def format_finding(path: str, f: Finding, color: bool = False) -> list[str]:
    sev = f.severity.label
    if color:
        sev = click.style(sev, fg=_COLOURS[f.severity], bold=f.severity is Severity.ERROR)
    notes = f" ({'; '.join(f.notes)})" if f.notes else ""
    quoted = f"\u201c{_one_line(f.text)}\u201d"
    head = f"{_location(path, f)}: {sev}: {quoted}: {_one_line(f.message)}{notes} [{f.rule}]"
    lines = [head]
    if f.suggestions:
        label = "herschrijf, bijvoorbeeld" if f.rewrite else "suggestie"
        rest = (
            f" (ook: {', '.join(_one_line(s) for s in f.suggestions[1:])})"
            if len(f.suggestions) > 1
            else ""
        )
        lines.append(f"    {label}: {_one_line(f.suggestions[0])}{rest}")
    return lines


def excerpt(paragraph: str, f: Finding, width: int = 100) -> str:
    """The paragraph around a finding, for formats without lines (Word: find it by its text)."""
    text = _one_line(paragraph)
    if len(text) <= width:
        return text
    col = (f.position.column - 1) if f.position else 0
    start = max(0, min(col - width // 3, len(text) - width))
    cut = text[start : start + width]
    return ("…" if start else "") + cut.strip() + ("…" if start + width < len(text) else "")


def _plural(n: int, sev: Severity) -> str:
    one, many = _NAMES[sev]
    return f"{n} {one if n == 1 else many}"


def _files(n: int) -> str:
    return "bestand" if n == 1 else "bestanden"


def summary(report: Report) -> str:
    counts = report.count()
    total = sum(counts.values())
    files = len(report.results)
    with_findings = sum(1 for r in report.results if r.findings)
    parts = [
        _plural(counts[s], s)
        for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
        if counts[s]
    ]
    if total:
        text = (
            f"{total} {'bevinding' if total == 1 else 'bevindingen'} ({', '.join(parts)}) "
            f"in {with_findings} van {files} {_files(files)}"
        )
    else:
        text = f"geen bevindingen in {files} {_files(files)}"
    errors = len(report.all_errors)
    if errors:
        text += f"; {errors} {_files(errors)} niet gecontroleerd"
    return text + "."


def render(report: Report) -> str:
    lines: list[str] = []
    for r in report.results:
        for note in r.notes:
            lines.append(f"{r.path}: opmerking: {_one_line(note)}")
        for f in r.findings:
            lines.extend(format_finding(r.path, f, report.color))
            if f.position and f.position.where and r.document is not None:
                lines.append(f"    in: \u201c{excerpt(r.document.line_text(f.start), f)}\u201d")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
