"""Words that say what shape of answer a question asks ("What type of ...", "What is the name of ...",
"an example of") frame it, as "say" or "how many" do, and are not searched as its topic (issue 9):
the answer's sentence seldom writes them, and searched they lowered the share of the question it
holds until the refusal model refused ("What type of vessels did the Torvik navy order?" of a story
saying "The Torvik navy has ordered four frigates"). Real corpus folders on disk, the real index, the
real engine and the real `assistant ask` process."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

STORIES = {
    "navy.txt": (
        "Torvik Navy Orders Ships\n"
        "The Torvik navy has ordered four frigates from the Halden yard, the defence ministry said.\n"
        "The ships will replace patrol boats built in the 1970s, which the navy says are costly to run.\n"
        "The first of them is due to be delivered in 2029.\n"
    ),
    "grain.txt": (
        "Ostmark Grain Board Names Chief\n"
        "The Ostmark grain board named Lena Varga as its new chief executive on Monday.\n"
        "Varga, 52, ran the board's export arm for six years.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("frame-words") / "news", STORIES | filler_stories())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What type of vessels did the Torvik navy order?", "ordered four frigates"),
        ("What is the name of the Ostmark grain board's new chief executive?", "named Lena Varga"),
    ],
)
def test_a_question_framed_by_the_shape_it_asks_is_answered(
    folder: Path, question: str, expected: str
) -> None:
    answer = Engine.open(folder).ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text


def test_the_command_line_answers_what_type(folder: Path) -> None:
    shown = ask_cli(folder, "What type of vessels did the Torvik navy order?")
    assert shown.returncode == 0, shown.stderr
    assert "ordered four frigates" in shown.stdout.split("\n\n")[0]
