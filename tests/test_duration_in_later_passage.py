"""A duration told in a later passage of the story in words of its own (issue 9): "for how long can X
not refund" where the story says "nonrefundable for five years" in a passage sharing no word with the
question. The best article's other passages are candidates for a "how long" question. Stories
written for the test, a real corpus folder on disk, the real index and engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import write_stories

# Long enough that the duration lies in a passage of its own (passages hold about 120 tokens).
KESSEL = (
    "Kessel Power Sells Preferred Stock\n"
    "Kessel Power Co said it sold 40 mln dlrs of 6.5 pct preferred stock to underwriters at competitive "
    "bidding, a company spokeswoman said on Tuesday.\n"
    "The utility serves about 310,000 customers in three counties along the northern coast and operates "
    "two gas-fired plants near the town of Arden.\n"
    "Its earnings rose to 61 mln dlrs last year from 55 mln dlrs a year earlier, helped by a cold winter "
    "and higher demand from farms and mills.\n"
    "Underwriters led by Halvard Securities will reoffer the issue to investors at par, yielding 6.5 pct, "
    "the lead manager said in a statement.\n"
    "The issue is nonrefundable for five years.\n"
    "Proceeds will go toward a transmission line to Arden.\n"
)
HARBOUR = (
    "Westport Harbour Issues Bonds\n"
    "The Westport harbour board sold 20 mln dlrs of bonds due 2031 to fund new berths.\n"
    "The bonds carry a 4.5 pct coupon.\n"
)
QUARRY = "Quarry Output Falls\nOutput at the Fenwick quarry fell to 12,000 tonnes in March, its owner said.\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("later") / "corpus"
    write_stories(folder, {"kessel.txt": KESSEL, "harbour.txt": HARBOUR, "quarry.txt": QUARRY})
    return Engine.open(folder)


def test_the_duration_in_a_passage_of_its_own_comes_first(engine: Engine) -> None:
    answer = engine.ask("For how long can Kessel Power not refund its new preferred stock?")
    assert answer.answered, answer.message
    assert "nonrefundable for five years" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_an_amount_asked_keeps_the_lead(engine: Engine) -> None:
    """Only a "how long" question reaches past the passages its words find."""
    answer = engine.ask("How much preferred stock did Kessel Power sell?")
    assert answer.answered, answer.message
    assert "40 mln dlrs" in answer.quotes[0].text, [q.text for q in answer.quotes]
