"""For "what did X say" of a company (issue 9): the reporter's account of what the company did ("In
March, Corvane agreed to sell the stations ... for 90 mln dlrs") is not what it said, however many
of the question's words it repeats; its statement ("Corvane said the transaction would result in
an after tax charge ...") comes first (priors.UNSPOKEN_PENALTY). A story written for this test; a
real corpus folder on disk and the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

CORVANE = (
    "Corvane Completes Radio Sale\n"
    "Corvane Broadcasting Co said it completed the sale of its radio stations to Brightwave Media.\n"
    "In March, Corvane agreed to sell the stations in Leeds, York and Hull, which it bought in 1979, "
    "to Brightwave Media for 90 mln dlrs.\n"
    "At the time, Corvane said the transaction would result in an after tax charge of 12 to 15 mln "
    "dlrs.\n"
    "Corvane said it will use the proceeds to cut debt.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("deed") / "corpus"
    return Engine.open(write_stories(folder, {"corvane.txt": CORVANE, **filler_stories()}))


def test_the_company_s_statement_comes_before_the_account_of_its_deal(engine: Engine) -> None:
    question = "What did Corvane say selling its radio stations to Brightwave would cost it in charges?"
    assert "after tax charge" in first_quote(engine, question)


def test_asked_what_it_did_the_account_still_answers(engine: Engine) -> None:
    question = "Which stations did Corvane agree to sell to Brightwave Media?"
    assert "Leeds, York and Hull" in first_quote(engine, question)
