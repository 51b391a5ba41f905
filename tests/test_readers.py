"""Every reader on real files: what is checked, what is skipped, and where findings point."""

from __future__ import annotations

from pathlib import Path

import pytest

from stigmalint.document import BlockBuilder
from stigmalint.readers import ReadError
from tests.documents import IMAGE_LEXICON, build_docx, build_odt, lint, located, where


@pytest.fixture(scope="module")
def image_rules(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ...]:
    """An extra lexicon with an image-scope rule ("paarse olifant")."""
    path = tmp_path_factory.mktemp("lexicon") / "beeld.yaml"
    path.write_text(IMAGE_LEXICON, encoding="utf-8")
    return (path,)


# -- the offset map ------------------------------------------------------------------------


def test_block_builder_collapses_white_space_and_maps_every_character() -> None:
    source = "<p>  Een\n   zin &amp; <b>meer</b>  </p>"
    b = BlockBuilder(collapse=True)
    b.add("  Een\n   zin ", 3)
    b.add_mapped("&", 16, 21)
    b.add(" ", 21)
    b.add("meer", 25)
    b.add("  ", 33)
    block = b.take()
    assert block is not None and block.text == "Een zin & meer"
    assert [source[block.to_source(i)] for i in range(len(block.text))] == list("Een\nzin & meer")
    assert block.to_source(len(block.text)) == 29  # just after "meer"
    assert b.take() is None  # the builder starts afresh


# -- Markdown ------------------------------------------------------------------------------

MARKDOWN = """\
---
titel: Notitie over prostituees
---
# Beleid voor *prostituees*

> Een citaat over [de prostituees](https://example.org/prostituees "lijst van hoerenlopers").
> Daarna &amp; \\*prostituees\\* in de tweede regel.

- Een punt over hoerenlopers
- Een afbeelding: ![Paarse olifant boven de deur](foto.png "Paarse olifant 's nachts")

| Onderwerp | Toelichting |
|---|---|
| prostituees | ook hoerenlopers |

Code: `prostituees` en <https://example.org/prostituees> en <!-- prostituees -->.

```
prostituees in een codeblok
```

    prostituees ingesprongen

[ref]: https://example.org/hoerenlopers

Het prostitutie-
beleid van de stad.

<div class="kader">Een kader met <b>hoerenlopers</b>.</div>
"""


def test_markdown_positions(tmp_path: Path, image_rules: tuple[Path, ...]) -> None:
    path = tmp_path / "nota.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    result = lint(path, image_rules)
    assert located(result) == [
        ("prostituee", 4, 16, "prostituees"),  # heading, inside emphasis
        ("prostituee", 6, 23, "prostituees"),  # link text
        ("hoerenloper", 6, 79, "hoerenlopers"),  # link title
        ("prostituee", 7, 18, "prostituees"),  # after an entity and an escape
        ("hoerenloper", 9, 17, "hoerenlopers"),  # list item
        ("test-paarse-olifant", 10, 21, "Paarse olifant"),  # image alt (image scope)
        ("test-paarse-olifant", 10, 61, "Paarse olifant"),  # image title (image scope)
        ("prostituee", 14, 3, "prostituees"),  # table cell
        ("hoerenloper", 14, 21, "hoerenlopers"),  # second cell on the same line
        ("prostitutiebeleid", 26, 5, "prostitutiebeleid"),  # hyphenated over a line break
        ("hoerenloper", 29, 37, "hoerenlopers"),  # raw HTML block
    ]
    source = path.read_text(encoding="utf-8")
    for f in result.findings:
        if f.rule != "prostitutiebeleid":
            assert source[f.start : f.end] == f.text
    hyphenated = result.findings[-2]
    assert source[hyphenated.start : hyphenated.end] == "prostitutie-\nbeleid"


def test_markdown_skips_code_front_matter_comments_and_urls(tmp_path: Path) -> None:
    path = tmp_path / "nota.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    lines = {f.position.line for f in lint(path).findings if f.position}
    assert not lines & {2, 16, 19, 22, 24}  # front matter, code, URLs, comment, reference


