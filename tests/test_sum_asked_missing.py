"""A sum asked of a story that writes no sum is refused (assistant/answer/story_gaps.py,
`kind_missing`): "How much is Harlan's frozen foods division being sold for?" finds the story of the
sale, which names the buyer and the unit's staff but no price, and the refusal models find it as
likely as an answer. A story writing the sum answers, and so does one writing it without a currency
("will bring in four million") or as a rate ("a 9 pct pay rise")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "harlan.txt": (
        "Harlan Foods To Sell Frozen Foods Unit\n"
        "DENVER, March 5 - Harlan Foods Corp said it agreed to sell its frozen foods division to a group "
        "of investors led by the unit's managers.\n"
        "The division makes frozen pizza and employs 600 people, the company said.\n"
    ),
    "crestline.txt": (
        "Crestline Sells Bakery Unit\n"
        "OMAHA, March 6 - Crestline Mills Inc said it sold its bakery division to Osprey Brands Co for 42 "
        "mln dlrs in cash.\n"
        "Crestline said it will use the proceeds to cut debt.\n"
    ),
    "gull.txt": (
        "Gull Shipping Sells Tanker\n"
        "OSLO, March 7 - Gull Shipping said the sale of its oldest tanker to a Greek owner will bring in "
        "four million.\n"
    ),
    "union.txt": (
        "Dockers Seek Pay Rise\n"
        "LIVERPOOL, March 8 - The dockers' union said it is seeking a 9 pct pay rise for its members at "
        "the port this year.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("sums") / "news", STORIES | filler_stories())


def test_a_sum_the_story_never_writes_is_refused_and_a_written_one_answers(folder: Path) -> None:
    engine = Engine.open(folder)
    refused = engine.ask("How much is Harlan Foods' frozen foods division being sold for?")
    assert not refused.answered
    assert refused.message == PLAIN
    for question, shown in (
        ("How much did Osprey Brands pay for Crestline's bakery division?", "42 mln dlrs"),
        ("How much will the sale of Gull Shipping's oldest tanker bring in?", "four million"),
        ("How much of a pay rise is the dockers' union seeking?", "9 pct pay rise"),
    ):
        answer = engine.ask(question)
        assert answer.answered, (question, answer.message)
        assert shown in answer.quotes[0].text


def test_the_refusal_is_the_plain_message_on_the_command_line(folder: Path) -> None:
    done = ask_cli(folder, "How much is Harlan Foods' frozen foods division being sold for?")
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == PLAIN
