"""Which of X's statements answers a "what did X say" question asked of what is to come (issue 9):
asked what a spokeswoman expects, her forecast answers, not her account of last year beside it that
names the same company and profit. Asked of the past, the forecast has no such claim. A story written
for these tests; a real corpus folder on disk and the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

HARTWELL = (
    "Hartwell Savings Profit Seen Lower\n"
    "NEW YORK, April 9 - Hartwell Savings Corp's quarterly profit per share is set to fall, a "
    "Brantley Securities analyst told clients.\n"
    "Last year Hartwell earned 3.22 dlrs per share in the quarter, when its mortgage lending profit "
    "was high, the Brantley spokeswoman said.\n"
    "In the present market for mortgages, Hartwell's quarterly earnings should drop to about 1.80 "
    "dlrs per share, the spokeswoman said.\n"
    "Hartwell shares closed down 1/4 at 31 on the New York Stock Exchange.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("ahead") / "corpus"
    return Engine.open(write_stories(folder, {"hartwell.txt": HARTWELL, **filler_stories()}))


def test_asked_what_she_expects_her_forecast_comes_first(engine: Engine) -> None:
    answer = engine.ask("What did the Brantley spokeswoman expect for Hartwell's quarterly profit per share?")
    assert answer.answered, answer.message
    assert "should drop" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_asked_what_she_said_of_last_year_her_account_of_it_comes_first(engine: Engine) -> None:
    answer = engine.ask("What did the Brantley spokeswoman say Hartwell earned per share last year?")
    assert answer.answered, answer.message
    assert "Last year" in answer.quotes[0].text, [q.text for q in answer.quotes]
