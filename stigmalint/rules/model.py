"""In-memory form of the lexicon (schema v1), as produced by :mod:`stigmalint.rules.loader`.

These classes carry no spaCy types: the CLI reads the lexicon (for ``explain``,
``rules`` and the fast pre-scan) without importing spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from stigmalint.rules.patterns import AnchorSet, Pattern, Phrase
from stigmalint.severity import Severity

CATEGORIES: dict[str, str] = {
    "persons": "woorden voor mensen die sekswerk doen",
    "slurs": "scheldwoorden, verouderde en verhullende namen",
    "clients": "klanten",
    "third-parties": "derden en bedrijven",
    "places": "plaatsen",
    "work": "formuleringen over het werk",
    "trafficking": "mensenhandel, minderjarigen en slachtofferbeelden",
    "images": "beeldtaal, bijschriften en alt-teksten",
    "framing": "framing over meerdere woorden",
}

LOCALES = ("nl-NL", "nl-BE")

UnlessKind = Literal["around", "preceded_by", "followed_by", "sentence"]


@dataclass(frozen=True)
class Unless:
    """An exception: when ``pattern`` is found at the given place, the match is silenced.

    A silenced match still *occupies* its span, so shorter matches inside it are
    silenced too ("exploitatie van onvrijwillige prostitutie" silences both the
    phrase and the word "prostitutie" in it).
    """

    kind: UnlessKind
    pattern: Pattern
    within: int = 1
    # `sentence` only: the sentences before in the paragraph count too, up to this many
    # ("Haalt een klant je op met de auto? Spreek af waar je weer uitstapt.")
    previous: int = 0


@dataclass(frozen=True)
class Context:
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    within: int | None = None  # tokens around the match; None = the whole sentence
    # the sentences before count too (up to three: "In de club werken tien sekswerkers.
    # De dames …"), for the anchors that must be there (``requires``, or the sets named
    # here) and for those that must not
    previous: bool = False
    previous_requires: tuple[str, ...] = ()
    # anchor sets the document must mention somewhere (a heading "Uitstappen?" on a page
    # about sex work); the sentence itself then needs none of them
    document: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """A replacement. ``{woord}`` marks a noun inflected to the number of the match.

    A suggestion of a single word without spaces replaces the matched *morpheme*,
    so it also works inside compounds (raamprostituees → raamsekswerkers).
    """

    text: str
    preceded_by: Pattern | None = None
    followed_by: Pattern | None = None
    # the found words themselves begin so: "minderjarige prostituees" keeps 'minderjarige'
    starts_with: Pattern | None = None

    @property
    def conditional(self) -> bool:
        conditions = (self.preceded_by, self.followed_by, self.starts_with)
        return any(c is not None for c in conditions)

    @property
    def is_word(self) -> bool:
        return " " not in self.text.strip() and "{" not in self.text


@dataclass(frozen=True)
class Example:
    text: str
    fix: str | None = None  # expected sentence after applying the top suggestion


@dataclass(frozen=True)
class LocaleOverride:
    off: bool = False
    severity: Severity | None = None
    message: str | None = None
    suggestions: tuple[Suggestion, ...] | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    category: str
    severity: Severity
    message: str
    file: str
    refs: tuple[str, ...] = ()
    details: str = ""
    # matching: either words (+forms) or phrases
    words: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    compounds: frozenset[str] = frozenset()
    guards: tuple[str, ...] = ()
    lowercase_only: bool = False
    phrases: tuple[Phrase, ...] = ()
    scope: str = "any"  # "any" | "image" | "text"
    context: Context = field(default_factory=Context)
    unless: tuple[Unless, ...] = ()
    gender: str | None = None  # grammatical gender of the matched head: "de" | "het"
    suggestions: tuple[Suggestion, ...] = ()
    rewrite: bool = False
    sources: tuple[str, ...] = ()
    bad: tuple[Example, ...] = ()
    good: tuple[str, ...] = ()
    locales: dict[str, LocaleOverride] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return "phrase" if self.phrases else "term"

    def applies_in(self, scope: str) -> bool:
        """``scope: image`` rules only in image text, ``scope: text`` rules only outside it
        (their image counterpart says it better there), the rest everywhere."""
        if self.scope == "image":
            return scope == "image"
        return self.scope != "text" or scope != "image"

    def for_locale(self, locale: str) -> Entry | None:
        """The entry as it applies in ``locale``; ``None`` when it is switched off there."""
        from dataclasses import replace

        ov = self.locales.get(locale)
        if ov is None:
            return self
        if ov.off:
            return None
        return replace(
            self,
            severity=ov.severity or self.severity,
            message=ov.message or self.message,
            suggestions=self.suggestions if ov.suggestions is None else ov.suggestions,
        )


@dataclass(frozen=True)
class AllowName:
    """A proper name (law, programme, report…) inside which nothing is reported."""

    name: str
    kind: str = "name"
    title_only: bool = False  # only when the name stands on a line of its own (a title)
    after: tuple[str, ...] = ()  # …or right after one of these words ("rapport", "debat")
    file: str = ""

    @property
    def conditional(self) -> bool:
        return self.title_only or bool(self.after)


@dataclass(frozen=True)
class NounInfo:
    gender: str | None = None
    plural: str | None = None


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    anchors: dict[str, AnchorSet] = field(default_factory=dict)
    allow: list[AllowName] = field(default_factory=list)
    nouns: dict[str, NounInfo] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # first part of a compound → adjective ("jongens" → "mannelijke"), see suggest.py
    prefixes: dict[str, str] = field(default_factory=dict)

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def document_sets(self) -> frozenset[str]:
        """The anchor sets some entry needs the document to mention (`context.document`)."""
        return frozenset(n for e in self.entries for n in e.context.document)

    def for_locale(self, locale: str) -> Lexicon:
        entries = [e2 for e in self.entries if (e2 := e.for_locale(locale)) is not None]
        return Lexicon(
            entries, self.anchors, self.allow, self.nouns, self.files, dict(self.prefixes)
        )

    def find(self, key: str) -> Entry | None:
        """Look an entry up by id or by guidance reference (``T01``, ``R1``)."""
        k = key.strip().lower()
        for e in self.entries:
            if e.id == k or k in (r.lower() for r in e.refs):
                return e
        return None
