"""A question naming a year its answer's story never writes is refused (assistant/answer/refusal.py,
`year_missing`): a near miss finds the company's story, which tells of another year, and the
refusal models find it as likely as an answer. The year the story does write still answers, as
does a question naming no year."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

STORIES = {
    "marlow.txt": (
        "Marlow Chemicals Ships More Resin\n"
        "HOUSTON, March 9 - Marlow Chemicals Inc said it shipped 412,000 tonnes of resin in 1986, up "
        "9 pct from the year before, as demand from car makers grew.\n"
        "The company said resin prices were steady and it plans a new plant in Texas.\n"
        "Marlow Chemicals said its chairman, Alan Reeve, would retire in June.\n"
    ),
    "hollis.txt": (
        "Hollis Paper Sees Flat Output\n"
        "ATLANTA, March 10 - Hollis Paper Co said it expects pulp output to be flat in 1987 after "
        "mills ran at 91 pct of capacity.\n"
    ),
}


def _engine(tmp_path: Path) -> Engine:
    return Engine.open(write_stories(tmp_path / "news", STORIES | filler_stories()))


def test_a_year_the_story_never_writes_is_refused(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    answer = engine.ask("How many tonnes of resin did Marlow Chemicals ship in 1983?")
    assert not answer.answered
    assert answer.message == "The corpus holds no answer to this question."


def test_the_year_the_story_writes_answers(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    answer = engine.ask("How many tonnes of resin did Marlow Chemicals ship in 1986?")
    assert answer.answered
    assert "412,000 tonnes" in answer.quotes[0].text
    # Without a year, the same fact is answered from the same story.
    answer = engine.ask("How many tonnes of resin did Marlow Chemicals ship?")
    assert answer.answered
    assert "412,000 tonnes" in answer.quotes[0].text
