"""The number that counts what is asked (issue 9): "How many votes did the ferry deal get?" is answered
by the sentence whose number counts votes, not by the lead that covers every word of the question or by
another article's numbers near "deal" and "voting"; the relation word of "Who voted against ..." singles
out the sentence that says it. Real corpus folders on disk, the real index, the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import write_stories

FERRY = (
    "---\n"
    "title: Harbour ferry service to resume after six-week strike\n"
    "---\n\n"
    "By Anna Lindqvist, Baltic Times, 3 March 2026\n\n"
    "Ferry services across the harbour will resume on Monday after crews voted to accept a new pay deal, "
    "ending a strike that lasted six weeks.\n\n"
    '"We are relieved that passengers can travel again," said operations director Mikael Berg, adding '
    "that the timetable would be back to normal within ten days.\n\n"
    "The agreement raises wages by 4.5 percent this year and a further 3 percent in 2027, the union said.\n\n"
    "Union spokeswoman Sara Holm said members had approved the deal by 312 votes to 87.\n"
)
# Distractors in the manner of wire news: "deal" and "voting" beside numbers that count something else.
STAKE = (
    "Investor Raises Stake in Match Maker\n"
    "The statement said the deal increased the group's stake to 49.4 pct of the voting rights and "
    "14.8 pct of the share capital.\n"
    "The seller keeps 34.1 pct of the voting rights after the deal, the statement said.\n"
)
AIRLINE = (
    "Airline Makes Merger Offer\n"
    "The airline said that if the negotiated deal is not acceptable it may offer to buy up to 51 pct of "
    "the rival's stock, to be held in a voting trust.\n"
    "It said it would file an application seeking approval of the merger within 30 days.\n"
)
# Written apart from the ferry story, in other words and another order, so no rule can fit one text.
MUSEUM = (
    "Museum Extension Wins Approval\n"
    "Regional ministers agreed on Tuesday to extend the old maritime museum after a long debate and two "
    "public hearings.\n"
    "The museum said 4,000 visitors a day come to its galleries on the waterfront.\n"
    "The new wing will cost 85 million pounds, shared between the state and the city.\n"
    "Local shopkeepers, who argued against the extension, said the building site would keep trade away.\n"
)
# A bill sale whose lead restates all of "At what yield will the bills be sold?" but the yield, and a
# sentence that compares the yield with another rate's figure.
BILLS = (
    "Central Bank to Sell 500 Billion Yen in Bills\n"
    "The central bank will sell 500 billion yen of financing bills tomorrow through 30-day repurchase "
    "agreements to absorb surplus funds, money traders said.\n"
    "The repurchase agreement yields compare with the 4.0625 pct one-month commercial bill discount "
    "rate today.\n"
    "Of the total, 300 billion yen will yield 3.9989 pct on sales from money houses to banks.\n"
    "The operation will put the outstanding bill supply at about 1,300 billion yen.\n"
)
TRAM = (
    "---\n"
    "title: City council approves new tram line\n"
    "---\n\n"
    "The city council voted 9 to 2 on Monday to build a 14-kilometre tram line linking the airport with "
    "the central station.\n\n"
    '"This line will take thousands of cars off our roads every day," said Mayor Elena Ruiz after the '
    "vote.\n\n"
    "Construction is expected to start next spring and to last about three years, at a cost of 610 "
    "million euros.\n\n"
    "Councillor Tom Baker, who voted against, said the money would be better spent on buses.\n"
)


def _corpus(folder: Path) -> Path:
    return write_stories(
        folder,
        {
            "harbour-ferry.md": FERRY,
            "stake.txt": STAKE,
            "airline.txt": AIRLINE,
            "museum.txt": MUSEUM,
            "tram.md": TRAM,
            "bills.txt": BILLS,
        },
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("counted") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many votes did the ferry deal get?", "312 votes to 87"),
        ("How many visitors does the maritime museum draw?", "4,000 visitors a day"),
        ("At what yield will the bills be sold?", "will yield 3.9989 pct"),
    ],
)
def test_the_number_counting_what_is_asked_comes_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_relation_word_asked_singles_out_its_sentence(engine: Engine) -> None:
    answer = engine.ask("Who voted against the tram line?")
    assert answer.answered, answer.message
    assert "Councillor Tom Baker, who voted against" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_prints_the_vote_count_first(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--corpus",
            str(folder),
            "--top",
            "1",
            "How many votes did the ferry deal get?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "312 votes to 87" in result.stdout
    assert "six weeks" not in result.stdout
