"""Image captions in plain text ("Foto:", "Afbeelding:", "Beeld:") and the image rules (R13)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from stigmalint.cli import cli
from stigmalint.document import TextBlock, plain_document
from stigmalint.readers.captions import split_captions, with_captions
from stigmalint.readers.plaintext import read_plain
from tests.conftest import rules_of

SW_PAGE = "Het college evalueert het sekswerkbeleid.\nFoto: Vrouw in netkousen onder rood licht.\n"


def test_caption_line_becomes_an_image_block_with_source_offsets() -> None:
    text = "Eerste alinea.\n  foto: rood licht boven de deur\nTweede alinea."
    main, image = split_captions(TextBlock(text))
    assert main.scope == "any" and image.scope == "image"
    assert image.text == "  foto: rood licht boven de deur"
    assert len(main.text) == len(text) and "rood" not in main.text
    assert main.text.endswith("Tweede alinea.")
    start = text.index("rood")
    assert image.to_source(image.text.index("rood")) == start


def test_caption_offsets_survive_joined_hyphenation() -> None:
    text = "Het prostitutie-\nbeleid wordt herzien.\nBeeld: rode lampjes"
    block = plain_document("x.txt", text).blocks[0]
    assert block.offsets is not None  # the hyphen join gave the block its own map
    _, image = split_captions(block)
    assert text[image.to_source(0) : image.to_source(len(image.text) - 1) + 1] == image.text


def test_only_labelled_lines_are_captions() -> None:
    doc = with_captions(
        plain_document("x.txt", "Het beeld: rood licht.\nFotografie: geen bijschrift.\n")
    )
    assert [b.scope for b in doc.blocks] == ["any"]


def test_plain_text_reader_marks_captions() -> None:
    doc = read_plain("x.txt", SW_PAGE.encode())
    assert [b.scope for b in doc.blocks] == ["any", "image"]


def test_image_rules_fire_in_a_caption_on_a_sex_work_page(linter) -> None:  # type: ignore[no-untyped-def]
    found = rules_of(linter.check_text(SW_PAGE))
    assert {"netkousen", "rood-licht"} <= set(found)


def test_image_rules_stay_silent_in_running_text(linter) -> None:  # type: ignore[no-untyped-def]
    text = "Het college evalueert het sekswerkbeleid. Het rode licht boven de deur blijft."
    assert linter.check_text(text) == []


def test_image_rules_need_a_page_about_sex_work(linter) -> None:  # type: ignore[no-untyped-def]
    text = "De kruising krijgt nieuwe lampen.\nFoto: rood licht en een vrouw in netkousen.\n"
    assert linter.check_text(text) == []


def test_ordinary_rules_still_apply_in_captions(linter) -> None:  # type: ignore[no-untyped-def]
    (f,) = linter.check_text(
        "De raad besprak het beleid.\nFoto: Prostituees in gesprek met de wethouder."
    )
    assert f.rule == "prostituee"
    assert f.text == "Prostituees"


def test_cli_reports_caption_findings_at_their_source_line(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(SW_PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    findings = json.loads(result.output)["files"][0]["findings"]
    rood = next(f for f in findings if f["rule"] == "rood-licht")
    assert (rood["line"], rood["column"]) == (2, SW_PAGE.split("\n")[1].index("rood") + 1)
    assert SW_PAGE[rood["start"] : rood["end"]] == "rood licht"


def test_image_only_rules_do_not_wake_the_pipeline_for_ordinary_text(linter) -> None:  # type: ignore[no-untyped-def]
    """'geld … bh' (T76) is an image rule: ordinary sentences with 'geld' need no spaCy."""
    sentence = "Met de stunt wil de priester geld binnenhalen voor zijn bh-fabriek."
    assert linter.prescan.candidate_sentences(sentence) == []
    assert linter.prescan.candidate_sentences(sentence, "image") != []


def test_each_cliche_in_one_caption_is_reported(linter) -> None:  # type: ignore[no-untyped-def]
    text = "Sekswerk in de stad.\nFoto: Vrouw in netkousen leunt in een autoraam onder rood licht."
    assert {"netkousen", "vrouw-bij-autoraam", "rood-licht"} <= set(
        rules_of(linter.check_text(text))
    )
