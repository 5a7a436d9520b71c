"""A year asked that a dated story writes relative to its own date answers (assistant/answer/story_gaps.py,
`year_missing` and `dated_years`): "How many tonnes did Marlow ship in 1986?" of a story dated March
1987 that says "last year" was refused, as if the story never wrote 1986. A year the story does not
reach, even so, is still refused; an undated story's "last year" is no year at all."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

BODY = (
    "Marlow Chemicals Inc said it shipped 412,000 tonnes of resin last year, up 9 pct from the year "
    "before, as demand from car makers grew.\n"
    "The company said it expects resin prices to stay steady this year.\n"
)
STORIES = {
    "marlow.md": (
        "---\ntitle: Marlow Chemicals Ships More Resin\nauthor: Dana Price\ndate: 1987-03-09\n---\n\n" + BODY
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(write_stories(tmp_path_factory.mktemp("dated") / "news", STORIES | filler_stories()))


def test_a_year_written_relative_to_the_story_date_answers(engine: Engine) -> None:
    for question in (
        "How many tonnes of resin did Marlow Chemicals ship in 1986?",  # "last year" of a 1987 story
        "How many tonnes of resin did Marlow Chemicals ship last year?",
    ):
        answer = engine.ask(question)
        assert answer.answered, (question, answer.message)
        assert "412,000 tonnes" in answer.quotes[0].text
    # A year the story does not reach, even so, is refused.
    answer = engine.ask("How many tonnes of resin did Marlow Chemicals ship in 1983?")
    assert not answer.answered
    assert answer.message == PLAIN


def test_an_undated_story_saying_last_year_names_no_year(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("undated") / "news"
    engine = Engine.open(
        write_stories(folder, {"marlow.txt": "Marlow Ships More Resin\n" + BODY} | filler_stories())
    )
    answer = engine.ask("How many tonnes of resin did Marlow Chemicals ship in 1986?")
    assert not answer.answered
    assert answer.message == PLAIN
