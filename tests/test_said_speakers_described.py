"""Speakers the wire describes at length (issue 9): "Name, a description, another description, said",
a description left open before the verb ("Name, Chairman of the Harbour Board (HB) told reporters"),
and "He reaffirmed that ...". Each sentence is theirs, so the "he said" sentences after the first
belong to them and not to the person quoted before. Stories written for these tests; real corpus
folders on disk, the real index and the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

GAS = (
    "Gas Utility Faces Higher Costs\n"
    "Harbour Gas Co will pay more for its supplies after the pipeline closed, analysts said.\n"
    "The effect on cash flow would be small this summer, Mara Quillfeather, gas analyst with Orton "
    "Brothers, said.\n"
    "If the closure lasts into winter, profits could suffer, she said.\n"
    "Utilities along the coast will face the same costs, Tobias Wrenfield, a supply manager with a "
    "fuel brokering service, a Dallas based energy firm, said.\n"
    '"These utilities are not innocent victims of the dispute," he said.\n'
    "Utilities have ignored the pipeline's request for a storage charge, he said.\n"
    '"Calm minds will win in the end," Quillfeather said.\n'
)
BOARD = (
    "Harbour Board Says Fees Will Rise\n"
    "Olwen Strathearn, Chairman of the Commission on Harbour Works (CHW) told reporters in an "
    'interview: "Ships will pay more from June."\n'
    "The board collected 40 mln crowns in fees last year.\n"
    "Strathearn reaffirmed that income from the new fees must be spent mainly on dredging the channel.\n"
    "Shipping lines expect the fees to slow traffic, a port spokesman here said.\n"
    "But the spokesman pointed out that most ports raised fees this year.\n"
    "The new fees will raise 5 mln crowns a year, sources close to Transport Minister Helga Brandvold said.\n"
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "gas.txt").write_text(GAS, encoding="utf-8")
    (folder / "board.txt").write_text(BOARD, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("described") / "corpus"))


def _speaker_of(engine: Engine, article: str, opening: str) -> list[str]:
    view = engine.article(article)
    found = [
        [a.name for a in said]
        for s, said in zip(view.sentences, view.attributions, strict=True)
        if view.text[s.start : s.end].startswith(opening)
    ]
    assert len(found) == 1, opening
    return found[0]


def test_a_name_with_two_descriptions_speaks(engine: Engine) -> None:
    assert _speaker_of(engine, "gas.txt", "Utilities along the coast") == ["Tobias Wrenfield"]
    # The "he said" sentences after it are his, not the analyst's quoted before him.
    assert _speaker_of(engine, "gas.txt", "Utilities have ignored") == ["Tobias Wrenfield"]


def test_a_description_left_open_before_told_names_the_person(engine: Engine) -> None:
    assert _speaker_of(engine, "board.txt", "Olwen Strathearn, Chairman") == ["Olwen Strathearn"]


def test_reaffirmed_that_reports_her_words(engine: Engine) -> None:
    assert _speaker_of(engine, "board.txt", "Strathearn reaffirmed") == ["Olwen Strathearn"]


def test_here_and_pointed_out_report_speech(engine: Engine) -> None:
    assert _speaker_of(engine, "board.txt", "Shipping lines expect") == ["a port spokesman"]
    assert _speaker_of(engine, "board.txt", "But the spokesman pointed out") == ["the spokesman"]


def test_sources_close_to_the_minister_are_not_the_minister(engine: Engine) -> None:
    assert _speaker_of(engine, "board.txt", "The new fees will raise") == ["sources"]


def test_the_command_line_names_the_manager_for_his_words(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "speakers", "--corpus", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Tobias Wrenfield" in result.stdout
    assert "Olwen Strathearn" in result.stdout
