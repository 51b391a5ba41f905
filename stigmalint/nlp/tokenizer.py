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

from spacy.language import Language
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


def build_tokenizer(nlp: Language) -> Tokenizer:
    d = nlp.Defaults
    prefix_re = compile_prefix_regex(d.prefixes or [])
    suffix_re = compile_suffix_regex([*(d.suffixes or []), *EXTRA_SUFFIXES])
    infix_re = compile_infix_regex([*(d.infixes or []), *EXTRA_INFIXES])
    return Tokenizer(
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
