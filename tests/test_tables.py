"""The lemma tables are read shard by shard; they must still be the whole tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from stigmalint.nlp.tables import POS, lemma_tables


def test_tables_answer_like_the_published_ones() -> None:
    t = lemma_tables()
    assert t.lookup.get("prostituees") == "prostituee"
    assert t.lookup.get("hoertjes") == "hoer"
    assert t.lookup.get("xyzzy") is None and "xyzzy" not in t.lookup
    assert "meisje" in t.index["noun"] and "meisje" not in t.index["verb"]
    assert "komen" in t.exc["verb"].get("kwam", ())
    assert t.is_word("sekswerker") or t.is_word("beleid")
    assert not t.is_word("qqqq")
    assert ("en", "") in t.rules["noun"] or t.rules["noun"]


def test_iterating_reads_every_shard() -> None:
    t = lemma_tables()
    # sizes from spacy-lookups-data 1.0.5 (../shared/guidance/spacy-nl.md)
    assert len(t.lookup) == 212_945
    assert {p: len(t.index[p]) for p in POS} == {"noun": 161_175, "verb": 19_109, "adj": 21_780}
    assert len(t.exc["verb"]) == 7_195


def test_a_few_words_read_a_few_shards(tmp_path: Path) -> None:
    """Checking a short text must not read the whole table (that cost 0.3-0.5 s)."""
    probe = (
        "from stigmalint.nlp.tables import lemma_tables\n"
        "from stigmalint.nlp.candidates import LemmaCandidates\n"
        "t = lemma_tables()\n"
        "c = LemmaCandidates(t)\n"
        "for w in 'De gemeente sprak met prostituees over het beleid'.split():\n"
        "    c.candidates(w)\n"
        "print(sum(t.lookup._s._loaded), len(t.lookup._s._loaded))\n"
    )
    env = {**os.environ, "STIGMALINT_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    loaded, total = map(int, second.stdout.split())
    assert 0 < loaded < total // 10, second.stdout
