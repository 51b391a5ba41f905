"""Tokenizer fixes for Dutch government prose.

The blank Dutch tokenizer keeps these glued together, so a lexicon word inside
them is never seen (measured in ``../shared/guidance/spacy-nl.md``):

* footnote markers: ``verstuurd.2``, ``prostituee2``, ``prostituees(3``, ``hoerenlopers[4``;
* slashes and dashes between words: ``sekswerker/prostituee``, ``2019—volgens``.

It also splits the inclusive spelling ``prostitué(e)s`` into five tokens and
``programma’s`` into two; both stay one word here.

The tokenizer is built once through a registered factory: assigning new
suffix/infix rules to an existing spaCy tokenizer reloads its ~4,700 Dutch special
cases each time. Even loading them once costs about a second on a slow machine
(each one creates lexemes and is tokenized for the special-case matcher), which is
most of what checking a short file with one finding costs. Nearly all of them are
abbreviations with a full stop ("bijv.", "o.a.", "Arr.r.v.st."), and a special case
can only change the tokens of a text that contains its string, so
:class:`DutchTokenizer` adds those when a text first contains them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

_LETTER = r"[^\W\d_]"
EXTRA_SUFFIXES = (
    r"(?<=[a-z]{2}\.)\d{1,3}$",  # footnote after a full stop: verstuurd.2
    rf"(?<={_LETTER}{{4}})\d{{1,2}}$",  # footnote glued to a word: prostituee2
    rf"(?<={_LETTER})[\(\[]\d{{1,3}}[\)\]]?$",  # prostituees(3  hoerenlopers[4]
)
EXTRA_INFIXES = (
    rf"(?<={_LETTER})/(?={_LETTER})",  # sekswerker/prostituee
    r"(?<=\w)[—–](?=\w)",  # 2019—volgens
    rf"(?<={_LETTER})&(?={_LETTER})",
)
# One word each: prostitué(e)s and medewerk(st)er (inclusive spelling), and plurals
# with a typographic apostrophe, uitstapprogramma’s (the default splits off ’s).
TOKEN_MATCH = re.compile(
    rf"^{_LETTER}+\({_LETTER}{{1,3}}\){_LETTER}*$|^{_LETTER}+[’'](s|tje|tjes|je|jes)$"
)
TOKENIZER_NAME = "stigmalint.dutch_tokenizer.v1"


_DOTTED_CHUNK = re.compile(r"\S*\.\S*")


class DutchTokenizer(Tokenizer):
    """spaCy's tokenizer, with the special cases that contain a full stop added on demand.

    spaCy applies a special case only where its exact string occurs in the text
    (a whitespace-free chunk, or what is left of it after affixes are split off),
    so adding, before each text, the dotted special cases that occur in it gives the
    same tokens as loading all of them up front. ``tests/test_tokenizer.py`` checks
    that on every special case.
    """

    def __init__(self, vocab: Any, rules: Mapping[str, Any] | None = None, *args: Any, **kw: Any):
        rules = dict(rules or {})
        self._pending = {k: v for k, v in rules.items() if "." in k}
        self._longest = max(map(len, self._pending), default=0)
        self._seen: set[str] = set()
        super().__init__(vocab, {k: v for k, v in rules.items() if "." not in k}, *args, **kw)

    def _add_needed(self, text: str) -> None:
        pending, seen, longest = self._pending, self._seen, self._longest
        for m in _DOTTED_CHUNK.finditer(text):
            chunk = m.group()
            if chunk in seen:
                continue
            if len(seen) < 200_000:
                seen.add(chunk)
            n = len(chunk)
            for a in range(n):
                for b in range(a + 2, min(n, a + longest) + 1):
                    key = chunk[a:b]
                    if key in pending:
                        self.add_special_case(key, pending.pop(key))

    def __call__(self, text: str) -> Any:
        if self._pending:
            self._add_needed(text)
        return super().__call__(text)

    def explain(self, text: str) -> Any:
        if self._pending:
            self._add_needed(text)
        return super().explain(text)


def _sources(entries: Any) -> list[str]:
    """Rule strings (spaCy's lists may hold compiled patterns), blank ones dropped."""
    out = [e.pattern if isinstance(e, re.Pattern) else str(e) for e in entries or ()]
    return [e for e in out if e.strip()]


def affix_expressions(nlp: Language) -> tuple[str, str, str]:
    """The prefix, suffix and infix expressions, joined as ``spacy.util.compile_*_regex`` do."""
    d = nlp.Defaults
    return (
        "|".join("^" + p for p in _sources(d.prefixes)),
        "|".join(p + "$" for p in _sources([*(d.suffixes or []), *EXTRA_SUFFIXES])),
        "|".join(_sources([*(d.infixes or []), *EXTRA_INFIXES])),
    )


def _affix_regexes(nlp: Language) -> tuple[re.Pattern[str], ...]:
    """Compiled affix rules, from the start-up cache: compiling spaCy's Dutch affix
    classes (large Unicode character sets) takes a quarter of a second per process,
    the largest part of building the pipeline after spaCy's own import."""
    import zlib

    from stigmalint import startup

    sources = affix_expressions(nlp)
    stamp = "\0".join(sources)
    key = startup.cache_key(
        "affixes", f"{len(stamp)}:{zlib.crc32(stamp.encode('utf-8', 'surrogatepass'))}"
    )

    def build() -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(s) for s in sources)

    found = startup.cached("affixes", key, build, tuple)
    if tuple(rx.pattern for rx in found) != sources:  # pragma: no cover - checksum clash
        return build()
    return found


def build_tokenizer(nlp: Language) -> Tokenizer:
    d = nlp.Defaults
    prefix_re, suffix_re, infix_re = _affix_regexes(nlp)
    return DutchTokenizer(
        nlp.vocab,
        rules=d.tokenizer_exceptions,
        prefix_search=prefix_re.search,
        suffix_search=suffix_re.search,
        infix_finditer=infix_re.finditer,
        token_match=TOKEN_MATCH.match,
        url_match=d.url_match,
    )


@registry.tokenizers(TOKENIZER_NAME)
def create_dutch_tokenizer() -> Callable[[Language], Tokenizer]:
    return build_tokenizer


def customise_tokenizer(nlp: Language) -> None:
    """Give a loaded pipeline (e.g. nl_core_news_sm) the same tokenizer fixes."""
    nlp.tokenizer = build_tokenizer(nlp)
