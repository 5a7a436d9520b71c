"""Who "what did X say" asks for, as a reader writes X (issue 9): a rating agency named in full
("Hartley and Moore's") that the story then calls by its initials written apart ("H and M"), and a
role asked with the firm it speaks for ("a Vallora spokeswoman"), whose words come before the
reporter's sentence about the same plan. Stories written for these tests; real corpus folders on
disk, the real index and the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

RATING = (
    "Agency May Cut Vexel Industries Rating\n"
    "Hartley and Moore's Corp said it may downgrade Vexel Industries Inc's 200 mln dlrs of "
    "subordinated debt.\n"
    "H and M cited the company's offer to buy Conrad Instruments Corp for 150 mln dlrs.\n"
    "Although Vexel has a sound business, the purchase would weaken earnings and cash flow "
    "protection, H and M said.\n"
)
KNITWEAR = (
    "Vallora of Italy Plans Expansion\n"
    "Vallora SpA of Italy expects to move into financial services and is weighing purchases, a "
    "Vallora spokeswoman said.\n"
    '"We are thinking of growing outside of clothing," the spokeswoman said.\n'
    "The company's shares trade in the U.S. as depositary receipts issued earlier this month.\n"
    "Vallora is now holding talks with Wall Street firms about listing its shares on the New York "
    'Stock Exchange. "There is no timetable at all. It may never happen," the spokeswoman said.\n'
)
FILLERS = (
    "Orchard Harvest Falls\nApple growers picked 8 pct fewer tonnes this autumn after a late frost.\n",
    "Ferry Line Adds Sailings\nThe island ferry will add two evening sailings from May.\n",
    "Museum Reopens\nThe city museum reopened on Sunday after a two-year renovation.\n",
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "rating.txt").write_text(RATING, encoding="utf-8")
    (folder / "knitwear.txt").write_text(KNITWEAR, encoding="utf-8")
    for number, text in enumerate(FILLERS):
        (folder / f"filler{number}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("bodies") / "corpus"))


def test_the_agency_named_in_full_finds_its_initials(engine: Engine) -> None:
    answer = engine.ask("What did Hartley and Moore's say buying Conrad would do to Vexel Industries?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "weaken earnings and cash flow" in first.text, [q.text for q in answer.quotes]


def test_the_spokeswomans_words_come_before_the_reporters(engine: Engine) -> None:
    answer = engine.ask(
        "What did a Vallora spokeswoman say about when its shares might be listed in New York?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "no timetable" in first.text, [q.text for q in answer.quotes]


def test_the_command_line_answers_by_the_agencys_full_name(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    question = "What did Hartley and Moore's say buying Conrad would do to Vexel Industries?"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--corpus", str(folder), "--top", "1", question],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "weaken earnings and cash flow" in result.stdout
