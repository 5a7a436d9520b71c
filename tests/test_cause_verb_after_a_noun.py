"""A verb of causing asks why only as the question's own verb (issue 9): "What led to the revolt?"
wants a reason, "What leader led the revolt?" a leader (squad-dev-train read five such questions as
why-questions: "What platform caused ...", "What were the civil wars caused by X called?").
Parsed against a real index on disk."""

from __future__ import annotations

import pytest

from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

REVOLT = {
    "revolt.txt": (
        "Guild Revolt Recalled\n"
        "The harbour guilds rose against the salt tax in 1702 because the duke had doubled it.\n"
        "The revolt was led by the ropemaker Anselm Vreede.\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(write_stories(tmp_path_factory.mktemp("c") / "news", REVOLT | filler_stories()))


@pytest.mark.parametrize(
    "question",
    [
        "What leader led the guilds' revolt?",
        "What tax caused the guilds to revolt?",
        "What were the riots caused by the salt tax called?",
    ],
)
def test_a_noun_before_the_verb_is_what_is_asked(engine: Engine, question: str) -> None:
    assert "reason" not in parse_query(engine.index, question, Steer()).wanted


@pytest.mark.parametrize(
    "question",
    [
        "What led to the guilds' revolt?",
        "What may have caused the revolt?",
        "What first prompted the revolt?",
    ],
)
def test_the_verb_right_after_what_still_asks_why(engine: Engine, question: str) -> None:
    assert parse_query(engine.index, question, Steer()).wanted == ("reason",)
