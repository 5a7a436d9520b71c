"""Who heads, leads or runs a body is written as its title ("Acme Widget Corp chairman John Smith",
"Bundesbank President Karl Otto Poehl"), and a story writing only that answers "Who heads Acme
Widget?" (assistant/answer/role_asked.py, `written_as`): WordNet bridges "head" to chief, lead and
direct, not to chairman or president, and story_gaps.role_unbound refused such questions. A story
that gives the title only at another name is still refused, with the plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "acme.txt": (
        "Acme Widget Sees Higher Profit\n"
        "CHICAGO, March 3 - Acme Widget Corp chairman John Smith said first-quarter profit would rise "
        "on strong demand for its widgets.\n"
        "The company said sales rose 12 pct in February.\n"
    ),
    "pennzoil.txt": (
        "Pennzoil Presses Claim Against Texaco\n"
        "HOUSTON, April 6 - Pennzoil Co chairman J. Hugh Liedtke said the company has made several "
        "proposals to Texaco Inc to settle its court judgment.\n"
        "Texaco shares fell 1-1/2 to 31-3/4 on the news.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("titles") / "news", STORIES | filler_stories())


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Who heads Acme Widget?", "John Smith"),
        ("Who leads Acme Widget?", "John Smith"),
        ("Who is the head of Acme Widget?", "John Smith"),
    ],
)
def test_who_heads_a_body_is_answered_by_its_title(folder: Path, question: str, holder: str) -> None:
    answer = Engine.open(folder).ask(question)
    assert answer.answered, (question, answer.message)
    assert holder in answer.quotes[0].text


def test_the_title_at_another_name_is_still_refused_on_the_command_line(folder: Path) -> None:
    refused = ask_cli(folder, "Who heads Texaco?")
    assert refused.returncode == 1, refused.stderr
    assert refused.stdout.strip() == PLAIN
    answered = ask_cli(folder, "Who heads Acme Widget?")
    assert answered.returncode == 0, answered.stderr
    assert "John Smith" in answered.stdout
