"""``explain`` and ``rules``: the lexicon as readable text, for writers and trainers."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from stigmalint.engine import Linter
from stigmalint.rules.model import CATEGORIES, Entry, Lexicon
from stigmalint.suggest import display

_SEV_NL = {"error": "fout", "warning": "waarschuwing", "suggestion": "suggestie"}


def find_entries(linter: Linter, key: str) -> list[Entry]:
    """By id or reference first; otherwise run the linter on the word or phrase."""
    entry = linter.lexicon.find(key)
    if entry is not None:
        return [entry]
    by_id = linter.lexicon.by_id()
    found = []
    for f in linter.check_text(key):
        e = by_id.get(f.rule)
        if e is not None and e not in found:
            found.append(e)
    return found


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def explain_text(e: Entry) -> str:
    refs = f" ({', '.join(e.refs)})" if e.refs else ""
    lines = [
        f"{e.id}{refs} — {_SEV_NL[e.severity.label]} ({e.severity.label}), categorie: {e.category} "
        f"({CATEGORIES.get(e.category, '')})",
        "",
        "Waarom:",
        _wrap(e.message),
    ]
    if e.details:
        lines += [_wrap(e.details)]
    what = (
        ", ".join(e.words + e.forms)
        if e.words or e.forms
        else "; ".join(p.source for p in e.phrases)
    )
    lines += ["", "Herkent:", _wrap(what)]
    if e.compounds:
        kinds = {"head": "als laatste deel (raam…)", "modifier": "als eerste deel (…beleid)"}
        lines.append(
            _wrap("ook in samenstellingen " + " en ".join(kinds[k] for k in sorted(e.compounds)))
        )
    if e.context.requires:
        lines.append(_wrap("alleen in een zin met een woord uit: " + ", ".join(e.context.requires)))
    lines += ["", "Liever:" if not e.rewrite else "Herschrijf, bijvoorbeeld:"]
    lines += [f"  {i}. {display(s.text)}" for i, s in enumerate(e.suggestions, 1)]
    if e.unless:
        lines += ["", "Niet gemeld bij:"]
        lines += [f"  - {u.pattern.source} ({u.kind})" for u in e.unless]
    lines += ["", "Voorbeelden:"]
    for ex in e.bad:
        lines.append(f"  ✗ {ex.text}")
        if ex.fix:
            lines.append(f"  ✓ {ex.fix}")
    for good in e.good:
        lines.append(f"  ✓ {good}")
    lines += ["", "Bronnen:"] + [f"  {url}" for url in e.sources]
    return "\n".join(lines)


def rules_table(lexicon: Lexicon) -> str:
    rows = [
        (e.id, e.severity.label, e.category, ",".join(e.refs), e.message) for e in lexicon.entries
    ]
    w_id = max((len(r[0]) for r in rows), default=2)
    w_cat = max((len(r[2]) for r in rows), default=8)
    out = [f"{'id':<{w_id}}  {'ernst':<10}  {'categorie':<{w_cat}}  {'ref':<8}  uitleg"]
    for rid, sev, cat, refs, msg in rows:
        short = msg if len(msg) <= 70 else msg[:67] + "…"
        out.append(f"{rid:<{w_id}}  {sev:<10}  {cat:<{w_cat}}  {refs:<8}  {short}")
    out.append(f"{len(rows)} regels")
    return "\n".join(out) + "\n"


def entry_dict(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "refs": list(e.refs),
        "category": e.category,
        "severity": e.severity.label,
        "message": e.message,
        "details": e.details,
        "words": list(e.words),
        "forms": list(e.forms),
        "phrases": [p.source for p in e.phrases],
        "suggestions": [s.text for s in e.suggestions],
        "rewrite": e.rewrite,
        "sources": list(e.sources),
        "examples": {"bad": [x.text for x in e.bad], "good": list(e.good)},
    }


def rules_json(lexicon: Lexicon) -> str:
    return (
        json.dumps(
            {"version": 1, "rules": [entry_dict(e) for e in lexicon.entries]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
