"""Tokenizer fixes for Dutch government prose.

The blank Dutch tokenizer keeps these glued together, so a lexicon word inside
them is never seen (measured in ``../shared/guidance/spacy-nl.md``):

* footnote markers: ``verstuurd.2``, ``prostituee2``, ``prostituees(3``, ``hoerenlopers[4``;
* slashes and dashes between words: ``sekswerker/prostituee``, ``2019—volgens``.

It also splits the inclusive spelling ``prostitué(e)s`` into five tokens and
``programma’s`` into two; both stay one word here.

The tokenizer is built once through a registered factory: assigning new
suffix/infix rules to an existing spaCy tokenizer reloads its ~1,900 Dutch special
cases each time, which cost seconds of start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import BaseDefaults, Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

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


@dataclass(frozen=True)
class TokenizerRules:
    """Everything the tokenizer is made of; :mod:`stigmalint.nlp.fast` replays the same rules."""

    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    infix: re.Pattern[str]
    token_match: re.Pattern[str]
    url_match: Callable[[str], object] | None
    exceptions: dict[str, list[dict[int | str, str]]]


def tokenizer_rules(defaults: type[BaseDefaults]) -> TokenizerRules:
    d = defaults
    return TokenizerRules(
        compile_prefix_regex(d.prefixes or []),
        compile_suffix_regex([*(d.suffixes or []), *EXTRA_SUFFIXES]),
        compile_infix_regex([*(d.infixes or []), *EXTRA_INFIXES]),
        TOKEN_MATCH,
        d.url_match,
        dict(d.tokenizer_exceptions),
    )


def build_tokenizer(nlp: Language) -> Tokenizer:
    r = tokenizer_rules(nlp.Defaults)
    return Tokenizer(
        nlp.vocab,
        rules=r.exceptions,
        prefix_search=r.prefix.search,
        suffix_search=r.suffix.search,
        infix_finditer=r.infix.finditer,
        token_match=r.token_match.match,
        url_match=r.url_match,
    )


@registry.tokenizers(TOKENIZER_NAME)
def create_dutch_tokenizer() -> Callable[[Language], Tokenizer]:
    return build_tokenizer


def customise_tokenizer(nlp: Language) -> None:
    """Give a loaded pipeline (e.g. nl_core_news_sm) the same tokenizer fixes."""
    nlp.tokenizer = build_tokenizer(nlp)
