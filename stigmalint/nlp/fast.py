"""The embedded default pipeline without importing spaCy: same tokens, same lemmas, same matches.

The default pipeline (``spacy.blank("nl")`` + tokenizer fixes + lookup lemmatizer +
lemma candidates) uses spaCy for two things only: splitting text into tokens, and
looking each token up in the lemma table. Everything after that (candidates,
matching, suggestions, filters) is stigmalint's own Python. Yet ``import spacy``
alone takes 1.3–1.7 s on the project's machine and building the Dutch tokenizer
(its ~4,700 special cases) another second: far more than checking a short file.

This module replays spaCy's tokenizer algorithm (``Tokenizer.__call__`` in
``spacy/tokenizer.pyx``: whitespace runs, special cases, prefixes, suffixes,
infixes, URL and token matches, then the special-case matcher) over the very same
rules, which are taken from spaCy once (:func:`extract`, via
:func:`stigmalint.nlp.tokenizer.tokenizer_rules`) and cached with their regexes
pre-compiled. The lookup lemma is ``lemma_lookup.get(text.lower())``, as in
spaCy's ``DutchLemmatizer.lookup_lemmatize``; ``like_url``/``like_email`` follow
``spacy/lang/lex_attrs.py`` (MIT, Explosion AI). ``tests/test_fast_pipeline.py``
compares tokens, lemmas and findings with the spaCy pipeline on real text, so any
drift after a spaCy upgrade fails the tests; the cache is keyed by spaCy's version.

It is used for the embedded default only; with ``nl_core_news_sm`` (its own
tokenizer, POS and lemmas) the engine runs the real spaCy pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from stigmalint.findings import Finding
from stigmalint.matching.matcher import Matcher
from stigmalint.matching.tokens import Tok
from stigmalint.nlp.tables import LemmaTables
from stigmalint.rules.model import Lexicon
from stigmalint.text.fold import fold

_FORMAT = 1  # bump when the extracted data or the algorithm here changes
_RUNS = re.compile(r"\S+|\s+")  # \s is str.isspace, which is what spaCy splits on
_WORD_SPACE = re.compile(r"(\S+)(\s*)")
T = TypeVar("T", str, "str | None")
# A chunk's tokens as (offset, text), and the indices of those that start a special case.
Chunk = tuple[tuple[tuple[int, str], ...], tuple[int, ...]]


@dataclass
class TokenizerData:
    """spaCy's Dutch tokenizer rules as plain data (picklable; regexes stay compiled)."""

    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    infix: re.Pattern[str]
    token_match: re.Pattern[str]
    url_match: re.Pattern[str] | None
    specials: dict[str, tuple[str, ...]]  # special case → its token texts
    # The special-case matcher: first token text → [(token texts to find, special case)]
    matcher: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    tlds: frozenset[str] = frozenset()  # for like_url
    url_lexattr: re.Pattern[str] | None = None  # spaCy's URL_MATCH, for like_url
    email: re.Pattern[str] | None = None  # for like_email


def extract() -> TokenizerData:
    """Take the rules from spaCy (imports spaCy; the result is cached by the caller)."""
    import spacy.lang.lex_attrs as lex_attrs
    from spacy.attrs import ORTH, intify_attrs
    from spacy.lang.nl import Dutch

    from stigmalint.nlp.tokenizer import tokenizer_rules

    def intify(pieces: Iterable[dict[Any, Any]]) -> list[dict[int, Any]]:
        return [intify_attrs(p, _do_deprecated=True) for p in pieces]

    r = tokenizer_rules(Dutch.Defaults)
    url = getattr(r.url_match, "__self__", None)
    specials = {k: tuple(str(p[ORTH]) for p in intify(v)) for k, v in r.exceptions.items()}
    data = TokenizerData(
        r.prefix,
        r.suffix,
        r.infix,
        r.token_match,
        url if isinstance(url, re.Pattern) else None,
        specials,
        tlds=frozenset(lex_attrs._tlds),
        url_lexattr=getattr(lex_attrs.URL_MATCH, "__self__", None),
        email=getattr(lex_attrs._like_email, "__self__", None),
    )
    # As Tokenizer.add_special_case does (with faster_heuristics): a special case that
    # contains an affix or a space is also searched for across tokens, as the token
    # sequence the rules alone would produce for it.
    plain = FastTokenizer(data, specials=False)
    for string in sorted(specials):
        if (
            plain._prefix_len(string)
            or plain._infixes(string)
            or plain._suffix_len(string)
            or " " in string
        ):
            pieces = tuple(t for _, t in plain.tokens(string))
            if pieces:
                data.matcher.setdefault(pieces[0], []).append((pieces, string))
    return data


