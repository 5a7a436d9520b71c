"""A date asked of a story that writes its year before 1500 is answered (story_gaps.kind_missing reads
the answer types' dates, which read "In 1066" since frame21): when they read years of 1500-2099
only, "In 1066, Duke William ... at the Battle of Hastings" offered no date and "When was the Battle
of Hastings?" was refused with the plain message although the story says it. A date asked of a story
writing none is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "hastings.txt": (
        "The Norman Conquest\n"
        "In 1066, Duke William II of Normandy conquered England, killing King Harold II at the Battle of "
        "Hastings.\n"
        "The invading Normans and their descendants replaced the Anglo-Saxons as the ruling class of "
        "England.\n"
    ),
    "abbey.txt": (
        "Restoring Kestrel Abbey\n"
        "The builders of Kestrel Abbey used stone carried by river barge from quarries upstream.\n"
        "Masons restoring the abbey's west tower said the old mortar had lasted remarkably well.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("history") / "news", STORIES | filler_stories())


def test_a_year_before_1500_answers_when_and_a_story_without_one_is_refused(folder: Path) -> None:
    engine = Engine.open(folder)
    answer = engine.ask("When was the Battle of Hastings?")
    assert answer.answered, answer.message
    assert "In 1066" in answer.quotes[0].text
    refused = engine.ask("When did the builders of Kestrel Abbey finish its west tower?")
    assert not refused.answered
    assert refused.message == PLAIN


def test_the_command_line_quotes_the_year(folder: Path) -> None:
    shown = ask_cli(folder, "When was the Battle of Hastings?")
    assert shown.returncode == 0, shown.stderr
    assert "In 1066" in shown.stdout
    assert PLAIN not in shown.stdout
