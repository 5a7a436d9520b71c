"""A year before 1500 written after a preposition ("in 1066", "in 800 AD") is a date the answer types
read (issue 9), so the ranker sees the sentence offering it as a "when" question's answer and the
refusal rule for a date missing from the story (story_gaps.kind_missing) reads the same date. Before,
the kinds read years of 1500-2099 only: "When was the Battle of Hastings?" quoted the sentence naming
the battle over the one dating it, and "When was Charlemagne crowned?" was refused. A clock time
written in four digits ("about 1400 GMT") is still no year. Real corpus folders on disk, the real
index, the real engine and the real `assistant ask` process."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "hastings.txt": (
        "Battle Of Hastings\n"
        "The Battle of Hastings was fought between the Norman-French army of Duke William of Normandy "
        "and the English army under King Harold Godwinson.\n"
        "It was fought in 1066 near Hastings, and ended with the death of Harold.\n"
        "The battle was a decisive Norman victory.\n"
    ),
    "charles.txt": (
        "Charlemagne Crowned\n"
        "Charlemagne was crowned emperor of the Romans by Pope Leo III in Rome.\n"
        "The coronation took place in 800 AD on Christmas Day.\n"
        "The title gave the Frankish king the standing of the old emperors.\n"
    ),
    "ferry.txt": (
        "Kelso Ferry Sails Late\n"
        "The Kelso ferry left the quay about 1400 GMT after a fault in its ramp was mended.\n"
        "Passengers were offered a free meal on board.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("early-years") / "news", STORIES | filler_stories())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was the Battle of Hastings?", "fought in 1066"),
        ("When was Charlemagne crowned?", "in 800 AD"),
        ("When was Charlemagne crowned emperor of the Romans?", "in 800 AD"),
    ],
)
def test_a_date_asked_of_history_quotes_the_sentence_with_the_year(
    folder: Path, question: str, expected: str
) -> None:
    answer = Engine.open(folder).ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text


def test_a_clock_time_is_no_year(folder: Path) -> None:
    answer = Engine.open(folder).ask("In what year did the Kelso ferry leave the quay?")
    assert not answer.answered
    assert answer.message == PLAIN


def test_the_command_line_quotes_the_coronation_year(folder: Path) -> None:
    shown = ask_cli(folder, "When was Charlemagne crowned?")
    assert shown.returncode == 0, shown.stderr
    assert "in 800 AD" in shown.stdout.split("\n\n")[0]
    assert PLAIN not in shown.stdout