class FastTokenizer:
    """spaCy's tokenizer algorithm over :class:`TokenizerData`; a pure function of the text."""

    def __init__(self, data: TokenizerData, *, specials: bool = True) -> None:
        self.d = data
        self.specials = data.specials if specials else {}
        # The first tokens of the special-case matcher's sequences (none without specials).
        self._firsts: frozenset[str] = frozenset(data.matcher) if specials else frozenset()
        self._cache: dict[str, Chunk] = {}

    # -- affixes, as Tokenizer.find_prefix/find_suffix/find_infix ----------------------

    def _prefix_len(self, s: str) -> int:
        m = self.d.prefix.search(s)
        return m.end() - m.start() if m else 0

    def _suffix_len(self, s: str) -> int:
        m = self.d.suffix.search(s)
        return m.end() - m.start() if m else 0

    def _infixes(self, s: str) -> list[re.Match[str]]:
        return list(self.d.infix.finditer(s))

    def _token_match(self, s: str) -> bool:
        return bool(self.d.token_match.match(s))

    # -- one whitespace-delimited chunk: Tokenizer._tokenize ---------------------------

    def _split_affixes(self, s: str) -> tuple[list[str], str, list[str]]:
        specials = self.specials
        prefixes: list[str] = []
        suffixes: list[str] = []
        last = 0
        while s and len(s) != last:
            if self._token_match(s) or s in specials:
                break
            last = len(s)
            pre_len = self._prefix_len(s)
            prefix = minus_pre = ""
            if pre_len:
                prefix, minus_pre = s[:pre_len], s[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(prefix)
                    s = minus_pre
                    break
            suf_len = self._suffix_len(s[pre_len:])
            suffix = minus_suf = ""
            if suf_len:
                suffix, minus_suf = s[-suf_len:], s[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(suffix)
                    s = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(s):
                s = s[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                s = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                s = minus_suf
                suffixes.append(suffix)
        return prefixes, s, suffixes

    def _core(self, s: str) -> list[str]:
        """Tokenizer._attach_tokens for the part between the affixes."""
        if not s:
            return []
        special = self.specials.get(s)
        if special is not None:
            return list(special)
        url = self.d.url_match
        if self._token_match(s) or (url is not None and url.match(s)):
            return [s]
        matches = self._infixes(s)
        if not matches:
            return [s]
        out: list[str] = []
        start = 0
        for m in matches:
            a, b = m.start(), m.end()
            if a == 0:
                continue
            if a != start:
                out.append(s[start:a])
            if a != b:
                out.append(s[a:b])
            start = b
        if s[start:]:
            out.append(s[start:])
        return out

    def _chunk(self, chunk: str) -> Chunk:
        """The tokens of one chunk, and which of them can start a special-case match."""
        hit = self._cache.get(chunk)
        if hit is not None:
            return hit
        special = self.specials.get(chunk)
        if special is not None:
            pieces = list(special)
        else:
            prefixes, core, suffixes = self._split_affixes(chunk)
            pieces = [*prefixes, *self._core(core), *reversed(suffixes)]
        out = []
        offset = 0
        for p in pieces:
            out.append((offset, p))
            offset += len(p)
        firsts = tuple(k for k, p in enumerate(pieces) if p in self._firsts)
        result = (tuple(out), firsts)
        if len(self._cache) < 200_000:
            self._cache[chunk] = result
        return result

    # -- the whole text: Tokenizer._tokenize_affixes + _apply_special_cases ------------

    def tokens(self, text: str) -> list[tuple[int, str]]:
        """``(offset, text)`` of every token, white-space tokens included."""
        out: list[tuple[int, str]] = []
        starts: list[int] = []
        after_word = False
        for m in _RUNS.finditer(text):
            start, chunk = m.start(), m.group()
            if chunk[0].isspace():
                if after_word and chunk[0] == " ":  # one space belongs to the word before
                    start, chunk = start + 1, chunk[1:]
                after_word = False
                if not chunk:
                    continue
            else:
                after_word = True
            pieces, firsts = self._chunk(chunk)
            starts.extend(len(out) + k for k in firsts)
            for off, piece in pieces:
                out.append((start + off, piece))
        if starts:
            out = self._apply_special_cases(text, out, starts)
        return out

    def words(self, text: str) -> list[tuple[int, str]]:
        """The tokens of :meth:`tokens` without the white-space ones, found faster.

        One regex match per word and the white space after it. White-space tokens only
        matter to the special-case matcher, as separators (no special case spanning
        other tokens contains white space), so a run other than a single space becomes
        one separator, ``None``, dropped at the end.
        """
        out: list[tuple[int, str | None]] = []
        starts: list[int] = []
        chunk = self._chunk
        n = len(text)
        pos = 0
        while pos < n and text[pos].isspace():
            pos += 1
        if pos:
            out.append((0, None))
        for m in _WORD_SPACE.finditer(text, pos):
            start = m.start()
            pieces, firsts = chunk(m.group(1))
            if firsts:
                starts.extend(len(out) + k for k in firsts)
            if len(pieces) == 1:
                out.append((start, pieces[0][1]))
            else:
                for off, piece in pieces:
                    out.append((start + off, piece))
            space = m.group(2)
            if space and space != " ":
                out.append((m.end(1), None))
        if starts:
            out = self._apply_special_cases(text, out, starts)
        return [(o, t) for o, t in out if t is not None]

    def _apply_special_cases(
        self, text: str, toks: list[tuple[int, T]], starts: list[int]
    ) -> list[tuple[int, T]]:
        """``starts``: the tokens that begin some special case's token sequence."""
        patterns = self.d.matcher
        found: list[tuple[int, int]] = []
        for i in starts:
            for seq, _string in patterns.get(toks[i][1] or "", ()):
                n = len(seq)
                if i + n <= len(toks) and all(toks[i + k][1] == seq[k] for k in range(n)):
                    found.append((i, i + n))
        if not found:
            return toks
        # _filter_special_spans: longest first, then leftmost; a span is kept when its
        # first and last token are still free; every span marks its tokens as seen.
        found = sorted(set(found), key=lambda sp: (-(sp[1] - sp[0]), sp[0]))
        seen: set[int] = set()
        kept: list[tuple[int, int]] = []
        for a, b in found:
            if a not in seen and b - 1 not in seen:
                kept.append((a, b))
            seen.update(range(a, b))
        kept.sort()
        out: list[tuple[int, T]] = []
        i = 0
        for a, b in kept:
            out.extend(toks[i:a])
            start = toks[a][0]
            end = toks[b - 1][0] + len(toks[b - 1][1] or "")
            pieces = self.specials.get(text[start:end])
            if pieces is None:
                out.extend(toks[a:b])
            else:
                for p in pieces:
                    out.append((start, p))
                    start += len(p)
            i = b
        out.extend(toks[i:])
        return out

    # -- lexeme attributes, as spacy/lang/lex_attrs.py ---------------------------------

    def like_url(self, text: str) -> bool:
        if text.startswith(("http://", "https://")):
            return True
        if text.startswith("www.") and len(text) >= 5:
            return True
        if text[0] == "." or text[-1] == ".":
            return False
        if "@" in text or "." not in text:
            return False
        tld = text.rsplit(".", 1)[1].split(":", 1)[0]
        if tld.endswith("/"):
            return True
        if tld.isalpha() and tld in self.d.tlds:
            return True
        rx = self.d.url_lexattr
        return bool(rx is not None and rx.match(text))

    def like_email(self, text: str) -> bool:
        rx = self.d.email
        return bool(rx is not None and rx.match(text))


def build_matcher(lexicon: Lexicon, tables: LemmaTables) -> Matcher:
    """The matcher of the ``stigmalint`` component (shared so both paths are identical)."""
    from stigmalint.matching.compiled import CompiledLexicon

    def adjective_lemma(tok: Any) -> str | None:
        for p in ("adj",):
            for lem in tables.exc[p].get(tok.text.lower(), ()):
                return str(lem)
        looked = tables.lookup.get(tok.text.lower())
        return looked if looked and looked != tok.text.lower() else None

    return Matcher(CompiledLexicon.build(lexicon), tables.is_word, adjective_lemma)


class FastPipeline:
    """Findings for one text, as the blank spaCy pipeline + ``StigmaLinter.find`` give them."""

    def __init__(self, lexicon: Lexicon, tables: LemmaTables, tokenizer: FastTokenizer) -> None:
        from stigmalint.nlp.candidates import LemmaCandidates

        self.tokenizer = tokenizer
        self.lookup = tables.lookup
        self.candidates = LemmaCandidates(tables).candidates
        self.matcher = build_matcher(lexicon, tables)
        self._info_cache: dict[str, tuple[str, frozenset[str], bool]] = {}

    def _info(self, t: str) -> tuple[str, frozenset[str], bool]:
        """What a token's text determines: folded form, lemma candidates, URL/e-mail."""
        lower = t.lower()
        lemma = self.lookup.get(lower, lower)
        skip = self.tokenizer.like_url(t) or self.tokenizer.like_email(t)
        info = (fold(t), self.candidates(t, lemma if lemma != t else ""), skip)
        if len(self._info_cache) < 500_000:
            self._info_cache[t] = info
        return info

    def toks(self, text: str) -> list[Tok]:
        """The matchers' token view (``stigmalint.nlp.component.doc_tokens``)."""
        cache = self._info_cache
        out: list[Tok] = []
        for start, t in self.tokenizer.words(text):
            info = cache.get(t) or self._info(t)
            out.append(Tok(len(out), t, start, *info))
        return out

    def find(self, text: str, scope: str = "any") -> list[Finding]:
        return self.matcher.find(self.toks(text), text, scope)
