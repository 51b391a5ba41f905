"""Inline suppression: ``<!-- stigmalint-disable … -->`` comments in Markdown and HTML.

Three directives, as ESLint and markdownlint spell them::

    <!-- stigmalint-disable-next-line prostituee -- citaat uit de APV -->
    <!-- stigmalint-disable hoer prostituee -->  …  <!-- stigmalint-enable -->
    <!-- stigmalint-disable -->                  (no ids: every rule)

Anything after `` -- `` is a reason for the reader and is ignored. Readers find the
comments (never inside code) and store them on the document as :class:`Directive`;
:func:`apply` then drops the findings they cover. Two lessons from alex and
woke shape this module: a ``disable`` that is never closed silently switched off
whole files there, so here it produces a note naming the line; and suppressions
go stale, so ``--report-unused-suppressions`` turns each one that suppressed
nothing into a finding of its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from stigmalint.findings import Finding
from stigmalint.severity import Severity

if TYPE_CHECKING:
    from stigmalint.document import Document

UNUSED_RULE = "unused-suppression"
KINDS = ("disable-next-line", "disable", "enable")
_DIRECTIVE = re.compile(r"^\s*stigmalint-(disable-next-line|disable|enable)(?=\s|$)(.*)$", re.S)
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Directive:
    """One suppression comment: ``start``/``end`` are source offsets of the whole comment."""

    kind: str
    rules: frozenset[str]  # empty: every rule
    start: int
    end: int
    text: str = ""  # the comment as written, for reports
    bad_ids: tuple[str, ...] = ()  # words after the directive that cannot be rule ids
    used: set[str] = field(default_factory=set)  # rule ids it suppressed

    def covers(self, rule: str) -> bool:
        return not self.rules or rule in self.rules

    def describe(self) -> str:
        ids = f" {' '.join(sorted(self.rules))}" if self.rules else ""
        return f"stigmalint-{self.kind}{ids}"


def parse_comment(body: str, start: int, end: int, raw: str = "") -> Directive | None:
    """The directive in an HTML comment's ``body`` (the text between ``<!--`` and ``-->``)."""
    m = _DIRECTIVE.match(body)
    if not m:
        return None
    kind, rest = m.group(1), m.group(2)
    rest = re.split(r"\s--(?:\s|$)", " " + rest, maxsplit=1)[0]
    words = [w.strip(",") for w in rest.split()]
    words = [w for w in words if w]
    good = frozenset(w for w in words if _RULE_ID.match(w))
    bad = tuple(w for w in words if not _RULE_ID.match(w))
    return Directive(kind, good, start, end, raw or f"<!--{body}-->", bad)


@dataclass
class _Region:
    start: int
    end: int
    rules: frozenset[str]  # empty: every rule …
    excluded: frozenset[str]  # … except these (re-enabled by a later ``enable id``)
    directive: Directive

    def covers(self, offset: int, rule: str) -> bool:
        return (
            self.start <= offset < self.end
            and (not self.rules or rule in self.rules)
            and rule not in self.excluded
        )


@dataclass
class Suppressions:
    regions: list[_Region]
    notes: list[str]


def _regions(doc: Document, directives: Sequence[Directive]) -> Suppressions:
    regions: list[_Region] = []
    notes: list[str] = []
    open_: list[_Region] = []
    n = len(doc.source)
    for d in sorted(directives, key=lambda d: d.start):
        line = doc.line_col(d.start)[0]
        if d.kind == "disable-next-line":
            next_start = doc.source.find("\n", d.end)
            if next_start < 0:
                notes.append(f"{d.describe()} op regel {line} staat op de laatste regel")
                continue
            next_end = doc.source.find("\n", next_start + 1)
            regions.append(
                _Region(next_start + 1, n if next_end < 0 else next_end, d.rules, frozenset(), d)
            )
        elif d.kind == "disable":
            open_.append(_Region(d.end, n, d.rules, frozenset(), d))
        else:  # enable
            if not open_:
                notes.append(f"{d.describe()} op regel {line} heeft geen stigmalint-disable ervoor")
                continue
            still: list[_Region] = []
            for r in open_:
                r.end = d.start
                regions.append(r)
                if not d.rules:
                    continue
                if r.rules:
                    rest = r.rules - d.rules
                    if rest:
                        still.append(_Region(d.end, n, rest, frozenset(), r.directive))
                else:
                    still.append(_Region(d.end, n, frozenset(), r.excluded | d.rules, r.directive))
            open_ = still
    for r in open_:
        regions.append(r)
        line = doc.line_col(r.directive.start)[0]
        what = "alle regels" if not r.rules else ", ".join(sorted(r.rules))
        if r.excluded:
            what += f" behalve {', '.join(sorted(r.excluded))}"
        note = (
            f"{r.directive.describe()} op regel {line} wordt niet afgesloten met "
            f"<!-- stigmalint-enable -->: {what} staan uit tot het einde van het bestand"
        )
        if note not in notes:
            notes.append(note)
    return Suppressions(regions, notes)


def apply(
    doc: Document,
    findings: list[Finding],
    *,
    known_rules: Collection[str] = (),
    report_unused: bool = False,
) -> tuple[list[Finding], list[str]]:
    """Drop the findings the document's directives cover; return them and the notes.

    ``known_rules`` lets a typo in a rule id become a note rather than a silent
    no-op. With ``report_unused``, each directive (or rule id in it) that
    suppressed nothing comes back as an ``unused-suppression`` warning.
    """
    if not doc.directives:
        return findings, []
    sup = _regions(doc, doc.directives)
    notes = list(sup.notes)
    for d in doc.directives:
        line = doc.line_col(d.start)[0]
        for w in d.bad_ids:
            notes.append(f"'{w}' in {d.describe()} op regel {line} is geen regel-id")
        for rule in sorted(d.rules):
            if known_rules and rule not in known_rules:
                notes.append(
                    f"onbekende regel '{rule}' in stigmalint-{d.kind} op regel {line}; "
                    "zie 'stigmalint rules'"
                )
    kept: list[Finding] = []
    for f in findings:
        hit = next((r for r in sup.regions if r.covers(f.start, f.rule)), None)
        if hit is None:
            kept.append(f)
        else:
            hit.directive.used.add(f.rule)
    if report_unused:
        kept.extend(_unused(doc))
        kept.sort(key=Finding.sort_key)
    return kept, notes


def _unused(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    for d in doc.directives:
        if d.kind == "enable":
            continue
        if not d.used:
            message = (
                f"Deze {d.describe()} onderdrukt geen enkele melding; "
                "haal de opmerking weg of pas de regel-id's aan."
            )
        elif d.rules and d.rules - d.used:
            idle = sorted(d.rules - d.used)
            ids = "regel-id " + idle[0] if len(idle) == 1 else "regel-id's " + ", ".join(idle)
            message = f"De {ids} in deze {d.describe()} onderdrukt niets; haal die weg."
        else:
            continue
        f = Finding(UNUSED_RULE, Severity.WARNING, message, d.start, d.end, d.text)
        out.append(replace(f, position=doc.position(d.start, d.end)))
    return out
