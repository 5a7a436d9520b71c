"""A sum written as an adjective ("a 12 million pound pier", "a 40 million franc contract") is money:
"How much will the new pier cost?" is answered by it, not by another story's dollar figure (issue 9).
Real corpus folders on disk, the real index; "the 1,000 mark" stays no money."""

from __future__ import annotations

import pytest

from assistant.answer.answer_types import offered_types, stated
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PIER = (
    "Council Approves New Pier\n"
    "The council approved a 12 million pound pier on Tuesday after a two-hour debate.\n"
)
AID = (
    "New Aid Announced\n"
    "The administration announced new military aid valued at $325 million to coincide with the visit.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("money") / "corpus"
    return Engine.open(write_stories(folder, {"pier.txt": PIER, "aid.txt": AID, **filler_stories()}))


def test_a_sum_as_an_adjective_answers_how_much(engine: Engine) -> None:
    answer = engine.ask("How much will the new pier cost?")
    assert answer.answered, answer.message
    assert "12 million pound pier" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_round_figure_passed_is_no_sum() -> None:
    asked = stated("How much was it?")
    assert "money" not in offered_types("The index closed above the 1,000 mark for the first time.", asked)
    assert "money" in offered_types("It won a 40 million franc contract.", asked)
