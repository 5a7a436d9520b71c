"""A reader asking for a date or a reason (issue 9, dev15's even half): "On what date do traders
think ..." is answered by the lead that gives the date, though the rules for "what did X say"
otherwise prefer X's later statements to the lead; "How much did X demand" asks a sum, which
"two drilling companies" does not give; "resigned for personal reasons" says why, where a
sibling sharing more of the question's words gives the cause of something else. Stories written for
these tests; real corpus folders on disk and the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

GRAIN = (
    "Tunvale Expected To Tender For Arden Wheat\n"
    "Tunvale is expected to tender April 14 for 100,000 tonnes of Arden soft wheat for delivery "
    "between May and August and which would be covered by the Arden export credit agency, traders "
    "said here.\n"
    "No official tender has been announced yet by Tunvale, they said.\n"
    "Arden has sold a total of 200,000 tonnes of soft wheat to Tunvale since the beginning of the "
    "current campaign which was covered by export credits. Of this amount, a total of 150,000 tonnes "
    "was exported by March 1, they said.\n"
)
RESIGNS = (
    "Genlab Sees Lower Third Quarter\n"
    "Genlab Systems Inc said it expects third quarter sales to approximate the second quarter's 21.1 "
    "mln dlrs and earnings to be less than the second quarter's 2.7 mln dlrs, due to weak European "
    "sales and product delays.\n"
    "The company also said Chairman Samir Eltar has resigned for personal reasons.\n"
    "Genlab named its president, Andre Marchand, to succeed him as chairman.\n"
)
SUIT = (
    "Judge Denies Dismissal Of Marlow Loan Challenge\n"
    "A federal judge has denied motions by several banks for summary dismissal of lawsuits "
    "challenging the loans they made to the Marlow brothers' two drilling companies.\n"
    "Edwin, Carl and Peter Marlow sued the 23 banks last year for 13.8 billion dlrs in damages after "
    "halting payment on 1.5 billion dlrs in overdue loans to the companies.\n"
    "The ruling clears the way for the Marlows to examine documents at the banks seeking evidence to "
    "support their charges of fraud.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"grain.txt": GRAIN, "resigns.txt": RESIGNS, "suit.txt": SUIT}
    return Engine.open(
        write_stories(tmp_path_factory.mktemp("kind") / "corpus", {**stories, **filler_stories()})
    )


def test_a_date_asked_of_what_traders_think_is_answered_by_the_lead_that_gives_it(engine: Engine) -> None:
    first = first_quote(engine, "On what date do traders think Tunvale will invite offers for Arden wheat?")
    assert "April 14" in first, first


def test_resigning_for_personal_reasons_answers_why(engine: Engine) -> None:
    first = first_quote(engine, "Why did Samir Eltar give up the chairmanship of Genlab?")
    assert "personal reasons" in first, first


def test_a_sum_demanded_is_answered_by_the_sum_not_by_a_count(engine: Engine) -> None:
    first = first_quote(engine, "How much did the Marlow brothers demand from their lenders in the suit?")
    assert "13.8 billion dlrs" in first, first
