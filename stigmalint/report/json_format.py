"""Versioned JSON, the shape ``../shared/eval-dev/README.md`` specifies.

``start``/``end`` are 0-based code-point offsets into the decoded file text
(``end`` exclusive); ``line``/``column`` are 1-based. For Word and OpenDocument
files they point into the *extracted text* (one paragraph per line, see
:mod:`stigmalint.readers.extracted`), ``where`` names the paragraph, table cell or
note, and ``context`` holds that paragraph. Fields beyond the specified ones
(``rewrite``, ``category``, ``refs``, ``notes``, ``where``, ``context``, a file's
``notes``) are additions, and additions never change the meaning of existing
fields within ``version: 1``.
"""

from __future__ import annotations

import json
from typing import Any

from stigmalint.engine import FileResult
from stigmalint.findings import Finding
from stigmalint.report import Report

VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    pos = f.position
    d: dict[str, Any] = {
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "line": pos.line if pos else None,
        "column": pos.column if pos else None,
        "end_line": pos.end_line if pos else None,
        "end_column": pos.end_column if pos else None,
        "suggestions": list(f.suggestions),
        "rewrite": f.rewrite,
        "category": f.category,
        "refs": list(f.refs),
        "notes": list(f.notes),
    }
    if pos and pos.where:
        d["where"] = pos.where
    return d


def _file(r: FileResult) -> dict[str, Any]:
    findings = []
    for f in r.findings:
        d = finding_dict(f)
        if "where" in d and r.document is not None:
            d["context"] = r.document.line_text(f.start)  # the paragraph (Word, ODT)
        findings.append(d)
    out: dict[str, Any] = {"path": r.path, "findings": findings}
    if r.notes:
        out["notes"] = list(r.notes)
    return out


def _compact(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _items(items: list[str], indent: str) -> str:
    if not items:
        return "[]"
    inner = indent + "  "
    return "[\n" + ",\n".join(inner + i for i in items) + "\n" + indent + "]"


def _file_text(r: FileResult) -> str:
    d = _file(r)
    lines = [f'"path": {_compact(d["path"])}']
    lines.append('"findings": ' + _items([_compact(f) for f in d["findings"]], "      "))
    if "notes" in d:
        lines.append(f'"notes": {_compact(d["notes"])}')
    return "{\n" + ",\n".join("      " + x for x in lines) + "\n    }"


def render(report: Report) -> str:
    """Indented down to the findings, one finding per line.

    ``json.dumps(indent=…)`` runs Python's pure-Python encoder; a finding per line
    keeps the C encoder (a third of the output time on a dense tree) and stays
    readable and diffable.
    """
    files = [_file_text(r) for r in report.results if not r.error]
    errors = [_compact({"path": p, "message": m}) for p, m in report.all_errors]
    return (
        "{\n"
        f'  "version": {VERSION},\n'
        f'  "files": {_items(files, "  ")},\n'
        f'  "errors": {_items(errors, "  ")}\n'
        "}\n"
    )
