"""A sum or a date asked of a story that gives none is refused (assistant/answer/refusal.py,
`kind_missing`): a near miss finds the company's story, which tells of the sale or the plant but
names no price or day, and the refusal models find it as likely as an answer. The story that gives
the sum or the day still answers."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "gould.txt": (
        "Gould To Sell Protection Unit\n"
        "CHICAGO, March 4 - Gould Inc said it agreed to sell its systems protection division to a group "
        "of investors led by the unit's managers.\n"
        "The division makes power conditioning equipment and employs 600 people, the company said.\n"
        "Gould said the sale is part of its plan to focus on computers and electronics.\n"
    ),
    "harlan.txt": (
        "Harlan Foods Sells Bakery Unit\n"
        "DENVER, March 5 - Harlan Foods Corp said it sold its bakery unit to Crestline Mills Inc for 42 "
        "mln dlrs in cash.\n"
        "Harlan said it will use the proceeds to cut debt.\n"
    ),
    "kestrel.txt": (
        "Kestrel Plans Ohio Plant\n"
        "DAYTON, March 6 - Kestrel Tool Co said it will build a new assembly plant in Ohio to make "
        "cutting tools for car makers.\n"
        "The plant will employ about 300 workers, the company said.\n"
    ),
    "osprey.txt": (
        "Osprey Sets Plant Opening\n"
        "AKRON, March 6 - Osprey Rubber Co said its new tyre plant in Ohio will open on September 14.\n"
    ),
}


def _engine(tmp_path: Path) -> Engine:
    return Engine.open(write_stories(tmp_path / "news", STORIES | filler_stories()))


def test_a_sum_the_story_never_gives_is_refused(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    answer = engine.ask("How much is Gould's systems protection division being sold for?")
    assert not answer.answered
    assert answer.message == PLAIN
    answer = engine.ask("How much did Harlan Foods sell its bakery unit for?")
    assert answer.answered
    assert "42 mln dlrs" in answer.quotes[0].text


def test_a_day_the_story_never_gives_is_refused(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    answer = engine.ask("When will Kestrel Tool open its new Ohio assembly plant?")
    assert not answer.answered
    assert answer.message == PLAIN
    answer = engine.ask("When will Osprey Rubber open its new Ohio tyre plant?")
    assert answer.answered
    assert "September 14" in answer.quotes[0].text
