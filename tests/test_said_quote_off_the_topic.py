"""For "what did X say about Y" (issue 9): X's quotation that only grazes Y keeps the bonus for its
quotation marks in the share of Y it holds beside X's best statement on Y, so X's reported statement
that answers comes first ("Tabuchi said he has not been informed how far the study has progressed"
over his quoted "the company's staff has been studying the possibility of a joint business").
A story written for this test; a real corpus folder on disk and the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

HARROW = (
    "Harrow Bank Weighs Venture With Kestrel\n"
    "Harrow Bank and Kestrel Securities are weighing a joint venture in fund management, bankers said.\n"
    'Harrow chairman Ilse Brandvold told an investor forum "at present our staff have been studying '
    'the possibility of a joint venture," she said.\n'
    "Brandvold said she has not been told how the Kestrel study is going at Harrow.\n"
    "She declined to comment on the size of any stake.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("edge") / "corpus"
    return Engine.open(write_stories(folder, {"harrow.txt": HARROW, **filler_stories()}))


def test_the_statement_on_the_topic_comes_before_a_quote_that_grazes_it(engine: Engine) -> None:
    question = (
        "What did Harrow chairman Brandvold say about her knowledge of "
        "how far the Kestrel study has progressed?"
    )
    assert first_quote(engine, question).startswith("Brandvold said she has not been told")


def test_a_quote_on_the_topic_itself_still_comes_first(engine: Engine) -> None:
    question = "What did Brandvold say about the possibility of a joint venture?"
    assert "studying the possibility" in first_quote(engine, question)
