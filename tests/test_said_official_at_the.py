""" "An official at the U.S. Trade Representative's Office said" is an official (issue 9, "what did
X say"): asked as "a U.S. Trade Representative official", that statement answers, not "U.S.
officials said" beside it. A story written for these tests in the wire's shape; a real corpus
folder on disk, the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

MEAT = (
    "U.S. Sees Little Hope Of Meat Rule Change\n"
    "WASHINGTON, April 13 - U.S. officials said they held out little hope the European Community "
    "would withdraw a meat inspection rule due to take effect this month.\n"
    "An official at the U.S. Trade Representative's Office said the chances the EC will drop the "
    "rule are not too good at this time.\n"
    "The rule would require U.S. plants to change their inspection methods.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"meat.txt": MEAT, **filler_stories()}
    return Engine.open(write_stories(tmp_path_factory.mktemp("official") / "corpus", stories))


def test_the_official_at_the_office_answers_when_asked_by_the_office(engine: Engine) -> None:
    answer = engine.ask(
        "What did a U.S. Trade Representative official say about whether the EC will drop its meat rule?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "not too good" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.role == "official", first.speaker