def test_image_rules_only_fire_in_image_text(tmp_path: Path, image_rules: tuple[Path, ...]) -> None:
    path = tmp_path / "nota.md"
    path.write_text(
        "Over sekswerkers.\n\nPaarse olifant boven de deur.\n\n"
        "![Paarse olifant boven de deur](a.png)\n"
    )  # image rules need a page about sex work (engine: page-level context for R13)
    assert located(lint(path, image_rules)) == [("test-paarse-olifant", 5, 3, "Paarse olifant")]


# -- HTML ----------------------------------------------------------------------------------

HTML = """\
<!doctype html>
<html lang="nl"><head><title>Over prostituees</title>
<style>p::before { content: "prostituees"; }</style>
<script>const x = "<p>prostituees</p>";</script></head>
<body>
<h1>Beleid &amp; <em>prostituees</em></h1>
<p>De gemeente sprak met
   prostitu&eacute;es in <a href="https://example.org/prostituees" title="voor hoerenlopers">de stad</a>.<br>
Daarna de hoerenlopers.
<p>Code: <code>prostituees</code>, <textarea>prostituees</textarea> klaar.
<pre>prostituees</pre>
<figure><img src="a.png" alt="Paarse olifant boven de deur"><figcaption>Paarse olifant in de straat</figcaption></figure>
<!-- prostituees in een opmerking -->
<ul><li>eerste prostituees<li>tweede hoerenlopers</ul>
</body></html>
"""


def test_html_positions_and_scopes(tmp_path: Path, image_rules: tuple[Path, ...]) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(HTML, encoding="utf-8")
    result = lint(path, image_rules)
    assert located(result) == [
        ("prostituee", 2, 35, "prostituees"),  # <title>
        ("prostituee", 6, 22, "prostituees"),  # heading, after an entity
        ("prostituee", 8, 4, "prostituées"),  # "&eacute;" inside the word
        ("hoerenloper", 8, 80, "hoerenlopers"),  # title attribute
        ("hoerenloper", 9, 11, "hoerenlopers"),  # after <br>
        ("test-paarse-olifant", 12, 31, "Paarse olifant"),  # alt
        ("test-paarse-olifant", 12, 73, "Paarse olifant"),  # figcaption
        ("prostituee", 14, 16, "prostituees"),  # <li> without </li>
        ("hoerenloper", 14, 38, "hoerenlopers"),
    ]
    source = path.read_text(encoding="utf-8")
    f = result.findings[2]
    assert source[f.start : f.end] == "prostitu&eacute;es"  # the span covers the reference


