"""The Dutch lemma tables of spacy-lookups-data, loaded once per process.

spacy-lookups-data ships them as gzipped JSON; parsing them is the largest part of
stigmalint's start-up. The parsed tables are therefore cached as a pickle in the
user's cache folder (keyed by the spacy-lookups-data version) and read from there
on later runs. The rule-mode ``lemma_index`` lists become sets here: spaCy tests
``form in index`` against lists, which is a linear scan over 161k nouns per
unknown word (see ``../shared/guidance/spacy-nl.md``, a 67× difference).
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from stigmalint.util import package_version, write_cache

POS = ("noun", "verb", "adj")
_CACHE_FORMAT = 2


@dataclass
class LemmaTables:
    lookup: dict[str, str]
    index: dict[str, frozenset[str]]
    exc: dict[str, dict[str, list[str]]]
    rules: dict[str, list[tuple[str, str]]]

    def is_word(self, word: str) -> bool:
        """Is ``word`` a known Dutch word form (used to choose compound splits)?"""
        return word in self.lookup or any(word in idx for idx in self.index.values())


def cache_dir() -> Path:
    explicit = os.environ.get("STIGMALINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "stigmalint"


def lookups_version() -> str:
    return package_version("spacy_lookups_data")


def _read_json(name: str) -> Any:
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"nl_{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _load_from_package() -> LemmaTables:
    lookup: dict[str, str] = _read_json("lemma_lookup")
    raw_index = _read_json("lemma_index")
    raw_exc = _read_json("lemma_exc")
    raw_rules = _read_json("lemma_rules")
    index = {p: frozenset(raw_index.get(p, [])) for p in POS}
    exc = {p: {k: list(v) for k, v in raw_exc.get(p, {}).items()} for p in POS}
    rules = {p: [(str(o), str(n)) for o, n in raw_rules.get(p, [])] for p in POS}
    return LemmaTables(lookup, index, exc, rules)


@lru_cache(maxsize=1)
def lemma_tables() -> LemmaTables:
    cache = cache_dir() / f"nl-lemma-tables-{lookups_version()}-v{_CACHE_FORMAT}.pickle"
    try:
        with cache.open("rb") as fh:
            tables = pickle.load(fh)
        if isinstance(tables, LemmaTables):
            return tables
    except Exception:
        pass
    tables = _load_from_package()
    write_cache(cache, tables)
    return tables
