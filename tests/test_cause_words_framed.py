"""The words that only ask why ("What lay behind ...", "What was the reason for ...", "What factors
...") are the question's frame, as "why" is, not words the answer's sentence must write (issue 9).
Searched, they lowered the share of the question a sentence holds, and the refusal model refused: the
user's trial of "What lay behind the delay at the port of Vardal?" on a harbour page saying "The
authority blamed the delay on falling harbour dues" was refused. And "Work is due to start in March"
says when, not why: it came before the reason of "Why was the Vardal channel work delayed?". Real
corpus folders on disk, the real index, the real engine and the real `assistant ask` process."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

PORT = (
    "Vardal Harbour Authority Delays Channel Work\n"
    "The Vardal harbour authority has put off deepening the port's main channel until next year, its "
    "board said on Tuesday.\n"
    "The authority blamed the delay on falling harbour dues after two shipping lines moved their calls "
    "to Brensk.\n"
    "Work is due to start in March and last 18 months.\n"
)
MILL = (
    "Ostby Mill Shuts Second Line\n"
    "The Ostby paper mill will shut its second line for three months, the company said.\n"
    "The closure was caused by a shortage of pulp after floods cut the rail line from the north.\n"
    "About 120 workers will be moved to the first line.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = {"port.txt": PORT, "mill.txt": MILL}
    return write_stories(tmp_path_factory.mktemp("cause-framed") / "news", stories | filler_stories())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What lay behind the delay at the port of Vardal?", "blamed the delay on falling harbour dues"),
        ("What was the reason for the delay at the port of Vardal?", "blamed the delay on falling"),
        ("What factors delayed the channel work at Vardal?", "blamed the delay on falling harbour dues"),
        ("What lay behind the shutdown of the second line at the Ostby mill?", "shortage of pulp"),
        ("Why was the Vardal channel work delayed?", "blamed the delay on falling harbour dues"),
    ],
)
def test_a_cause_asked_in_a_readers_words_is_answered_not_refused(
    folder: Path, question: str, expected: str
) -> None:
    answer = Engine.open(folder).ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text


def test_the_command_line_quotes_the_reason_for_the_trials_question(folder: Path) -> None:
    shown = ask_cli(folder, "What lay behind the delay at the port of Vardal?")
    assert shown.returncode == 0, shown.stderr
    first = shown.stdout.split("\n\n")[0]
    assert "blamed the delay on falling harbour dues" in first
