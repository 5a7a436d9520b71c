"""What X said, apart from how the reporter describes X (issue 9): "Harriet Colby, Dunmore
Exchange special counsel, said ..." holds "Dunmore Exchange" only in its description of her, so
asked what she warned would happen if the Dunmore Exchange board decided first, her later words on
that come first. Stories written for these tests; a real corpus folder, the real index and CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

EXCHANGE = (
    "Exchange Weighs Trading Rule Petition\n"
    "Directors of the Dunmore Exchange will meet on Friday to consider a members' petition asking "
    "for tighter rules in the grain pit, an exchange official said.\n"
    "Harriet Colby, Dunmore Exchange special counsel, said directors will rule on the petition on "
    "Friday, but a study group has been reviewing pit trading for six months.\n"
    "The study group is expected to send its findings to the board within 30 days.\n"
    "Colby also said that if the petition is settled before the study group's findings are in, "
    '"it will muddle the whole question."\n'
)
FILLERS = (
    "Orchard Harvest Falls\nApple growers picked 8 pct fewer tonnes this autumn after a late frost.\n",
    "Ferry Line Adds Sailings\nThe island ferry will add two evening sailings from May.\n",
    "Museum Reopens\nThe city museum reopened on Sunday after a two-year renovation.\n",
)
QUESTION = (
    "What did Harriet Colby warn would happen if the Dunmore Exchange board decided on the petition "
    "before the study group reported?"
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "exchange.txt").write_text(EXCHANGE, encoding="utf-8")
    for number, text in enumerate(FILLERS):
        (folder / f"filler{number}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("described") / "corpus"))


def test_her_warning_comes_before_the_sentence_naming_her_firm(engine: Engine) -> None:
    answer = engine.ask(QUESTION)
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "muddle the whole question" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "Harriet Colby"


def test_the_command_line_shows_her_warning_first(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--corpus", str(folder), "--top", "1", QUESTION],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "muddle the whole question" in result.stdout
