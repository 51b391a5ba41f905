"""A self-contained HTML page: the text with its findings marked, for workshops and reviews.

Trainers project it; communication officers open it in a browser. No scripts and
no external resources (it must work offline and from a mail attachment): marks
carry their explanation in a tooltip and, below the text, every finding has its
message, suggestions and sources.
"""

from __future__ import annotations

from html import escape

from stigmalint.engine import FileResult
from stigmalint.findings import Finding
from stigmalint.report import Report
from stigmalint.report.text_format import summary

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.55}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1rem;border-radius:6px}
mark{padding:0 .1em;border-radius:3px;cursor:help}
mark.error{background:#ffc9c9;border-bottom:2px solid #c92a2a}
mark.warning{background:#ffec99;border-bottom:2px solid #e67700}
mark.suggestion{background:#d0ebff;border-bottom:2px dotted #1864ab}
mark sup{font-size:.7em;color:#555;margin-left:.1em}
ol.findings li{margin:.8rem 0}.sev{font-weight:600;text-transform:uppercase;font-size:.8em}
.sev.error{color:#c92a2a}.sev.warning{color:#e67700}.sev.suggestion{color:#1864ab}
.rule{color:#666;font-size:.85em}.sugg{margin:.2rem 0}.notes{color:#666;font-style:italic}
.errors{color:#c92a2a}
"""
_LABEL = {"error": "fout", "warning": "waarschuwing", "suggestion": "suggestie"}


def _marked(source: str, findings: list[Finding]) -> str:
    parts = []
    last = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < last:
            continue  # overlapping findings are listed below; one mark per stretch
        tip = f.message + (f" → {f.suggestions[0]}" if f.suggestions else "")
        parts.append(escape(source[last : f.start]))
        parts.append(
            f'<mark class="{f.severity.label}" title="{escape(tip)}">'
            f"{escape(source[f.start : f.end])}<sup>{_index(findings, f)}</sup></mark>"
        )
        last = f.end
    parts.append(escape(source[last:]))
    return "".join(parts)


def _index(findings: list[Finding], f: Finding) -> int:
    return next(i for i, g in enumerate(findings, 1) if g is f)


def _finding_item(r: FileResult, f: Finding, report: Report) -> str:
    entry = report.lexicon.by_id().get(f.rule)
    pos = f.position
    where = (pos.where or f"regel {pos.line}, kolom {pos.column}") if pos else ""
    items = [
        f'<span class="sev {f.severity.label}">{_LABEL[f.severity.label]}</span> '
        f"<strong>“{escape(' '.join(f.text.split()))}”</strong> "
        f'<span class="rule">{escape(where)} · {escape(f.rule)}</span>',
        f"<div>{escape(f.message)}</div>",
    ]
    if f.notes:
        items.append(f'<div class="notes">{escape("; ".join(f.notes))}</div>')
    if f.suggestions:
        label = "Herschrijf, bijvoorbeeld" if f.rewrite else "Liever"
        items.append(
            f'<div class="sugg">{label}: '
            + ", ".join(f"<strong>{escape(s)}</strong>" for s in f.suggestions)
            + "</div>"
        )
    if entry is not None and entry.sources:
        links = ", ".join(f'<a href="{escape(u)}">{i}</a>' for i, u in enumerate(entry.sources, 1))
        items.append(f'<div class="rule">Bronnen: {links}</div>')
    return "<li>" + "\n".join(items) + "</li>"


def render(report: Report) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>stigmalint-rapport</title><style>{_CSS}</style></head><body>",
        "<h1>stigmalint-rapport</h1>",
        f"<p>{escape(summary(report))}</p>",
    ]
    if report.all_errors:
        out.append('<ul class="errors">')
        out += [f"<li>{escape(p)}: {escape(m)}</li>" for p, m in report.all_errors]
        out.append("</ul>")
    for r in report.results:
        if r.error or r.document is None:
            continue
        out.append(f"<h2>{escape(r.path)}</h2>")
        if not r.findings:
            out.append("<p>Geen bevindingen.</p>")
            continue
        out.append(f'<div class="text">{_marked(r.document.source, r.findings)}</div>')
        out.append('<ol class="findings">')
        out += [_finding_item(r, f, report) for f in r.findings]
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
