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
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from stigmalint.text.sentences import context_sentences, sentence_around, sentence_spans
from stigmalint.text.trie import trie_regex

if TYPE_CHECKING:  # pragma: no cover - a run over clean files never needs the lexicon model
    from stigmalint.rules.model import Entry, Lexicon, NounInfo
    from stigmalint.rules.patterns import Pattern, WordTest

MIN_STEM = 4  # a trigger needs at least one group whose stems are all this long
MIN_CONJUNCT = 3  # further groups of the same trigger may be shorter ("rol", "kom")
# Accented letters → plain ones, one character for one, so offsets stay valid.
_ACCENTED, _PLAIN = "àáâãäåèéêëìíîïòóôõöùúûüýÿçñ’‘", "aaaaaaeeeeiiiiooooouuuuyycn''"
_DEACCENT = str.maketrans(_ACCENTED, _PLAIN)
# The scan regex accepts the accented variants itself (``e`` → ``[eèéêë]``): translating
# the whole text first cost more than the scan (str.translate is slow on non-ASCII text).
_ACCENT_CLASSES = {
    plain: "["
    + re.escape(plain)
    + "".join(a for a, p in zip(_ACCENTED, _PLAIN, strict=True) if p == plain)
    + "]"
    for plain in set(_PLAIN)
}

_ACCENTED_RX = re.compile(f"[{_ACCENTED}]")

Group = frozenset[str]
Trigger = tuple[Group, ...]

# What a stem found by the first pass is: a key of a trigger of any block, a word of a
# `context.previous` entry, a key of a trigger of an image rule (only in image blocks).
_KEY, _FOLLOW, _IMAGE = 1, 2, 4

# Dutch function words: in every text, whatever its subject, so a poor key for the first
# pass however few dictionary words contain them ("maar", "toch", "achter").
_FUNCTION_WORDS = frozenset({
    "aan", "achter", "af", "al", "alle", "alleen", "allemaal", "als", "alsof", "altijd",
    "ander", "andere", "anders", "bijna", "bij", "binnen", "boven", "buiten", "daar", "daarom",
    "dan", "dat", "deze", "die", "dit", "door", "echter", "eigenlijk", "een", "eens", "elk",
    "elke", "en", "er", "erg", "even", "geen", "gewoon", "heel", "helemaal", "het", "hetzelfde",
    "hier", "hoe", "hun", "iets", "ieder", "in", "juist", "kan", "komt", "maar", "meer",
    "meestal", "meteen", "met", "mijn", "misschien", "naar", "naast", "natuurlijk", "niet",
    "niets", "nog", "nooit", "nu", "of", "om", "omdat", "onder", "ons", "onze", "ooit", "ook",
    "op", "over", "sinds", "soms", "steeds", "tegen", "terwijl", "toch", "toe", "toen", "tot",
    "tussen", "uit", "vaak", "van", "vanaf", "vanwege", "veel", "voor", "vooral", "vrijwel",
    "waar", "want", "wat", "weer", "wel", "welke", "werd", "wie", "wordt", "zal", "zeer",
    "zelf", "zelfs", "zich", "zichzelf", "zij", "zijn", "zo", "zoals", "zonder", "zou",
    "zullen",
})  # fmt: skip


