"""What the question asks that its answer's story never gives is refused
(assistant/answer/story_gaps.py): a year the story never writes (`year_missing`), a date none of its
sentences offers (`kind_missing`). A near miss finds the company's story, which tells of the plant
or of another year, and the refusal models find it as likely as an answer. The story that gives
the year or the day still answers; a sum is not read so, as it is often written without a currency."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "marlow.txt": (
        "Marlow Chemicals Ships More Resin\n"
        "HOUSTON, March 9 - Marlow Chemicals Inc said it shipped 412,000 tonnes of resin in 1986, up "
        "9 pct from the year before, as demand from car makers grew.\n"
        "The company said resin prices were steady and it plans a new plant in Texas.\n"
        "Marlow Chemicals said its chairman, Alan Reeve, would retire in June.\n"
    ),
    "gould.txt": (
        "Gould To Sell Protection Unit\n"
        "CHICAGO, March 4 - Gould Inc said it agreed to sell its systems protection division to a group "
        "of investors led by the unit's managers.\n"
        "The division makes power conditioning equipment and employs 600 people, the company said.\n"
        "Gould said the sale will bring in four million and is part of its plan to focus on "
        "computers.\n"
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


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(write_stories(tmp_path_factory.mktemp("asked") / "news", STORIES | filler_stories()))


@pytest.mark.parametrize(
    ("refused", "answered", "answer_holds"),
    [
        (  # a year the story never writes; the year it writes answers
            "How many tonnes of resin did Marlow Chemicals ship in 1983?",
            "How many tonnes of resin did Marlow Chemicals ship in 1986?",
            "412,000 tonnes",
        ),
        (  # a day the story never gives; the story that gives one answers
            "When will Kestrel Tool open its new Ohio assembly plant?",
            "When will Osprey Rubber open its new Ohio tyre plant?",
            "September 14",
        ),
    ],
)
def test_what_the_story_never_gives_is_refused(
    engine: Engine, refused: str, answered: str, answer_holds: str
) -> None:
    answer = engine.ask(refused)
    assert not answer.answered
    assert answer.message == PLAIN
    answer = engine.ask(answered)
    assert answer.answered
    assert answer_holds in answer.quotes[0].text


def test_the_same_fact_asked_without_a_year_answers(engine: Engine) -> None:
    answer = engine.ask("How many tonnes of resin did Marlow Chemicals ship?")
    assert answer.answered
    assert "412,000 tonnes" in answer.quotes[0].text


def test_a_sum_written_without_a_currency_answers(engine: Engine) -> None:
    answer = engine.ask("How much will the Gould division sale bring in?")
    assert answer.answered
    assert "four million" in answer.quotes[0].text
