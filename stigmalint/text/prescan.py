"""Decide, without spaCy, which sentences can possibly produce a finding.

Most files in a policy repository contain nothing to report, and importing spaCy
plus its lemma tables costs about a second. So every lexicon entry is reduced to
a *trigger*: a conjunction of stem groups that must all occur in one sentence.

* a term without context: its stems ("prostitu", "hoer", "pooier");
* a term that needs a sex-work sentence ("meisjes"): its stems AND an anchor stem;
* a phrase: one group per required word that can be stemmed
  ("gedwongen|onvrijwillige" AND "prostitu…"; "@tr" AND "@sw-core").

One pass of a trie-shaped regular expression over the lower-cased text finds all
stems (overlapping ones too); only sentences that satisfy some trigger are handed
to the pipeline. A text without any leaves without importing spaCy. The scan may
over-select (a stem inside "hoera"), never under-select: every word a rule can
match contains one of its stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from stigmalint.rules.model import Entry, Lexicon, NounInfo
from stigmalint.rules.patterns import Pattern, WordTest
from stigmalint.text.morph import forms_of
from stigmalint.text.sentences import sentence_spans
from stigmalint.text.trie import trie_regex
from stigmalint.util import write_cache

MIN_STEM = 4  # a trigger needs at least one group whose stems are all this long
MIN_CONJUNCT = 3  # further groups of the same trigger may be shorter ("rol", "kom")
# Accented letters → plain ones, one character for one, so offsets stay valid.
_DEACCENT = str.maketrans(
    "àáâãäåèéêëìíîïòóôõöùúûüýÿçñ’‘",
    "aaaaaaeeeeiiiiooooouuuuyycn''",
)

_FORMAT = 3  # bump when the pre-scan logic changes, to invalidate cached scanners
Group = frozenset[str]
Trigger = tuple[Group, ...]


class SurfaceForms:
    """What a lemma can look like in running text, from the lemma tables.

    Matching is on lemma candidates, the pre-scan on the raw text; so a stem must
    be a substring of *every* surface form that can reach the lemma: regular
    forms (belandde → beland…), rule-derived ones, and irregular ones from the
    lookup and exception tables (kwam → komen).
    """

    def __init__(
        self,
        lookup: dict[str, str],
        exc: dict[str, dict[str, list[str]]],
        rules: dict[str, list[tuple[str, str]]],
        wanted: set[str],
    ) -> None:
        self.reverse: dict[str, set[str]] = {}
        for form, lemma in lookup.items():
            if lemma in wanted and form != lemma:
                self.reverse.setdefault(lemma, set()).add(form.lower())
        for table in exc.values():
            for form, lemmas in table.items():
                for lemma in lemmas:
                    if lemma in wanted and form != lemma:
                        self.reverse.setdefault(lemma, set()).add(form.lower())
        # A rule (old → new) turns surface "stem+old" into lemma "stem+new": the text
        # then contains the lemma minus "new", plus whatever "old" and "new" share.
        self.rules = sorted({(o, n) for rs in rules.values() for o, n in rs if n})

    def stems(self, literal: str) -> set[str]:
        out = {literal}
        for old, new in self.rules:
            if literal.endswith(new) and len(literal) > len(new):
                shared = len(_shared_prefix(old, new))
                out.add(literal[: len(literal) - len(new) + shared])
        out |= self.reverse.get(literal, set())
        return _minimal(out)


def _shared_prefix(a: str, b: str) -> str:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return a[:n]


def _minimal(stems: set[str]) -> set[str]:
    """Drop stems that contain a shorter stem of the set (their hits are implied)."""
    keep: set[str] = set()
    for s in sorted(stems, key=len):
        if not any(k in s for k in keep):
            keep.add(s)
    return keep


def _glob_stem(rx: re.Pattern[str]) -> str | None:
    """The literal prefix of a glob (``prostitu.*`` → ``prostitu``), if long enough."""
    m = re.match(r"^((?:\\.|[^.\\*+?()\[\]{}|^$])*)", rx.pattern)
    stem = re.sub(r"\\(.)", r"\1", m.group(1)) if m else ""
    return stem if len(stem) >= MIN_STEM else None


def _punctuation(stem: str) -> bool:
    """Quotation marks are rare enough to scan for (scare quotes around 'sekswerk', R11)."""
    return bool(stem) and not any(c.isalnum() for c in stem)


def _literal_group(literals: Iterable[str], surface: SurfaceForms) -> Group | None:
    stems: set[str] = set()
    for lit in literals:
        stems |= surface.stems(lit)
    if any(len(st) < MIN_CONJUNCT and not _punctuation(st) for st in stems):
        return None  # too short to scan for ("de", "in"): not a useful trigger
    return frozenset(_minimal(stems)) or None


def _strong(group: Group) -> bool:
    return all(len(s) >= MIN_STEM and not s.startswith("~") for s in group)


def _test_stems(test: WordTest, surface: SurfaceForms) -> Group | None:
    """Stems covering every alternative of a word test; ``None`` if one cannot be stemmed.

    A test that is only a regular expression (``~(1[0-7]|[1-9])``) becomes a *regex
    group* ``{"~pattern"}``, checked as a whole word against the sentence text.
    """
    stems: set[str] = set()
    if test.literals:
        g = _literal_group(test.literals, surface)
        if g is None:
            return None
        stems |= g
    for rx in test.regexes:
        stem = _glob_stem(rx)
        if stem is None:
            if not test.literals and len(test.regexes) == 1:
                return frozenset({"~" + rx.pattern})
            return None
        stems.add(stem)
    return frozenset(stems) or None


def _term_group(entry: Entry, nouns: dict[str, NounInfo], surface: SurfaceForms) -> Group | None:
    literals: set[str] = set(entry.forms)
    for word in entry.words:
        literals |= set(forms_of(word, nouns).all())
    return _literal_group(literals, surface)


def _phrase_trigger(parts: Iterable[Pattern], surface: SurfaceForms) -> Trigger:
    groups = []
    for part in parts:
        for w in part.words:
            if not w.optional:
                g = _test_stems(w, surface)
                if g:
                    groups.append(g)
    return tuple(groups)


def triggers_of(entry: Entry, lex: Lexicon, surface: SurfaceForms) -> list[Trigger]:
    """The triggers of one entry; an empty trigger means "cannot be pre-scanned"."""
    if entry.phrases:
        base = [_phrase_trigger(ph.parts, surface) for ph in entry.phrases]
    else:
        g = _term_group(entry, lex.nouns, surface)
        base = [(g,) if g else ()]
    extra: list[Group] = []
    for name in entry.context.requires:
        aset = lex.anchors[name]
        ag = _test_stems(WordTest(frozenset(aset.literals), tuple(aset.regexes)), surface)
        if ag:
            extra.append(ag)
    out = []
    for t in base:
        trig = t + tuple(extra)
        out.append(trig if any(_strong(g) for g in trig) else ())
    return out


def wanted_literals(lex: Lexicon) -> set[str]:
    wanted: set[str] = set()
    for e in lex.entries:
        wanted |= set(e.words) | set(e.forms)
        for ph in e.phrases:
            for part in ph.parts:
                for w in part.words:
                    wanted |= set(w.literals)
    for a in lex.anchors.values():
        wanted |= a.literals
    return wanted


@dataclass
class Prescanner:
    regex: re.Pattern[str] | None
    triggers: list[tuple[int, ...]]  # each trigger: ids of the stem groups it needs
    stem_groups: dict[str, frozenset[int]]  # stem → ids of the groups it satisfies
    everything: bool = False  # some entry has no usable trigger: every sentence goes through
    regex_groups: dict[int, re.Pattern[str]] = field(default_factory=dict)
    # Triggers of `scope: image` entries ("geld … bh"): they only count in image blocks.
    image_triggers: list[tuple[int, ...]] = field(default_factory=list)

    @classmethod
    def from_lexicon(cls, lex: Lexicon, surface: SurfaceForms | None = None) -> Prescanner:
        if surface is None:
            from stigmalint.nlp.tables import lemma_tables

            t = lemma_tables()
            surface = SurfaceForms(t.lookup, t.exc, t.rules, wanted_literals(lex))
        group_ids: dict[Group, int] = {}
        triggers: list[tuple[int, ...]] = []
        image_triggers: list[tuple[int, ...]] = []
        everything = False
        for e in lex.entries:
            for trig in triggers_of(e, lex, surface):
                if not trig:
                    everything = True
                    continue
                ids = tuple(group_ids.setdefault(g, len(group_ids)) for g in trig)
                (image_triggers if e.scope == "image" else triggers).append(ids)
        stems: dict[str, set[int]] = {}
        regex_groups: dict[int, re.Pattern[str]] = {}
        for g, gid in group_ids.items():
            if len(g) == 1 and next(iter(g)).startswith("~"):
                regex_groups[gid] = re.compile(rf"(?<!\w)(?:{next(iter(g))[1:]})(?!\w)")
                continue
            for s in g:
                stems.setdefault(s, set()).add(gid)
        # A longer stem found in the text also satisfies the groups of its prefixes.
        closed = {
            s: frozenset(set().union(*(ids for p, ids in stems.items() if s.startswith(p))))
            for s in stems
        }
        rx = re.compile(f"(?=({trie_regex(stems)}))") if stems else None
        return cls(rx, triggers, closed, everything, regex_groups, image_triggers)

    def _hits(self, low: str) -> list[tuple[int, frozenset[int]]]:
        if self.regex is None:
            return []
        groups = self.stem_groups
        out = []
        for m in self.regex.finditer(low):
            s = m.group(1)
            ids = groups.get(s)
            if ids is None:  # the trie matched a longer string: use its longest stem prefix
                ids = next(
                    (groups[s[:n]] for n in range(len(s), 0, -1) if s[:n] in groups), frozenset()
                )
            out.append((m.start(), ids))
        return out

    def candidate_sentences(self, text: str, scope: str = "any") -> list[tuple[int, int]]:
        """Sentence ranges of ``text`` (a block of ``scope``) that must go through the pipeline."""
        triggers = self.triggers + self.image_triggers if scope == "image" else self.triggers
        if self.everything:
            return sentence_spans(text)
        low = text.lower().translate(_DEACCENT)
        if len(low) != len(text):  # a rare character changed length: play safe
            return sentence_spans(text)
        hits = self._hits(low)
        if not hits:
            return []
        out = []
        hi = 0
        for s, e in sentence_spans(text):
            while hi < len(hits) and hits[hi][0] < s:
                hi += 1
            present: set[int] = set()
            j = hi
            while j < len(hits) and hits[j][0] < e:
                present |= hits[j][1]
                j += 1
            if present and any(self._satisfied(trig, present, low, s, e) for trig in triggers):
                out.append((s, e))
        return out

    def _satisfied(
        self, trig: tuple[int, ...], present: set[int], low: str, s: int, e: int
    ) -> bool:
        for g in trig:
            if g in present:
                continue
            rx = self.regex_groups.get(g)
            if rx is None or not rx.search(low, s, e):
                return False
        return True

    def has_candidates(self, text: str) -> bool:
        return bool(self.candidate_sentences(text))

    @classmethod
    def cached(cls, lex: Lexicon, locale: str = "") -> Prescanner:
        """Build once per lexicon version; later runs read it from the user's cache.

        Building needs the lemma tables (a few hundred milliseconds to load); a run
        over clean files should not pay that, so the result is cached, keyed by the
        content of every lexicon file and the version of the tables.
        """
        import hashlib
        import pickle
        from pathlib import Path

        from stigmalint.nlp.tables import cache_dir, lookups_version

        h = hashlib.sha256(f"{_FORMAT}|{locale}|{lookups_version()}".encode())
        for f in lex.files:
            h.update(f.encode())
            try:
                h.update(Path(f).read_bytes())
            except OSError:
                return cls.from_lexicon(lex)
        path = cache_dir() / f"prescan-{h.hexdigest()[:24]}.pickle"
        try:
            with path.open("rb") as fh:
                obj = pickle.load(fh)
            if isinstance(obj, cls):
                return obj
        except Exception:
            pass
        obj = cls.from_lexicon(lex)
        write_cache(path, obj)
        return obj
