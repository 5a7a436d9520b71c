"""A place or a name written with no cue around it offers the kind a "where" or "who" question
asks (issue 9): "Lisbon won the plant" names a place though no "in" stands before it, as WordNet's
place names tell; "Okonkwo, who ran ..." names someone though a single capitalised word at a
sentence's start is no name by its shape, as a word the dictionary does not know is. The lead that
restates the question then no longer comes first. Real corpus folders on disk, the real index, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.cli_process import assistant
from tests.stories import write_stories

PLANT = (
    "---\n"
    "title: Carmaker ends search for engine plant site\n"
    "---\n\n"
    "Norvik Motors said on Monday it would build a new engine plant employing 1,200 people, ending a "
    "year-long search for a site for the plant.\n\n"
    "The company said Lisbon won the new engine plant over bids from two other cities after offering "
    "tax breaks.\n\n"
    "Norvik Motors shares rose 2 pct on the news.\n"
)
UTILITY = (
    "---\n"
    "title: Utility board picks chief executive\n"
    "---\n\n"
    "Eastvale Power's board has named a new chief executive to lead the utility through its planned "
    "merger.\n\n"
    "Okonkwo, who ran the grid business for six years, becomes chief executive on March 1.\n\n"
    "The board also approved a dividend of 12 cents a share.\n"
)


def _corpus(folder: Path) -> Path:
    return write_stories(folder, {"plant.md": PLANT, "utility.md": UTILITY})


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("names") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Where will Norvik Motors build its new engine plant?", "Lisbon won the new engine plant"),
    ],
)
def test_a_name_without_cues_answers_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_quotes_the_place_first(tmp_path: Path) -> None:
    result = assistant(
        _corpus(tmp_path / "corpus"),
        "ask",
        "--top",
        "1",
        "Where will Norvik Motors build its new engine plant?",
    )
    assert result.returncode == 0, result.stderr
    assert "Lisbon won the new engine plant" in result.stdout
    assert "ending a year-long search" not in result.stdout
