""" "How many N" is refused when no sentence counts N (assistant/answer/refusal.py, `count_missing`):
a near miss names the company and its topic, so the refusal models find its story as likely as an
answer; what the story lacks is the count asked. A sentence counting N, or a bridge of it
("workers" for "employees"), still answers."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

STORIES = {
    "kestrel.txt": (
        "Kestrel Foods Posts Loss\n"
        "CHICAGO, April 2 - Kestrel Foods Inc said it had a net loss of 4.2 mln dlrs in its first "
        "quarter, against a profit of 1.1 mln dlrs a year before.\n"
        "The snack maker said sales fell 12 pct to 88 mln dlrs as a strike shut two plants.\n"
        "Kestrel said it expects to return to profit in the second half, and its employees to be "
        "back at work.\n"
    ),
    "harrow.txt": (
        "Harrow Mills To Expand\n"
        "LEEDS, April 3 - Harrow Mills Plc said it will open a third weaving plant next year.\n"
        "The company employs 1,200 workers at its two plants in Yorkshire.\n"
    ),
}


def _engine(tmp_path: Path, *names: str) -> Engine:
    stories = {name: STORIES[name] for name in names}
    return Engine.open(write_stories(tmp_path / "news", stories | filler_stories()))


def test_a_count_no_sentence_gives_is_refused(tmp_path: Path) -> None:
    engine = _engine(tmp_path, "kestrel.txt")
    assert not engine.ask("How many employees does Kestrel Foods have?").answered
    # What the story does count is answered.
    answer = engine.ask("How many plants did the strike at Kestrel Foods shut?")
    assert answer.answered
    assert "two plants" in answer.quotes[0].text


def test_a_count_of_the_asked_thing_in_other_words_answers(tmp_path: Path) -> None:
    answer = _engine(tmp_path, "kestrel.txt", "harrow.txt").ask("How many employees does Harrow Mills have?")
    assert answer.answered
    assert "1,200 workers" in answer.quotes[0].text