class SurfaceForms:
    """What a lemma can look like in running text, from the lemma tables.

    Matching is on lemma candidates, the pre-scan on the raw text; so a stem must
    be a substring of *every* surface form that can reach the lemma: regular
    forms (belandde → beland…), rule-derived ones, and irregular ones from the
    lookup and exception tables (kwam → komen).
    """

    def __init__(
        self,
        lookup: Mapping[str, str],
        exc: Mapping[str, Mapping[str, list[str]]],
        rules: Mapping[str, list[tuple[str, str]]],
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


class StemCost:
    """How often a stem can be expected to turn up in ordinary text, to choose keys.

    The scan finds a stem anywhere, also inside longer words, so the number of
    dictionary words that contain it is a fair proxy for how often it fires: "werk" is
    in thousands of words, "bordeel" in a few. Function words are frequent however few
    words contain them, so a group holding one is never preferred. A regular sample of
    the lookup table keeps building the pre-scan fast; only the order of costs matters.
    """

    SAMPLE_STEP = 4

    def __init__(self, words: Iterable[str]) -> None:
        self.text = "\n".join(islice(words, 0, None, self.SAMPLE_STEP))
        self.memo: dict[str, int] = {}

    def stem(self, stem: str) -> int:
        n = self.memo.get(stem)
        if n is None:
            n = self.memo[stem] = self.text.count(stem)
        return n

    def group(self, group: Group) -> tuple[int, int]:
        """Lower is rarer: (holds a function word, dictionary words containing a stem)."""
        return (
            int(any(s in _FUNCTION_WORDS for s in group)),
            sum(self.stem(s) for s in group),
        )


def _keyable(group: Group) -> bool:
    """A group the first pass can scan for: letters, no regex, no quotation marks."""
    return all(s and not s.startswith("~") and not _punctuation(s) for s in group)


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


_LITERAL = r"(?:\\.|[^.\\*+?()\[\]{}|^$])*"


def _glob_stem(rx: re.Pattern[str]) -> str | None:
    """The longest literal piece of a glob, if long enough.

    ``prostitu.*`` → ``prostitu``; ``.*sekswerkers`` → ``sekswerkers``: every word the
    glob matches contains that piece, so scanning for it never under-selects.
    """
    pieces = rx.pattern.split(".*")
    if len(pieces) > 1 and all(re.fullmatch(_LITERAL, p) for p in pieces):
        stem = max((re.sub(r"\\(.)", r"\1", p) for p in pieces), key=len)
    else:
        m = re.match(f"^({_LITERAL})", rx.pattern)
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
    from stigmalint.text.morph import forms_of

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


def _anchor_group(lex: Lexicon, name: str, surface: SurfaceForms) -> Group | None:
    from stigmalint.rules.patterns import WordTest

    aset = lex.anchors[name]
    return _test_stems(WordTest(frozenset(aset.literals), tuple(aset.regexes)), surface)


def triggers_of(entry: Entry, lex: Lexicon, surface: SurfaceForms) -> list[Trigger]:
    """The triggers of one entry; an empty trigger means "cannot be pre-scanned"."""
    if entry.phrases:
        base = [_phrase_trigger(ph.parts, surface) for ph in entry.phrases]
    else:
        g = _term_group(entry, lex.nouns, surface)
        base = [(g,) if g else ()]
    extra: list[Group] = []
    for name in entry.context.requires:
        ag = _anchor_group(lex, name, surface)
        if ag:
            extra.append(ag)
    out = []
    for t in base:
        trig = t + tuple(extra)
        out.append(trig if any(_strong(g) for g in trig) else ())
    return out


def _follow_stems(lex: Lexicon, surface: SurfaceForms, cost: StemCost) -> tuple[set[str], set[str]]:
    """Stems of the words of `context.previous` entries, and of the anchors they need.

    Such a word is worth a look in any sentence whose previous sentence may hold one
    of those anchors; the matcher then decides with both sentences in one Doc. The
    words of entries with an exception that reads the sentences before (`previous`
    under `unless`) are here too, so that their Doc starts before their sentence.
    """
    terms: set[str] = set()
    anchors: set[str] = set()
    for e in lex.entries:
        # an exception that looks at the sentences before needs them in the Doc as well
        if not e.context.previous and not any(u.previous for u in e.unless):
            continue
        if e.phrases:
            # per phrase its rarest group ("klant" in "als een klant … hij"), as the pre-scan's
            # keys do: a frequent one ("als") would send every sentence of every text here
            trigs = [_phrase_trigger(ph.parts, surface) for ph in e.phrases]
            groups = [
                min((g for g in t if _keyable(g)), key=cost.group)
                for t in trigs
                if any(_keyable(g) for g in t)
            ]
        else:
            g = _term_group(e, lex.nouns, surface)
            groups = [g] if g else []
        for g in groups:
            if _keyable(g):
                terms |= set(g)
        for name in e.context.previous_requires or e.context.requires:
            ag = _anchor_group(lex, name, surface)
            anchors |= {s for s in ag or () if not s.startswith("~")}
    return terms, anchors


_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_HYPHEN_BEFORE_LETTER = re.compile(r"-(?=\w)")  # a literal first: the engine jumps to it
_HYPHEN_TAIL = re.compile(r"(?:-\w+)+")


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one, so that offsets stay valid (a few
    characters become two in lower case, "İ"; they are kept as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _other_sentences(
    text: str, offsets: Iterable[int], have: set[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The sentences around ``offsets``, each once, except those in ``have``."""
    seen: set[tuple[int, int]] = set()
    for pos in offsets:
        sent = sentence_around(text, pos)
        if sent is not None and sent not in have and sent not in seen:
            seen.add(sent)
            yield sent


def _hyphenated_words(low: str) -> list[tuple[int, str]]:
    r"""Words with an inner hyphen and their offsets. Found from the hyphens outwards: a
    regex such as ``\w+(?:-\w+)+`` retries at every letter of every word (a third of a
    second per 70,000 words)."""
    out: list[tuple[int, str]] = []
    last = -1
    for m in _HYPHEN_BEFORE_LETTER.finditer(low):
        h = m.start()
        if h < last or not h or not (low[h - 1].isalnum() or low[h - 1] == "_"):
            continue  # a later hyphen of the same word, or no word before it
        i = h
        while i > 0 and (low[i - 1].isalnum() or low[i - 1] == "_"):
            i -= 1
        end = _HYPHEN_TAIL.match(low, h).end()  # type: ignore[union-attr]
        out.append((i, low[i:end]))
        last = end
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
    """Finds candidate sentences in two passes, so that clean text costs one regex scan.

    Every trigger has at least one *strong* group (stems of four letters or more); one
    of them is its *key*. The first pass looks only for key stems, which are rare in
    ordinary prose; a text without any leaves at once, without even being split into
    sentences. Only sentences with a key hit get the second pass: all stems (including
    short, frequent ones such as "van" or "kom") and the trigger checks.
    """

    regex: re.Pattern[str] | None
    triggers: list[tuple[int, ...]]  # each trigger: ids of the stem groups it needs
    stem_groups: dict[str, frozenset[int]]  # stem → ids of the groups it satisfies
    everything: bool = False  # some entry has no usable trigger: every sentence goes through
    regex_groups: dict[int, re.Pattern[str]] = field(default_factory=dict)
    key_regex: re.Pattern[str] | None = None  # the key stems of all triggers
    by_key: dict[int, list[tuple[int, ...]]] = field(default_factory=dict)  # key → triggers
    longest: int = 0  # longest stem, in characters
    # Triggers of `scope: image` entries ("geld … bh"): they only count in image blocks.
    image_triggers: list[tuple[int, ...]] = field(default_factory=list)
    image_by_key: dict[int, list[tuple[int, ...]]] = field(default_factory=dict)
    key_plain: re.Pattern[str] | None = None  # key_regex without accent classes (faster)
    key_longest: int = 0
    spaceless: bool = False  # no stem contains white space
    plain_regex: re.Pattern[str] | None = None  # regex without accent classes
    # Entries whose context may come from the sentences before (`context.previous`):
    # the stems of their words, and of the anchors they need there.
    follow_stems: frozenset[str] = frozenset()  # scanned for with the keys, in one pass
    follow_anchors: re.Pattern[str] | None = None
    # per stem the key scan can report, what it is (or extends): bits _KEY, _FOLLOW, _IMAGE
    key_kinds: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> Prescanner:
        from stigmalint.nlp.tables import lemma_tables

        t = lemma_tables()
        lookup = dict(t.lookup.items())  # read whole once, for both uses
        surface = SurfaceForms(lookup, t.exc, t.rules, wanted_literals(lex))
        cost = StemCost(lookup)
        group_ids: dict[Group, int] = {}
        triggers: list[tuple[int, ...]] = []
        image_triggers: list[tuple[int, ...]] = []
        everything = False
        follow_terms, follow_anchors = _follow_stems(lex, surface, cost)
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
        rx = re.compile(f"(?=({trie_regex(stems, _ACCENT_CLASSES)}))") if stems else None
        # The key of a trigger: the group of it that is rarest in ordinary text. Any group
        # will do for correctness (a trigger needs all of them), but a frequent key sends
        # every other sentence of a clean text to the second pass.
        groups = {gid: g for g, gid in group_ids.items()}
        key_stems: set[str] = set()  # keys of triggers of any block
        image_keys: set[str] = set()  # keys of the triggers of image rules

        def index(
            trigs: list[tuple[int, ...]], stems_of_keys: set[str]
        ) -> dict[int, list[tuple[int, ...]]]:
            out: dict[int, list[tuple[int, ...]]] = {}
            for ids in trigs:
                usable = [g for g in ids if _keyable(groups[g])]
                key = min(usable, key=lambda g: (cost.group(groups[g]), g))
                out.setdefault(key, []).append(ids)
                stems_of_keys.update(groups[key])
            return out

        by_key, image_by_key = index(triggers, key_stems), index(image_triggers, image_keys)
        # The `context.previous` stems are found in the same pass as the keys.
        scanned = key_stems | image_keys | follow_terms
        kinds = ((_KEY, key_stems), (_FOLLOW, follow_terms), (_IMAGE, image_keys))
        key_kinds = {
            st: sum(bit for bit, of in kinds if any(st.startswith(k) for k in of)) for st in scanned
        }
        key_rx = re.compile(f"(?=({trie_regex(scanned, _ACCENT_CLASSES)}))") if scanned else None
        key_plain = re.compile(f"(?=({trie_regex(scanned)}))") if scanned else None
        longest = max((len(s) for s in stems), default=0)
        key_longest = max((len(s) for s in scanned), default=0)
        return cls(
            rx,
            triggers,
            closed,
            everything,
            regex_groups,
            key_regex=key_rx,
            by_key=by_key,
            longest=longest,
            image_triggers=image_triggers,
            image_by_key=image_by_key,
            key_plain=key_plain,
            key_longest=key_longest,
            spaceless=not any(c.isspace() for st in stems for c in st),
            plain_regex=re.compile(f"(?=({trie_regex(stems)}))") if stems else None,
            follow_stems=frozenset(follow_terms),
            key_kinds=key_kinds,
            follow_anchors=re.compile(trie_regex(follow_anchors, _ACCENT_CLASSES))
            if follow_anchors
            else None,
        )

    def _scan(self, low: str, scope: str) -> tuple[list[int], list[int]]:
        """Where key stems (for a block of ``scope``) and `context.previous` stems start
        in ``low``: one pass.

        Accented letters are rare, and the accent classes make the regex much slower:
        the plain regex finds every hit without an accented letter in it, and only the
        stretches around accented letters are searched with the accent-tolerant one.
        """
        if self.key_regex is None or self.key_plain is None:
            return [], []
        hits = [(m.start(), m.group(1)) for m in self.key_plain.finditer(low)]
        if not low.isascii():
            span = self.key_longest
            extra = []
            for a in _ACCENTED_RX.finditer(low):
                p = a.start()
                for m in self.key_regex.finditer(low, max(0, p - span + 1), p + span):
                    if m.start() <= p < m.start() + len(m.group(1)):
                        extra.append((m.start(), m.group(1)))
            if extra:
                hits = sorted(set(hits).union(extra))
        keys: list[int] = []
        follows: list[int] = []
        wanted = _KEY | _IMAGE if scope == "image" else _KEY
        for pos, stem in hits:
            kind = self._kind(stem)
            if kind & wanted and (not keys or keys[-1] != pos):
                keys.append(pos)
            if kind & _FOLLOW and (not follows or follows[-1] != pos):
                follows.append(pos)
        return keys, follows

    def _kind(self, stem: str) -> int:
        if not stem.isascii():
            stem = stem.translate(_DEACCENT)
        kind = self.key_kinds.get(stem)
        if kind is None:  # not a stem as such: what its stem prefixes are (both, if none)
            kinds = self.key_kinds
            kind = next(
                (kinds[stem[:n]] for n in range(len(stem), 0, -1) if stem[:n] in kinds),
                _KEY | _FOLLOW | _IMAGE,
            )
        return kind

    def _groups_of(self, stem: str) -> frozenset[int]:
        if not stem.isascii():
            stem = stem.translate(_DEACCENT)
        ids = self.stem_groups.get(stem)
        if ids is None:  # the trie matched a longer string: use its longest stem prefix
            groups = self.stem_groups
            ids = next(
                (groups[stem[:n]] for n in range(len(stem), 0, -1) if stem[:n] in groups),
                frozenset(),
            )
        return ids

    def _present(self, low: str, s: int, e: int) -> set[int]:
        """Ids of the stem groups found in the sentence ``low[s:e]``."""
        present: set[int] = set()
        if self.regex is None:
            return present
        if self.spaceless:
            # A sentence ends before white space (or the end of the text), so a stem
            # without white space never runs past it: the distinct stems found inside
            # the sentence are all that matters, collected in C. Without accented letters
            # in the sentence the plain regex finds the same, faster.
            rx = self.regex
            if self.plain_regex is not None and not _ACCENTED_RX.search(low, s, e):
                rx = self.plain_regex
            for stem in set(rx.findall(low, s, e)):
                present |= self._groups_of(stem)
            return present
        # A stem that starts in the sentence is seen whole, as in a scan of the full text.
        for m in self.regex.finditer(low, s, min(len(low), e + self.longest)):
            if m.start() >= e:
                break
            present |= self._groups_of(m.group(1))
        return present

    def candidate_sentences(self, text: str, scope: str = "any") -> list[tuple[int, int]]:
        """Sentence ranges of ``text`` (a block of ``scope``) that must go through the pipeline."""
        return [(s, e) for _, s, e in self.candidate_docs(text, scope)]

    def needs_pipeline(self, text: str, scope: str = "any") -> bool:
        """Has ``text`` any candidate sentence? Stops at the first one found."""
        return bool(self.candidate_docs(text, scope, first_only=True))

    def candidate_docs(
        self, text: str, scope: str = "any", *, first_only: bool = False
    ) -> list[tuple[int, int, int]]:
        """Each candidate sentence as ``(start of its Doc, its own start, end)``.

        The matcher reads a compound written with a hyphen as the whole word
        ("escort-meisjes" is "escortmeisjes"), whose stem the hyphen hides from the scan;
        so the words around such hyphens are scanned once more without them. A sentence
        holding a `context.previous` word ("… tien sekswerkers. De dames zijn
        zelfstandig.") is a candidate when a sentence before may hold its anchor, and
        its Doc starts with that sentence; the caller keeps only the sentence's own
        findings.
        """
        low = _lower(text)
        keys, follows = self._scan(low, scope)
        if self.everything:
            found = sentence_spans(text)
        else:
            found = self._candidates(text, scope, low, keys, first_only=first_only)
            if first_only and found:
                return [(s, s, e) for s, e in found]
            if follows:
                found = self._with_followers(text, low, follows, found)
            if "-" in text:
                found = self._with_hyphenated(text, low, scope, found)
        if not follows:
            return [(s, s, e) for s, e in found]
        out = []
        for s, e in found:
            i = bisect_left(follows, s)
            start = s
            if i < len(follows) and follows[i] < e:
                start = self._context_start(text, s)
            out.append((start, s, e))
        return out

    def _context_start(self, text: str, s: int) -> int:
        """Where the Doc of a sentence with a `context.previous` word starts: with every
        sentence before it that counts. Not only the nearest one with an anchor: a sentence
        further back may hold what `excludes` forbids ("Een minderjarig meisje van zestien
        werd aangetroffen. Zij werkte als escortmeisje. Het meisje is in veiligheid.")."""
        before = context_sentences(text, s)
        return before[-1][0] if before else s

    def _with_hyphenated(
        self, text: str, low: str, scope: str, found: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        hidden = self._hidden_by_hyphens(low)
        if not hidden:
            return found
        have = set(found)
        for sent in _other_sentences(text, hidden, have):
            s, e = sent
            joined = _WORD_HYPHEN.sub("", text[s:e])
            jlow = _lower(joined)
            if self._candidates(joined, scope, jlow, self._scan(jlow, scope)[0]):
                have.add(sent)
        return sorted(have)

    def _with_followers(
        self, text: str, low: str, follows: list[int], found: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Add sentences with a `context.previous` word whose previous sentences (up to
        PREVIOUS_SENTENCES) may hold its anchor ("In de club werken tien sekswerkers. De
        dames zijn zelfstandig.")."""
        if self.follow_anchors is None:
            return found
        have = set(found)
        for sent in _other_sentences(text, follows, have):
            if any(self.follow_anchors.search(low, *p) for p in context_sentences(text, sent[0])):
                have.add(sent)
        return sorted(have) if len(have) != len(found) else found

    def _hidden_by_hyphens(self, low: str) -> list[int]:
        """Offsets of the words whose hyphen splits a stem ("escort-meisjes").

        Cheap: the words with an inner hyphen are joined into one string and scanned
        once; a word counts when a stem found there runs across one of its removed
        hyphens. Only the sentences holding such words are scanned a second time.
        """
        if self.regex is None:
            return []
        words = _hyphenated_words(low)
        if not words:
            return []
        pieces: list[str] = []
        owner: list[int] = []  # per character of the joined string: its word's offset
        seams: set[int] = set()  # positions in the joined string where a hyphen was
        pos = 0
        for start, word in words:
            for part_i, part in enumerate(word.split("-")):
                if part_i:
                    seams.add(pos)
                pieces.append(part)
                owner.extend([start] * len(part))
                pos += len(part)
            pieces.append(" ")
            owner.append(-1)
            pos += 1
        joined = "".join(pieces)
        hidden = []
        for m in self.regex.finditer(joined):
            a, b = m.start(1), m.end(1)
            if any(x in seams for x in range(a + 1, b)):
                hidden.append(owner[a])
        return sorted(set(hidden))

    def _candidates(
        self, text: str, scope: str, low: str, keys: list[int], *, first_only: bool = False
    ) -> list[tuple[int, int]]:
        """The sentences around key hits (``keys``, offsets in ``low``, the text in lower
        case) in which some trigger is satisfied."""
        indexes = (self.by_key, self.image_by_key) if scope == "image" else (self.by_key,)
        # Only the sentences around key hits are looked at, found locally: a long block
        # with one key hit is not split into sentences whole.
        out = []
        end = -1
        for k in keys:
            if k < end:
                continue  # in the sentence just looked at
            sent = sentence_around(text, k)
            if sent is None:
                continue
            s, end = sent
            present = self._present(low, s, end)
            if any(
                self._satisfied(trig, present, low, s, end)
                for g in present
                for by_key in indexes
                for trig in by_key.get(g, ())
            ):
                out.append(sent)
                if first_only:
                    break
        return out

    def _satisfied(
        self, trig: tuple[int, ...], present: set[int], low: str, s: int, e: int
    ) -> bool:
        for g in trig:
            if g in present:
                continue
            rx = self.regex_groups.get(g)
            lo = max(0, s - 1)  # one character of left context, for look-behinds
            if rx is None or not rx.search(low[lo:e].translate(_DEACCENT), s - lo):
                return False
        return True

    def has_candidates(self, text: str) -> bool:
        return bool(self.candidate_sentences(text))
