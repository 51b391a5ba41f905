"""Just enough Dutch noun morphology to match inflected forms and to inflect suggestions.

The lexicon lists lemmas (``hoer``); the matcher must also know ``hoeren``,
``hoertje`` and ``hoertjes``, and a suggestion for ``prostituees`` must come out as
``sekswerkers``. Regular Dutch plurals and diminutives follow a few spelling rules;
irregular ones are listed in ``lexicon/grammar.yaml`` (``nouns:``) or as ``forms``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stigmalint.rules.model import NounInfo

VOWELS = set("aeiouy")
_LONG_VOWELS = ("aa", "ee", "oo", "uu")
_DIPHTHONGS = ("ei", "ij", "ui", "oe", "ou", "au", "eu", "ie")


@dataclass(frozen=True)
class Forms:
    singular: str
    plural: str
    diminutive: str
    diminutive_plural: str

    def all(self) -> tuple[str, ...]:
        return (self.singular, self.plural, self.diminutive, self.diminutive_plural)


def _short_vowel_before(word: str) -> bool:
    """True when the last syllable has one short vowel before the final consonant (slet, snol)."""
    if len(word) < 2 or word[-1] in VOWELS:
        return False
    v = word[-2]
    if v not in VOWELS:
        return False
    before = word[-3] if len(word) >= 3 else ""
    return before not in VOWELS and v != "y"


def _schwa_ending(w: str) -> bool:
    """-el/-er/-em/-en after a consonant is an unstressed syllable (loper, deken)."""
    return len(w) > 3 and w[-2:] in ("el", "er", "em", "en") and w[-3] not in VOWELS


def pluralize(noun: str, nouns: Mapping[str, NounInfo] | None = None) -> str:
    info = (nouns or {}).get(noun)
    if info and info.plural:
        return info.plural
    w = noun
    if w.endswith("heid"):
        return w[:-4] + "heden"
    if w.endswith("ier") and len(w) > 5:
        return w + "s"  # pooier → pooiers (but bier → bieren)
    if _schwa_ending(w) or w.endswith(("je", "ee", "é", "aar", "eur")):
        return w + "s"
    if w.endswith("ie"):
        return w + "s" if len(w) > 4 and w[-3] in "tcgs" else w + "ën"
    if w.endswith("e"):
        return w + "s"
    if w[-1] in VOWELS:
        if w[-2:] in ("oi", "ei", "ui", "ai", "oy", "ay", "ey"):
            return w + ("s" if w[-1] == "y" else "en")
        return w + "'s"
    if w[-1] == "f" and (w[-2] in VOWELS or w.endswith("ijf")):
        w = w[:-1] + "v"
    elif w[-1] == "s" and (w[-2] in VOWELS or w.endswith("ijs")) and not w.endswith("es"):
        w = w[:-1] + "z"
    if w[-3:-1] in _LONG_VOWELS and w[-1] not in VOWELS:
        return w[:-2] + w[-1] + "en"  # bordeel → bordelen
    if _short_vowel_before(w):
        return w + w[-1] + "en"  # slet → sletten
    return w + "en"


def diminutive(noun: str) -> str:
    w = noun
    if w.endswith("je"):
        return w
    last = w[-1]
    if last in VOWELS:
        if w[-2:] in _LONG_VOWELS or w.endswith(("ie", "e")):
            return w + "tje"
        return w + last + "tje"  # oma → omaatje
    if last in "lnrw":
        if _short_vowel_before(w) and len(w) <= 5:
            return w + last + "etje"  # snol → snolletje
        return w + "tje"  # hoer → hoertje, pooier → pooiertje
    if last == "m":
        return w + ("metje" if _short_vowel_before(w) else "pje")
    if w.endswith("ng"):
        return w[:-1] + "kje"
    return w + "je"


def forms_of(noun: str, nouns: Mapping[str, NounInfo] | None = None) -> Forms:
    dim = diminutive(noun)
    return Forms(noun, pluralize(noun, nouns), dim, dim + "s")


def is_diminutive(form: str, lemma: str) -> bool:
    f = form[:-1] if form.endswith("s") else form
    return f.endswith(("je",)) and not lemma.endswith("je") and f != lemma


def number_of(form: str, lemma: str, nouns: Mapping[str, NounInfo] | None = None) -> str:
    """``"plural"`` or ``"singular"`` for a form (folded) of ``lemma``."""
    if form == lemma:
        return "singular"
    f = forms_of(lemma, nouns)
    if form in (f.plural, f.diminutive_plural):
        return "plural"
    if form in (f.diminutive,):
        return "singular"
    # Unknown spelling variant: judge by the ending.
    if form.endswith(("s", "en", "'s")) and not lemma.endswith(("s", "en")):
        return "plural"
    return "singular"


def inflect(noun: str, number: str, nouns: Mapping[str, NounInfo] | None = None) -> str:
    if number == "plural":
        info = (nouns or {}).get(noun)
        if (
            info is not None
            and info.plural is None
            and info.gender == "het"
            and noun.endswith("werk")
        ):
            return noun  # mass nouns (sekswerk) have no plural in practice
        return pluralize(noun, nouns)
    return noun


def gender_of(noun: str, nouns: Mapping[str, NounInfo] | None = None) -> str | None:
    """Gender of a (possibly compound) noun: the head decides, so try the longest known suffix."""
    table = nouns or {}
    for i in range(len(noun)):
        info = table.get(noun[i:])
        if info is not None and info.gender:
            return info.gender
    return None


def match_case(new: str, original: str) -> str:
    """Give ``new`` the capitalisation pattern of ``original`` (heading, sentence start…)."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if original[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def vowel_clash(left: str, right: str) -> bool:
    """Would ``left+right`` put two vowels together that Dutch spelling separates with a hyphen?"""
    if not left or not right:
        return False
    a, b = left[-1].lower(), right[0].lower()
    if a not in VOWELS or b not in VOWELS:
        return False
    return (a + b) in {
        "aa",
        "ae",
        "ai",
        "au",
        "ee",
        "ei",
        "eu",
        "ie",
        "oe",
        "oo",
        "ou",
        "ui",
        "uu",
        "ij",
    } or a == b


_PREFIX_HYPHEN = {"ex", "oud", "anti", "pro", "niet", "post", "pre", "non"}


def join_compound(prefix: str, middle: str, suffix: str) -> str:
    """Rebuild a compound after replacing its ``middle`` morpheme.

    A hyphen that only separated clashing vowels disappears when the clash does
    (prostitutie-instelling → sekswerkinstelling); prefix hyphens (ex-, oud-, and
    one-letter prefixes such as e-) stay; a new clash gets a hyphen.
    """

    def glue(left: str, right: str) -> str:
        if not left or not right or right == "-":
            return left + right
        if left.endswith("-"):
            bare = left[:-1]
            # a one-letter prefix (e-, x-) cannot stand without its hyphen: e-sekswerk
            keep = len(bare) == 1 or bare.lower() in _PREFIX_HYPHEN or vowel_clash(bare, right)
            return left + right if keep else bare + right
        if right.startswith("-"):
            bare = right[1:]
            return left + right if vowel_clash(left, bare) else left + bare
        return left + "-" + right if vowel_clash(left, right) else left + right

    return glue(glue(prefix, middle), suffix)
