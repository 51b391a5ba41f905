"""The Dutch lemma tables of spacy-lookups-data, loaded a piece at a time.

spacy-lookups-data ships them as gzipped JSON: 213k form→lemma pairs, 202k known
lemmas and 13k irregular forms. Parsing them takes seconds, and even unpickling
them takes 0.3–0.5 s on the project's machine: more than everything else a check
of a short file needs. A file with one finding looks up a few dozen words.

So the parsed tables are cached once (keyed by the spacy-lookups-data version) as
one file of 4,096 *shards*: every word's record (its lookup lemma, the parts of
speech it is a known lemma of, its irregular lemmas) sits in the shard chosen by a
checksum of the word, and a shard is read only when a word in it is first asked
for. :class:`LemmaTables` keeps the dictionary-like interface the rest of the code
uses (``lookup``, ``index``, ``exc``, ``rules``); iterating a table reads it whole.

The rule-mode ``lemma_index`` lists are sets here (membership is a record lookup):
spaCy tests ``form in index`` against lists, a linear scan over 161k nouns per
unknown word (see ``../shared/guidance/spacy-nl.md``, a 67× difference).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from stigmalint.util import package_version, write_atomic

POS = ("noun", "verb", "adj")
_CACHE_FORMAT = 3
_SHARDS = 4096
_BITS = {p: 1 << i for i, p in enumerate(POS)}

# A word's record: (lookup lemma or None, POS bits of lemma_index, irregular lemmas per POS)
Record = tuple[str | None, int, tuple[tuple[str, ...] | None, ...]]


def _shard_of(word: str) -> int:
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) & (_SHARDS - 1)


class _Store:
    """Records of all words, read shard by shard from the cache file on first use."""

    def __init__(self, blob: Any, offsets: list[int]) -> None:
        self._blob = blob  # bytes or an mmap of the cache file
        self._offsets = offsets  # shard i is blob[offsets[i]:offsets[i + 1]]
        self._known: dict[str, Record] = {}
        self._absent: set[str] = set()
        self._loaded = bytearray(_SHARDS)
        self._complete = False

    def _load(self, shard: int) -> None:
        data = self._blob[self._offsets[shard] : self._offsets[shard + 1]]
        self._known.update(pickle.loads(data))
        self._loaded[shard] = 1

    def get(self, word: str) -> Record | None:
        rec = self._known.get(word)
        if rec is not None or self._complete or word in self._absent:
            return rec
        shard = _shard_of(word)
        if not self._loaded[shard]:
            self._load(shard)
            rec = self._known.get(word)
            if rec is not None:
                return rec
        if len(self._absent) < 500_000:
            self._absent.add(word)
        return None

    def everything(self) -> dict[str, Record]:
        if not self._complete:
            for shard in range(_SHARDS):
                if not self._loaded[shard]:
                    self._load(shard)
            self._complete = True
        return self._known


class _View(Mapping[str, Any]):
    """One of spaCy's tables as a read-only mapping over the records: ``pick`` takes a
    word's value out of its record (``None``: the word is not in this table)."""

    def __init__(self, store: _Store, pick: Callable[[Record], Any]) -> None:
        self._s, self._pick = store, pick

    def get(self, key: Any, default: Any = None) -> Any:
        rec = self._s.get(key) if isinstance(key, str) else None
        found = None if rec is None else self._pick(rec)
        return default if found is None else found

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def _items(self) -> dict[str, Any]:
        pick = self._pick
        return {w: v for w, r in self._s.everything().items() if (v := pick(r)) is not None}

    def items(self) -> Any:
        return self._items().items()

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())


def _lookup_of(rec: Record) -> str | None:
    """``lemma_lookup``: form → lemma."""
    return rec[0]


def _in_index(bit: int) -> Callable[[Record], bool | None]:
    """``lemma_index`` of one part of speech, used as a set (``word in index``)."""
    return lambda rec: True if rec[1] & bit else None


