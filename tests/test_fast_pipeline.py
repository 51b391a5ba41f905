"""The spaCy-free default pipeline must give exactly what the spaCy pipeline gives.

``stigmalint.nlp.fast`` replays spaCy's tokenizer over spaCy's own Dutch rules so
that the CLI needs no ``import spacy``. These tests are the contract: the same
tokens (text and offset), the same lookup lemmas, the same URL/e-mail flags and
the same findings as the real ``spacy.blank("nl")`` pipeline, on real text and on
every tokenizer special case in awkward surroundings. After a spaCy upgrade that
changes the tokenizer, they fail instead of letting the two paths drift apart.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stigmalint.engine import Linter, LintOptions
from stigmalint.nlp.fast import FastTokenizer
from stigmalint.nlp.tables import lemma_tables
from stigmalint.rules import load_lexicon
from stigmalint.startup import tokenizer_data
from tests.conftest import ROOT, SHARED

TRICKY = (
    "  dubbel  spatie\n\n\tTab \xa0nbsp www.sekswerk.nl http://a.b/c?d=1 info@gemeente.nl "
    "prostituees(3 hoerenlopers[4] sekswerker/prostituee 2019—volgens prostitué(e)s "
    "programma’s verstuurd.2 prostituee2 C++ a.s. 't 's-Hertogenbosch (bijv.) z.s.m.: "
    "„hoertjes” ‘prostituee’ seks-branche prostitutie- en mensenhandelbeleid ex-prostituees "
    "e-mail: x@y.be; https://www.rijksoverheid.nl/onderwerpen/prostitutie/beleid."
)


def _texts() -> list[str]:
    texts = [TRICKY, *(p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*"))]
    lexicon = load_lexicon()
    texts += [ex.text for e in lexicon.entries for ex in e.bad]
    texts += [t for e in lexicon.entries for t in e.good]
    raw = SHARED / "eval-dev" / "raw"
    if raw.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    return texts


@pytest.fixture(scope="module")
def fast() -> FastTokenizer:
    return FastTokenizer(tokenizer_data())


def _spacy_view(nlp, text: str) -> list[tuple[int, str, str, bool]]:  # type: ignore[no-untyped-def]
    doc = nlp.get_pipe("lemmatizer")(nlp.make_doc(text))
    return [
        (t.idx, t.text, t.lemma_, bool(t.like_url or t.like_email)) for t in doc if not t.is_space
    ]


def _fast_view(fast: FastTokenizer, text: str) -> list[tuple[int, str, str, bool]]:
    lookup = lemma_tables().lookup
    words = fast.words(text)
    # words() is the quick form of tokens(), used by the pipeline: both must agree
    assert words == [(start, t) for start, t in fast.tokens(text) if not t.isspace()]
    return [
        (start, t, lookup.get(t.lower(), t.lower()), fast.like_url(t) or fast.like_email(t))
        for start, t in words
    ]


def test_tokens_lemmas_and_flags_match_spacy(nlp, fast: FastTokenizer) -> None:  # type: ignore[no-untyped-def]
    for text in _texts():
        assert _fast_view(fast, text) == _spacy_view(nlp, text), text[:80]


def test_every_special_case_matches_spacy(nlp, fast: FastTokenizer) -> None:  # type: ignore[no-untyped-def]
    """Both phases of spaCy's special cases: whole chunks and the matcher after affixes."""
    specials = sorted(fast.d.specials)
    assert len(specials) > 1000  # spaCy's Dutch abbreviations are really there
    contexts = ("({s}) {s}, {s}. x{s} {s}y „{s}” ", "{s}:{s};{s}?! [{s}]\n", "'{s}' -{s}- {s}…")
    for ctx in contexts:
        text = "".join(ctx.format(s=s) for s in specials)
        assert _fast_view(fast, text) == _spacy_view(nlp, text), ctx


def test_findings_match_the_spacy_pipeline() -> None:
    fast = Linter(LintOptions(model="blank"))
    slow = Linter(LintOptions(model="blank"), use_spacy=True)
    texts = _texts()
    assert fast.fast is not None and slow.fast is None
    assert sum(len(fast.check_text(t)) for t in texts) > 20  # the texts do contain findings
    for text in texts:
        assert fast.check_text(text) == slow.check_text(text), text[:80]


def test_text_with_findings_does_not_import_spacy(tmp_path: Path) -> None:
    """Once the caches exist, even a file with findings is checked without spaCy."""
    nota = tmp_path / "nota.md"
    nota.write_text("De gemeente sprak met prostituees over het beleid.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from stigmalint.cli import main\n"
        "try:\n"
        f"    main(['check', {str(nota)!r}])\n"
        "except SystemExit as e:\n"
        "    code = e.code\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', code)\n"
    )
    env = {**os.environ, "STIGMALINT_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert first.stdout.strip().splitlines()[-1].endswith(" 1"), first.stdout + first.stderr
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert second.stdout.strip().splitlines()[-1] == "NO-SPACY 1", second.stdout + second.stderr
    assert "prostituees" in second.stdout
