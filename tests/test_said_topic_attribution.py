"""What X's statement holds of the topic asked (issue 9, "what did X say about Y"): the reporter's
"said" or "told" that gives it as X's is none of it. WordNet bridges "said" to "answer" and to
"state" (the term of "the United States"), so every statement a "said" closes held half of such a
topic word, and a quoted sentence going on without one did not. A story written for this test; a
real corpus folder on disk, the real index and the engine's own candidates."""

from __future__ import annotations

import pytest

from assistant.answer.query import parse_query
from assistant.answer.said.topic import story_topic
from assistant.answer.settings import Steer
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

HARBOUR = (
    "Harbour Board Writes To Shippers\n"
    "ABERDEEN, May 4 - The Harbour Board wrote to the firms that use the port about its new dues.\n"
    "The Harbour Board said its letters had gone out in March.\n"
    "Its letters were sent by post.\n"
    "Most firms have answered the letters, and talks are under way, the Harbour Board said.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("attribution") / "corpus"
    return Engine.open(write_stories(folder, {"harbour.txt": HARBOUR, **filler_stories()}))


def test_said_holds_no_part_of_answered(engine: Engine) -> None:
    answerer = engine._answerer
    query = parse_query(
        engine.index, "What did the Harbour Board say about how firms answered its letters?", Steer()
    )
    _, scored = answerer.examine(query)
    starts = [int(engine.index.stored.arrays["s_start"][s.cand.sentence]) for s in scored]
    held = story_topic(
        query, scored, answerer.stories.term_shares, [True] * len(scored), starts, answerer.stories.head_terms
    )
    by_text = {
        s.text.split(" had ")[0].split(" were ")[0].split(",")[0]: float(h)
        for s, h in zip(scored, held, strict=True)
    }
    said_letters = by_text["The Harbour Board said its letters"]
    letters = by_text["Its letters"]
    answered = by_text["Most firms have answered the letters"]
    assert said_letters == pytest.approx(letters), by_text  # "said" adds nothing to "letters"
    assert answered > letters, by_text
