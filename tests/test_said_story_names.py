"""Which of X's statements answers "what did X say about Y" (issue 9) when Y names what the story is
about: asked how an investor might win control of the company the headline names, her statement on
taking control answers, though it calls the company by no name, before her statement that names the
company twice on something else. A story written for these tests; a real corpus folder on disk and
the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

BRENWICK = (
    "Brenwick Foods Reviews Its Options\n"
    "DENVER, May 4 - The grocery chain said it will study all options to raise its value to "
    "shareholders.\n"
    "Investor Talia Morsund, who holds 7.4 pct of the company, said in a filing that her Tulsa fund "
    "may buy more Brenwick Foods shares, or seek seats on the Brenwick Foods board.\n"
    "She also said she may try to win control through a tender offer.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("story-names") / "corpus"
    return Engine.open(write_stories(folder, {"brenwick.txt": BRENWICK, **filler_stories()}))


def test_her_statement_on_control_comes_before_the_one_naming_the_company(engine: Engine) -> None:
    answer = engine.ask("What did Morsund say about how she might win control of Brenwick Foods?")
    assert answer.answered, answer.message
    assert "win control through" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_asked_of_the_board_her_statement_naming_it_still_comes_first(engine: Engine) -> None:
    answer = engine.ask("What did Morsund say about seats on the Brenwick Foods board?")
    assert answer.answered, answer.message
    assert "seek seats" in answer.quotes[0].text, [q.text for q in answer.quotes]
