"""Which of X's statements answers "what did X say about Y" (issue 9): a company asked by the first
words of its name ("Varrow" for Varrow Mineral Exploration Co Ltd); and "He said ..." after a
sentence naming the analyst asked is that analyst's, before the analyst's statement on another
topic that repeats the story's words. Stories written for these tests; real corpus folders on disk,
the real index and the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

VARROW = (
    "Varrow Converts Debentures\n"
    "Varrow Mineral Exploration Co Ltd said it converted 7 mln dlrs of its 11 pct convertible "
    "debentures into 2.8 mln common shares.\n"
    "The conversion removes its obligation to repay the principal due in 1993 and will lift cash "
    "flow through an interest saving of more than 800,000 dlrs a year, the company said.\n"
    "Varrow also said it is a partner in a new well in central Alberta that tested at more than "
    "1,000 barrels a day.\n"
)
TANKER = (
    "Oil Prices Ease After Gulf Strike\n"
    "Crude prices eased on Monday as traders weighed the naval strike against ample supplies.\n"
    "Fenwick Tallow, analyst at Marlow Bank, said the strike would lift tanker rates for shippers in "
    "the Gulf until spring.\n"
    "Tanker rates in the Gulf rose sharply, shipping brokers said.\n"
    "Other analysts called the strike a measured reply that would calm the market.\n"
    "Marlow Bank's Tallow took a different view, however.\n"
    "He said shippers will feel less secure, not more.\n"
    '"The strike was carefully limited," said Oren Pask, an analyst at Quill Securities.\n'
)


def _corpus(folder: Path) -> Path:
    fillers = filler_stories()
    return write_stories(folder, {"varrow.txt": VARROW, "tanker.txt": TANKER, **fillers})


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("which") / "corpus"))


def test_a_company_asked_by_its_first_word_finds_what_the_company_said(engine: Engine) -> None:
    answer = engine.ask("What did Varrow say?", speaker="Varrow")
    assert answer.answered, answer.message
    assert any("interest saving" in q.text for q in answer.quotes), [q.text for q in answer.quotes]


def test_the_statement_after_a_sentence_naming_the_analyst_is_his(engine: Engine) -> None:
    answer = engine.ask("What did Tallow say about how secure shippers will feel after the strike?")
    assert answer.answered, answer.message
    assert "feel less secure" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_finds_the_company_by_its_first_word(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--corpus",
            str(folder),
            "--speaker",
            "Varrow",
            "--top",
            "3",
            "What did Varrow say about the interest saving?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "interest saving of more than 800,000 dlrs" in result.stdout
