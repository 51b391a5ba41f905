"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

Follows what GitHub requires (``../shared/guidance/peers.md`` §3.5): rules with short
and full descriptions and help text, results with a repository-relative URI, a
region with start/end line and column (``endColumn`` is the column *after* the
last character), and a stable ``partialFingerprints.primaryLocationLineHash``
(rule + normalised line text + occurrence), so alerts do not duplicate across runs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from stigmalint import __version__
from stigmalint.findings import Finding
from stigmalint.report import Report
from stigmalint.rules.model import Entry

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def _rule(e: Entry) -> dict[str, Any]:
    suggestions = ", ".join(s.text.replace("{", "").replace("}", "") for s in e.suggestions)
    help_text = f"{e.message} Liever: {suggestions}."
    return {
        "id": e.id,
        "name": e.id.replace("-", " "),
        "shortDescription": {"text": e.message.split(";")[0].split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": " ".join(filter(None, [e.message, e.details]))},
        "help": {"text": help_text, "markdown": _help_markdown(e)},
        "helpUri": e.sources[0] if e.sources else None,
        "defaultConfiguration": {"level": LEVELS[e.severity.label]},
        "properties": {"tags": ["stigma", "sekswerk", e.category, *e.refs], "precision": "high"},
    }


def _help_markdown(e: Entry) -> str:
    lines = [e.message, "", "**Liever:**"]
    lines += [f"- {s.text.replace('{', '').replace('}', '')}" for s in e.suggestions]
    if e.sources:
        lines += ["", "**Bronnen:**"] + [f"- <{u}>" for u in e.sources]
    return "\n".join(lines)


def _uri(path: str) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def _line_text(source: str | None, line: int) -> str:
    if source is None:
        return ""
    lines = source.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _result(path: str, f: Finding, source: str | None, seen: dict[str, int]) -> dict[str, Any]:
    pos = f.position
    line = pos.line if pos else 1
    normalised = " ".join(_line_text(source, line).split())
    digest = hashlib.sha256(f"{f.rule}\0{normalised}".encode()).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    message = f.message
    if f.suggestions:
        message += f" Suggestie: {f.suggestions[0]}."
    if f.notes:
        message += f" ({'; '.join(f.notes)})"
    region: dict[str, Any] = {"charOffset": f.start, "charLength": f.end - f.start}
    if pos:
        region.update(
            startLine=pos.line,
            startColumn=pos.column,
            endLine=pos.end_line,
            endColumn=pos.end_column,
        )
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity.label],
        "message": {"text": message},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}
        ],
        "partialFingerprints": {"primaryLocationLineHash": f"{digest}:{seen[digest]}"},
    }
    if f.suggestions and not f.rewrite and pos:
        result["fixes"] = [
            {
                "description": {"text": f"Vervang door “{f.suggestions[0]}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(path)},
                        "replacements": [
                            {"deletedRegion": region, "insertedContent": {"text": f.suggestions[0]}}
                        ],
                    }
                ],
            }
        ]
    return result


def render(report: Report) -> str:
    used = {f.rule for r in report.results for f in r.findings}
    entries = [e for e in report.lexicon.entries if e.id in used]
    results = []
    for r in report.results:
        seen: dict[str, int] = {}
        source = r.document.source if r.document is not None else None
        results += [_result(r.path, f, source, seen) for f in r.findings]
    notifications = [
        {"level": "error", "message": {"text": m}, "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(p)}}}
        ]}
        for p, m in report.all_errors
    ]  # fmt: skip
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "stigmalint",
                        "semanticVersion": __version__,
                        "version": __version__,
                        "informationUri": "https://github.com/stigmalint/stigmalint",
                        "rules": [_rule(e) for e in entries],
                    }
                },
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not report.all_errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