def _exc_of(i: int) -> Callable[[Record], list[str] | None]:
    """``lemma_exc`` of one part of speech: irregular form → lemmas."""

    def pick(rec: Record) -> list[str] | None:
        found = rec[2][i]
        return None if found is None else list(found)

    return pick


@dataclass
class LemmaTables:
    lookup: Mapping[str, str]
    index: dict[str, Mapping[str, bool]]  # used as sets: ``word in index["noun"]``
    exc: dict[str, Mapping[str, list[str]]]
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


def _records_from_package() -> tuple[dict[str, Record], dict[str, list[tuple[str, str]]]]:
    lookup: dict[str, str] = _read_json("lemma_lookup")
    raw_index = _read_json("lemma_index")
    raw_exc = _read_json("lemma_exc")
    raw_rules = _read_json("lemma_rules")
    bits: dict[str, int] = {}
    for p in POS:
        for word in raw_index.get(p, []):
            bits[word] = bits.get(word, 0) | _BITS[p]
    exc: dict[str, list[tuple[str, ...] | None]] = {}
    for i, p in enumerate(POS):
        for form, lemmas in raw_exc.get(p, {}).items():
            exc.setdefault(form, [None, None, None])[i] = tuple(lemmas)
    records: dict[str, Record] = {}
    none: tuple[None, ...] = (None, None, None)
    for word in {*lookup, *bits, *exc}:
        found = exc.get(word)
        records[word] = (lookup.get(word), bits.get(word, 0), tuple(found) if found else none)
    rules = {p: [(str(o), str(n)) for o, n in raw_rules.get(p, [])] for p in POS}
    return records, rules


def _write_shards(path: Path, records: dict[str, Record], rules: Any) -> None:
    shards: list[dict[str, Record]] = [{} for _ in range(_SHARDS)]
    for word, rec in records.items():
        shards[_shard_of(word)][word] = rec
    blobs = [pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL) for s in shards]
    offsets = [0]
    for b in blobs:
        offsets.append(offsets[-1] + len(b))
    head = pickle.dumps((_CACHE_FORMAT, rules, offsets), protocol=pickle.HIGHEST_PROTOCOL)

    def write(fh: IO[bytes]) -> None:
        fh.write(len(head).to_bytes(8, "little"))
        fh.write(head)
        for b in blobs:
            fh.write(b)

    write_atomic(path, write)  # a read-only cache folder: the tables are built again next time


def _open_shards(path: Path) -> tuple[_Store, Any] | None:
    try:
        with path.open("rb") as fh:
            blob = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        size = int.from_bytes(blob[:8], "little")
        fmt, rules, offsets = pickle.loads(blob[8 : 8 + size])
        if fmt != _CACHE_FORMAT or len(offsets) != _SHARDS + 1:
            return None
        start = 8 + size
        return _Store(blob, [start + o for o in offsets]), rules
    except Exception:
        return None


def _tables(store: _Store, rules: dict[str, list[tuple[str, str]]]) -> LemmaTables:
    return LemmaTables(
        _View(store, _lookup_of),
        {p: _View(store, _in_index(_BITS[p])) for p in POS},
        {p: _View(store, _exc_of(i)) for i, p in enumerate(POS)},
        {p: [(str(o), str(n)) for o, n in rules.get(p, [])] for p in POS},
    )


def _remove_other_versions(current: Path) -> None:
    """Tables of other spacy-lookups-data versions or cache formats are never read again."""
    for old in current.parent.glob("nl-lemma-*"):
        if old != current and not old.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                old.unlink()


@lru_cache(maxsize=1)
def lemma_tables() -> LemmaTables:
    path = cache_dir() / f"nl-lemma-shards-{lookups_version()}-v{_CACHE_FORMAT}.bin"
    opened = _open_shards(path)
    if opened is None:
        records, rules = _records_from_package()
        _write_shards(path, records, rules)
        _remove_other_versions(path)
        opened = _open_shards(path)
        if opened is None:  # the cache could not be written: keep everything in memory
            store = _Store(b"", [0] * (_SHARDS + 1))
            store._known, store._complete = records, True
            return _tables(store, rules)
    return _tables(*opened)