def test_html_uses_meta_charset_for_legacy_pages(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café met prostituées.</p>'
    path = tmp_path / "oud.html"
    path.write_bytes(page.encode("cp1252"))
    assert located(lint(path)) == [("prostituee", 1, 65, "prostituées")]
    bare = tmp_path / "kaal.html"
    bare.write_bytes("<p>Café met prostituées.</p>".encode("latin-1"))
    with pytest.raises(ReadError) as error:
        lint(bare)
    assert str(error.value).startswith("geen geldige UTF-8 (byte 6)")
    assert "<meta charset>" in str(error.value)


def test_html_tolerates_broken_markup(tmp_path: Path) -> None:
    path = tmp_path / "kapot.html"
    path.write_text(
        '<p title="a > b">Eerst <b>vet <i>en</b> dan</i> de prostituees <a href="x>y">hier</a>\n'
        "<p>< geen tag, 3 < 4 en <?php echo 1 ?> de hoerenlopers</p><p>open <div",
        encoding="utf-8",
    )
    result = lint(path)
    assert located(result) == [
        ("prostituee", 1, 52, "prostituees"),
        ("hoerenloper", 2, 44, "hoerenlopers"),
    ]


# -- Word ----------------------------------------------------------------------------------


def test_docx_locations(tmp_path: Path, image_rules: tuple[Path, ...]) -> None:
    path = tmp_path / "nota.docx"
    path.write_bytes(build_docx())
    result = lint(path, image_rules)
    assert where(result) == [
        ("prostituee", "alinea 1", 13, "prostituees"),
        ("prostituee", "alinea 2", 23, "prostituees"),
        ("hoerenloper", "alinea 3", 27, "hoerenlopers"),  # over a line break and two runs
        ("prostituee", "tabel 1, cel 2-3", 9, "prostituees"),
        ("test-paarse-olifant", "alinea 4", 1, "Paarse olifant"),  # caption: image scope
        ("prostitutie", "koptekst", 16, "de prostitutie"),
        ("hoerenloper", "voetnoot 1", 19, "hoerenlopers"),
        ("prostituee", "opmerking 1", 16, "prostituees"),
        ("test-paarse-olifant", "afbeelding 1", 1, "Paarse olifant"),  # alt text
    ]
    doc = result.document
    assert doc is not None
    # offsets point into the extracted text, one paragraph per line
    for f in result.findings:
        assert doc.source[f.start : f.end] == f.text.replace("\n", " ")
    assert "sekswerkers" in doc.source and "prostituees</" not in doc.source
    assert doc.source.splitlines()[2] == "Eerste regel en daarna de hoerenlopers in de straat."


def test_docx_tracked_deletions_are_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "nota.docx"
    path.write_bytes(build_docx())
    doc = lint(path).document
    assert doc is not None
    assert "Na de wijziging: sekswerkers." in doc.source.splitlines()


# -- OpenDocument --------------------------------------------------------------------------


def test_odt_locations(tmp_path: Path, image_rules: tuple[Path, ...]) -> None:
    path = tmp_path / "nota.odt"
    path.write_bytes(build_odt())
    result = lint(path, image_rules)
    assert where(result) == [
        ("prostituee", "alinea 1", 13, "prostituees"),
        ("prostituee", "alinea 2", 23, "prostituees"),
        ("hoerenloper", "alinea 3", 20, "hoerenlopers"),  # list item with a line break
        ("prostituee", "tabel 1, cel 2-3", 9, "prostituees"),
        ("test-paarse-olifant", "alinea 4", 1, "Paarse olifant"),  # caption style: image scope
        ("prostitutie", "koptekst", 16, "de prostitutie"),
        ("hoerenloper", "voetnoot 1", 19, "hoerenlopers"),
        ("prostituee", "opmerking 1", 16, "prostituees"),
        ("prostitutie", "tekstvak 1", 28, "prostitutie"),
        ("test-paarse-olifant", "afbeelding 1", 1, "Paarse olifant"),  # svg:desc
    ]
    doc = result.document
    assert doc is not None
    assert doc.source.splitlines()[1] == "De gemeente sprak met prostituees  over de regels."


# -- no input breaks the offset maps -------------------------------------------------------

_MD_PIECES = ["# ", "> ", "- ", "1. ", "*", "**", "_", "`", "```\n", "    ", "[", "]", "(", ")",
              "![", '](u "t")', "<", ">", "<!-- stigmalint-disable -->", "<!--", "-->", "&amp;",
              "&eacute;", "\\", "\\*", "|", "|---|", "\n", "\n\n", " ", "\t", "prostituees",
              "é", "---\n", "<https://x.nl/y>", "<div>", "</div>", "<img alt='a'>", "\r\n",
              "[ref]: /u\n", "[ref]", "~~", "kop\n===\n", "\u00a0", "\U0001f642"]  # fmt: skip
_HTML_PIECES = ["<p>", "</p>", "<br>", "<b>", "</b>", "<script>", "</script>", "<style>", "<!--",
                "-->", "&amp;", "&bogus;", "&#x1F600;", "&#0;", '<img alt="x &amp; y" title=t>',
                "<", ">", '"', "'", "=", '<a href="x>y">', "</a>", "<?x?>", "<!x>", "</>",
                "<title>", "</title>", "<textarea>", "<figcaption>", "<pre>", "</pre>", "<h1>",
                "\n", " ", "prostituees", "é", "<div/>", "<code/>", "<li>", "<td>", "\r\n",
                "<![CDATA[x]]>"]  # fmt: skip


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_random_markup_maps_inside_the_source(kind: str) -> None:
    """Markup soup (found by fuzzing): every block character maps into the source."""
    import random

    from stigmalint.readers.html import html_document
    from stigmalint.readers.markdown import markdown_document

    make, pieces = (
        (markdown_document, _MD_PIECES) if kind == "markdown" else (html_document, _HTML_PIECES)
    )
    rng = random.Random(2)
    for _ in range(1500):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        for block in make("x", source).blocks:
            assert all(0 <= block.to_source(i) <= len(source) for i in range(len(block.text) + 1))
