"""Which of X's statements answers "what did X say about Y" (issue 9): the one holding two of Y's
words together, in the question's order, before one holding as many of Y's words apart.
Stories written for these tests; a real corpus folder on disk, the real index, the real engine."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

HARBOUR = (
    "Harbour Board Writes To Shippers\n"
    "ABERDEEN, May 4 - The Harbour Board wrote to the firms that use the port about its new dues.\n"
    "The Harbour Board said shippers had until June to pay the dues, and that its letters had gone "
    "out in March.\n"
    "Most of the firms have answered the letters, and talks are under way, the Harbour Board said.\n"
    "The Board also proposed a new timetable for the ferry berths.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("phrase") / "corpus"
    return Engine.open(write_stories(folder, {"harbour.txt": HARBOUR, **filler_stories()}))


def test_how_shippers_answered_the_letters_is_the_statement_that_they_answered(engine: Engine) -> None:
    first = first_quote(engine, "What did the Harbour Board say about how shippers answered its letters?")
    assert "have answered the letters" in first, first


def test_asked_when_the_letters_went_the_statement_on_that_still_comes_first(engine: Engine) -> None:
    """The pairs read are the question's own: asked of the letters going out, the other statement."""
    first = first_quote(engine, "What did the Harbour Board say about when its letters went out?")
    assert "letters had gone" in first, first
