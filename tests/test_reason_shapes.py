"""A why-question is answered by the sentence stating the cause however the question asks it and
however the story words it (issue 9): what moved a price in a market report ("aided by", "lent
support to"), a cause asked after the verb of saying ("What did traders say gave X a lift?"), a
purpose asked by what money goes to ("What will the aid be spent on?"), and a cause told in the
sentence a "Therefore" follows. Real corpus folders on disk, the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.answer_types import stated, wanted_types
from assistant.answer.question_class import analyse_question
from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

COPPER = (
    "Copper Closes Firmer In Quiet Trade\n"
    "London copper prices closed firmer in quiet trade on Tuesday, dealers said.\n"
    "Prices edged towards the top of their narrow range, aided by a burst of buying from Far East "
    "consumers in the morning rings.\n"
    "Stocks in exchange warehouses were unchanged.\n"
)
COCOA = (
    "Cocoa Futures Open Higher In New York\n"
    "Cocoa futures opened higher in New York on Wednesday, traders said.\n"
    "Traders said reports of dry weather in West Africa lent support to cocoa futures.\n"
    "Traders said they were not sure whether cocoa futures would hold the gains in New York.\n"
)
LENDERS = (
    "Marlow Brokers Offers Pollution Checks To Banks\n"
    "Marlow Insurance Brokers said it will offer banks a new service checking pollution at the "
    "properties they lend against.\n"
    "Marlow said that under a new law banks can be held liable for the clean-up of land they finance.\n"
    "Therefore, Marlow said, it will rate each property and advise the bank about its options to "
    "reduce pollution risks at the properties it lends against.\n"
    "The service starts in May.\n"
)


AID = (
    "Relief Fund Approves 200,000 Dlr Aid For Lorvania\n"
    "The Northern Relief Fund approved 200,000 dlrs in aid for Lorvania, which was struck by floods "
    "last month.\n"
    "The Fund, which was set up by eight states to help disaster areas, said the money would be used "
    "to provide clean water for the flood victims.\n"
    "Lorvania's main rail line was cut by the floods.\n"
)


def _corpus(folder: Path) -> Path:
    stories = {"copper.txt": COPPER, "cocoa.txt": COCOA, "lenders.txt": LENDERS, "aid.txt": AID}
    return write_stories(folder, stories | filler_stories())


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("reason-shapes") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What helped lift copper prices in London, according to dealers?", "aided by a burst"),
        ("What did traders say gave cocoa futures a lift in New York?", "lent support"),
        (
            "Why, according to Marlow, do banks need to worry about pollution at the properties they "
            "lend against?",
            "held liable",
        ),
        ("What will the Northern Relief Fund's aid to Lorvania be spent on?", "clean water"),
    ],
)
def test_the_sentence_stating_the_cause_comes_first(engine: Engine, question: str, expected: str) -> None:
    assert expected in first_quote(engine, question)


def test_a_statement_question_not_asking_a_cause_keeps_reading_as_one(engine: Engine) -> None:
    """ "What did traders say about ..." asks what they said, whatever the cause sentences say."""
    assert "not sure whether" in first_quote(
        engine, "What did traders say about whether cocoa futures would hold the gains?"
    )


@pytest.mark.parametrize(
    ("question", "cause"),
    [
        ("What did traders say gave cocoa futures a lift in New York?", True),
        ("What did the bank say was behind the drop in its reserves?", True),
        ("What did analysts say prompted the selling?", True),
        ("What did dealers say was caused by the strike?", False),
        ("What did the company say it would do next?", False),
        ("What will Finland use the proceeds of its bond for?", True),
        ("What will the aid be spent on?", True),
        ("What did Reebok spend on advertising in 1987?", False),
    ],
)
def test_a_cause_or_purpose_asked_reads_as_why(question: str, cause: bool) -> None:
    """The reported clause's verb is what is asked: a cause ("say prompted", "say was behind") wants a
    sentence stating one; a thing undergoing ("say was caused by") or a plan does not. What money is
    spent on or used for is its purpose; what is spent on a thing is a sum."""
    wanted = wanted_types(analyse_question(question), stated(question))
    assert (wanted[:1] == ("reason",)) is cause, wanted
