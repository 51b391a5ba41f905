"""GitHub Actions workflow commands (``::warning file=…,line=…::message``).

Columns are 1-based (woke's 0-based column is a known bug to avoid); messages and
property values are escaped so that a multi-line or comma-laden message cannot
break the annotation (textlint's formatter does not escape). GitHub shows at most
ten annotations per level per step, so a summary line closes the output.
"""

from __future__ import annotations

from stigmalint.report import Report
from stigmalint.report.text_format import summary

LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for r in report.results:
        for f in r.findings:
            pos = f.position
            props = [f"file={escape_property(r.path)}"]
            if pos:
                props += [
                    f"line={pos.line}",
                    f"endLine={pos.end_line}",
                    f"col={pos.column}",
                    f"endColumn={pos.end_column}",
                ]
            props.append(f"title={escape_property(f'stigmalint {f.rule}')}")
            message = f"“{' '.join(f.text.split())}”: {f.message}"
            if f.suggestions:
                message += f" Suggestie: {f.suggestions[0]}."
            lines.append(f"::{LEVELS[f.severity.label]} {','.join(props)}::{escape_data(message)}")
    for path, message in report.all_errors:
        lines.append(f"::error file={escape_property(path)}::{escape_data(message)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
