"""Shapes of questions that recur in a reader's words (issue 9), each asked of stories written for the
test: a two-word verb where the story has one word ("turn down" ~ rejected), a "when" clause that is not
the question's own, and a plural noun asked naming the kind of answer ("which banks"). Real corpus
folders on disk, the real index, the real engine and CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import write_stories

MILLS = (
    "Harlan Mills Weighs Offers\n"
    "Harlan Mills received a bid from Ledbury Trust last week, the company said.\n"
    "Harlan Mills rejected a bid from Carver Brothers on Monday, the company said.\n"
    "The mill employs 80 people.\n"
)
ROPEWORKS = (
    "Ropeworks Expects Busy Spring\n"
    "Analysts expect the Dunmore Ropeworks board to raise its dividend by a third, brokers said.\n"
    "The directors meet on May 14 at the company's mill in Dunmore.\n"
    "The ropeworks employs 300 people.\n"
)
SHARE_SALE = (
    "Harlan Foods Plans Share Sale\n"
    "Harlan Foods filed to sell two mln shares to the public, the company said.\n"
    "Proceeds will pay for a new bakery in Dunmore.\n"
    "It said Carver Brothers and Ledbury Trust will manage the offering.\n"
)
BUSES = (
    "Carrow Plans Electric Bus Fleet\n"
    "Carrow plans to have 120 electric buses in service over eight years, transport officials said.\n"
    "The first 30 must be running by 2029, while the remaining 90 will follow in later years, an "
    "official said.\n"
    "Carrow's diesel fleet dates from 2011.\n"
)
# Other stories with the same kinds of words ("turn", years, numbers).
QUARRY = (
    "Quarry Output Falls\n"
    "Output at the Fenwick quarry fell to 12,000 tonnes in March from 15,000 in February, its owner "
    "said.\n"
    "The quarry will turn to night shifts in 2027.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = {
        "mills.txt": MILLS,
        "ropeworks.txt": ROPEWORKS,
        "share_sale.txt": SHARE_SALE,
        "buses.txt": BUSES,
        "quarry.txt": QUARRY,
    }
    return write_stories(tmp_path_factory.mktemp("shapes") / "corpus", stories)


@pytest.fixture(scope="module")
def engine(corpus: Path) -> Engine:
    return Engine.open(corpus)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "turn down" is "reject": of two sentences naming a bid, the one saying it was rejected.
        ("Which bid did Harlan Mills turn down?", "rejected a bid from Carver Brothers"),
        # The "when" clause says at what moment; the question asks what the board is expected to do.
        ("What do analysts expect the Ropeworks board to do when the directors meet?", "raise its dividend"),
        # "Which banks" asks for names, as "which bank" does.
        ("Which banks will manage the Harlan Foods share sale?", "Carver Brothers and Ledbury Trust"),
    ],
)
def test_the_sentence_holding_what_is_asked_comes_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_when_asked_first_still_wants_the_date(engine: Engine) -> None:
    """A question opening with "when" keeps asking for the moment."""
    answer = engine.ask("When do the Dunmore Ropeworks directors meet?")
    assert answer.answered, answer.message
    assert "May 14" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_cli_shows_the_rejected_bid_first(corpus: Path) -> None:
    """The two-word verb through `assistant ask` in a real process."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--corpus",
            str(corpus),
            "Did Harlan Mills turn down a bid?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rejected = done.stdout.find("rejected a bid from Carver Brothers")
    assert rejected != -1, done.stdout
    assert "received a bid from Ledbury Trust" not in done.stdout[:rejected], done.stdout
