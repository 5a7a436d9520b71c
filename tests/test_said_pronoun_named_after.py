"""A run of "he said" whose name stands paragraphs back, a spokesman's words between, is the person
the story comes back to by surname next ("... O'Connell said"), and a question names him with an
inner capital ("Kevin O'Connell") as one name (issue 9, "what did X say"). A story written for
these tests in the wire's shape; a real corpus folder on disk, the real index and the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

BREWERY = (
    "Farrow Chairman Eyes Ardmore Brewery\n"
    "DUBLIN, March 3 - Farrow Foods chairman Kevin O'Connell would be interested in buying Ardmore "
    "PLC's brewery division if it were for sale, a spokesman said.\n"
    'The spokesman, reacting to press reports, said "He continues to be interested were the group '
    'to offer the brewery for sale. But he has not put together a consortium."\n'
    "He was quoted by a business magazine as saying he would be interested if it came on the market.\n"
    "In the magazine article, he suggested the asking price would not be higher than 800 mln punts.\n"
    '"A multiple of ten times earnings would be the top price for the brewing division," he said.\n'
    '"This would be an expensive exercise, but not impossible," he added.\n'
    'The deal would mean buying all four breweries because "it could only be sold as one unit," '
    "O'Connell said.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = {"brewery.txt": BREWERY, **filler_stories()}
    return write_stories(tmp_path_factory.mktemp("after") / "corpus", stories)


def test_his_words_are_shown_as_his_and_answer_first(folder: Path) -> None:
    answer = Engine.open(folder).ask(
        "What did Kevin O'Connell say would be the most anyone should pay for the brewing business?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "ten times earnings" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "Kevin O'Connell", first.speaker


def test_asked_as_the_speaker_on_the_command_line(folder: Path) -> None:
    result = ask_cli(folder, "--speaker", "O'Connell", "--top", "5", "What did he say about the price?")
    assert result.returncode == 0, result.stderr
    assert "ten times earnings" in result.stdout, result.stdout
