"""The kind of answer asked, read where the reader's words hide it, and offered where the story's
words hide it (issue 9): "What is the Bank of Norland's target range" asks a figure
(the owner's name says whose, the noun after it what); "To what did X attribute the rise" asks why;
", to keep a competitive position" states a purpose. A sibling sentence with more of the question's
words does not come first. Stories written for these tests; real corpus folders on disk, the real index.
"""

from __future__ import annotations

import pytest

from assistant.answer.answer_types import offered_types, stated, wanted_types
from assistant.answer.question_class import analyse_question
from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

NORLAND = (
    "Bank of Norland Keeps Money Supply Target\n"
    "Governor Ana Ruiz of the Bank of Norland said money supply growth this year was running ahead of "
    "the bank's target range, and Deputy Governor Piet Olsen agreed.\n"
    "The target range for this year is 6.5 to 9.5 pct.\n"
    "The bank meets again in May.\n"
)
KELDON = (
    "Keldon Electronics First Quarter Profit Rises\n"
    "Keldon Electronics Inc reported first quarter operating earnings rose to 43.7 mln dlrs from "
    "36.4 mln dlrs a year earlier, a rise in its operating profit.\n"
    "Keldon said the gain in its first quarter earnings was the result of cost cutting efforts which "
    "began last year.\n"
    "Its shares closed up 1/4.\n"
)
TELLCO = (
    "Tellco Cuts Prices Of Personal Computers\n"
    "Tellco said prices of its high-end TX8 models have been cut by 10 pct and its TX6 model by 8 "
    "pct for the computers sold to schools.\n"
    "Tellco Corp said it cut prices on its personal computers, the TX8 and TX6 models, by 10 pct to "
    "21 pct effective immediately, to keep a competitive position on pricing.\n"
    "The computers are made at its plant in Ostrava.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"norland.txt": NORLAND, "keldon.txt": KELDON, "tellco.txt": TELLCO}
    folder = tmp_path_factory.mktemp("kinds-owned") / "corpus"
    return Engine.open(write_stories(folder, stories | filler_stories()))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the Bank of Norland's target range for money supply growth this year?", "6.5 to 9.5 pct"),
        (
            "To what did Keldon Electronics attribute the rise in its first-quarter operating profit?",
            "cost cutting",
        ),
        ("Why did Tellco reduce the prices of its TX6 and TX8 computers?", "to keep a competitive position"),
    ],
)
def test_the_sentence_offering_the_kind_asked_comes_first(
    engine: Engine, question: str, expected: str
) -> None:
    assert expected in first_quote(engine, question)


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("What is the Bank of Spain's target range for money supply growth?", "number"),
        ("What was the company's net loss?", "money"),
        ("Which company's shares rose?", "person"),
        ("To what did Honeywell attribute the rise in profit?", "reason"),
        ("What did the company blame the loss on?", "reason"),
        ("Which brokerage was the counterparty in the swap?", "person"),
        ("What is the maturity of the company's bond issue?", "duration"),
    ],
)
def test_the_kind_asked_past_an_owner_or_by_what_it_is_put_down_to(question: str, wanted: str) -> None:
    assert wanted in wanted_types(analyse_question(question), stated(question))


def test_a_cause_written_as_what_something_was_affected_by_is_a_reason_offered() -> None:
    sentence = "The institute said production in January was affected by rail strikes and cold weather."
    assert "reason" in offered_types(sentence, stated("Why did output fall in January?"))


def test_a_gain_that_was_the_result_of_something_offers_a_reason() -> None:
    sentence = "Keldon said the gain in its earnings was the result of cost cutting efforts."
    assert "reason" in offered_types(sentence, stated("Why did Keldon's earnings rise?"))


def test_to_what_extent_asks_no_cause() -> None:
    question = "To what extent did the bank attribute the loss to bad loans?"
    assert "reason" not in wanted_types(analyse_question(question), stated(question))
