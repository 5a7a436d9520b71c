"""The detail asked comes before the lead that restates the question's words (issue 9): for a why-question
the sentence stating the cause or purpose ("designed to help pay", "largely responsible for", "a
response to"), for "how long" the one holding a duration. Real corpus folders on disk, the real index,
the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import write_stories

# Each story opens with a lead that repeats most words of its question and tells the cause later, in
# words of its own.
LEVY = (
    "Harbour Board Raises Mooring Levy\n"
    "The Westport harbour board will raise the mooring levy charged to yacht owners by 12 pct from "
    "June, board officials said.\n"
    "The higher charges are designed to help pay for dredging the silted inner basin, which has kept "
    "larger boats out since the winter storms, a board spokeswoman said.\n"
    "Owners of fishing boats are not affected.\n"
)
BAKERY = (
    "Northfield Bakeries Loss Deepens\n"
    "Northfield Bakeries Ltd said its 2025 net loss widened to 41 mln crowns from 9 mln crowns a year "
    "earlier, a company statement said.\n"
    "Weaker bread orders from supermarkets and dearer flour were largely responsible for the deeper "
    "deficit, the statement added.\n"
    "The company employs about 900 people at three plants.\n"
)
TUNNEL = (
    "Valley Council Shuts Old Rail Tunnel\n"
    "The valley council closed the old rail tunnel to walkers and cyclists on Friday, the council said.\n"
    "The closure is a response to cracks found in the tunnel's brick lining during a routine survey, "
    "engineers told reporters.\n"
    "The tunnel, built in 1871, carried trains until 1962.\n"
)
# Distractors: other stories with reason words, on other topics.
ORCHARD = (
    "Orchard Growers Expect Smaller Harvest\n"
    "Apple growers expect a smaller harvest this year because of late frost in April, their association "
    "said.\n"
    "Prices are due to rise in the autumn, traders said.\n"
)


def _corpus(folder: Path) -> Path:
    return write_stories(
        folder,
        {
            "levy.txt": LEVY,
            "bakery.txt": BAKERY,
            "tunnel.txt": TUNNEL,
            "orchard.txt": ORCHARD,
        },
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("reasons") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Why is the Westport harbour board raising the levy on moorings?", "help pay for dredging"),
        ("Why did the loss at Northfield Bakeries widen in 2025?", "largely responsible for the deeper"),
        ("Why did the valley council close the old rail tunnel?", "a response to cracks"),
    ],
)
def test_the_sentence_stating_the_cause_comes_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_question_not_asking_why_keeps_the_lead_first(engine: Engine) -> None:
    answer = engine.ask("By how much will the Westport harbour board raise the mooring levy?")
    assert answer.answered, answer.message
    assert "by 12 pct" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_prints_the_cause_first(tmp_path: Path) -> None:
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
            "Why did the valley council close the old rail tunnel?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "a response to cracks" in result.stdout


# The kind asked (a duration, a date, an amount) told after a lead that repeats the question's words.
BRIDGE = (
    "County to Close Mill Street Bridge for Repairs\n"
    "The county will close the Mill Street bridge to all traffic for repairs to its steel deck, county "
    "engineers said on Tuesday.\n"
    "The work is expected to last about eight weeks, weather permitting.\n"
    "Buses will use the ring road instead.\n"
)


def test_the_sentence_holding_the_duration_asked_comes_before_the_lead(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    (folder / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    answer = Engine.open(folder).ask("For how long will the county shut the Mill Street bridge?")
    assert answer.answered, answer.message
    assert "about eight weeks" in answer.quotes[0].text, [q.text for q in answer.quotes]


# A weekly report: the lead tells the latest week, a later sentence the week the question names.
WATER = (
    "Reservoir Levels Rise Again\n"
    "Lakeland reservoirs held 812 million cubic metres of water in the week ended June 14, up 2.1 pct "
    "from a year earlier, the regional water authority said.\n"
    "In its weekly bulletin, the authority said stocks in the week ended June 7 were 798 million cubic "
    "metres.\n"
    "Rainfall was above average for the season.\n"
)


def test_the_sentence_holding_the_day_asked_comes_before_another_weeks_lead(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    (folder / "water.txt").write_text(WATER, encoding="utf-8")
    answer = Engine.open(folder).ask(
        "How much water did the Lakeland reservoirs hold in the seven days to June 7?"
    )
    assert answer.answered, answer.message
    assert "798 million cubic metres" in answer.quotes[0].text, [q.text for q in answer.quotes]


# "Which NOUN": the lead repeats the question; a later sentence holds a name carrying the noun asked.
CLINIC = (
    "Donors Back New Children's Clinic\n"
    "A group of local donors pledged 4 million dlrs on Thursday to build a new children's clinic beside "
    "the harbour hospital, the hospital board said.\n"
    "The largest gift came from the Fairweather Family Foundation and the rest from local shops.\n"
    "Building work starts in the spring.\n"
)


def test_the_name_holding_the_noun_asked_comes_before_the_lead(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    (folder / "clinic.txt").write_text(CLINIC, encoding="utf-8")
    answer = Engine.open(folder).ask(
        "Which foundation is among the donors pledging money for the children's clinic?"
    )
    assert answer.answered, answer.message
    assert "Fairweather Family Foundation" in answer.quotes[0].text, [q.text for q in answer.quotes]
