"""Who owns a body is answered by a story that writes its owner ("owner Hallan Group said"): the
holder rule (story_gaps.role_unbound) looks for the role asked near the name, and "own" bridges to
no title in WordNet's table as shipped, so "Who owns the Nordby paper mill?" was refused although
the story names the owner. A story about the body that names no owner is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "mill.txt": (
        "Paper mill to close after 80 years\n"
        "The Nordby paper mill will shut in January, owner Hallan Group said on Tuesday, ending 80 years "
        "of production in the town.\n"
        "About 340 workers will lose their jobs, the union said.\n"
    ),
    "quarry.txt": (
        "Quarry expansion approved\n"
        "The Tarnby quarry may grow by a third after the county council approved the plan on Monday.\n"
        "Residents said blasting at the quarry already shook their windows.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("owners") / "news", STORIES | filler_stories())


def test_the_owner_written_answers_who_owns_and_a_story_naming_none_is_refused(folder: Path) -> None:
    engine = Engine.open(folder)
    answer = engine.ask("Who owns the Nordby paper mill?")
    assert answer.answered, answer.message
    assert "owner Hallan Group" in answer.quotes[0].text
    refused = engine.ask("Who owns the Tarnby quarry?")
    assert not refused.answered
    assert refused.message == PLAIN
