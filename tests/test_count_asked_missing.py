""" "How many N" is refused when no sentence counts N (assistant/answer/story_gaps.py, `count_missing`):
a near miss names the company and its topic, so the refusal models find its story as likely as an
answer; what the story lacks is the count asked. A sentence counting N, or a bridge of it
("workers" for "employees"), still answers."""

from __future__ import annotations

from pathlib import Path

import pytest

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


# Counts as readers write them: in a year's shape before a plural, a part of a whole, bound by a hyphen.
WRITTEN = {
    "gala.txt": (
        "Harbour Hall Reopens With Gala\n"
        "DUNMORE, May 9 - The restored Harbour Hall reopened on Saturday with a gala dinner attended by "
        "2000 guests, the city council said.\n"
        "The hall was built in 1887, and its 2019 repairs were paid for by local firms.\n"
    ),
    "mill.txt": (
        "Brackley Textiles To Cut Jobs\n"
        "LEEDS, May 10 - Brackley Textiles Plc said it will lay off 5,000 of its employees as it shuts "
        "its oldest mills in the north.\n"
        "The company said the closures would save 40 mln stg a year.\n"
    ),
    "census.txt": (
        "Dunmore Census Published\n"
        "DUNMORE, May 12 - The town's population was 48,000 at the last census, the council said.\n"
        "The council said the census would be repeated in five years.\n"
    ),
    "cinema.txt": (
        "Northgate Cinema Opens\n"
        "YORK, May 11 - Cinema chain Lumen opened a 12-screen multiplex at the Northgate centre on Friday, "
        "its largest in the country.\n"
        "Lumen said tickets sold out for the opening weekend.\n"
    ),
}


def _written(tmp_path: Path) -> Engine:
    return Engine.open(write_stories(tmp_path / "news", WRITTEN | filler_stories()))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "2000 guests" has a year's shape, but a year does not stand before a plural so.
        ("How many guests attended the Harbour Hall gala dinner?", "2000 guests"),
        ("How many employees will Brackley Textiles lay off?", "5,000 of its employees"),
        ("How many screens does Lumen's Northgate multiplex have?", "12-screen"),
        # A number with no unit after it still counts the noun before it ("population was 48,000").
        ("How many people lived in Dunmore at the last census?", "48,000"),
    ],
)
def test_a_count_written_as_readers_write_it_answers(tmp_path: Path, question: str, expected: str) -> None:
    answer = _written(tmp_path).ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_year_before_a_plural_after_its_owner_is_still_no_count(tmp_path: Path) -> None:
    # "its 2019 repairs" names the year of the repairs, not how many there were.
    assert not _written(tmp_path).ask("How many repairs did Harbour Hall need?").answered


# The user trial's pages: a count of the people a noun happens to, and a span beside a noun's word.
TRIAL = {
    "mill.txt": (
        "Nordby paper mill to close\n"
        "The Nordby paper mill will shut in January, owner Hallan Group said on Monday, blaming weak "
        "demand for newsprint.\n"
        "About 340 workers will lose their jobs when the mill closes, the company said.\n"
        "The mill has operated since 1921 and was the town's largest employer.\n"
    ),
    "channel.txt": (
        "Vardal channel dredging falls behind\n"
        "Work to deepen the Vardal shipping channel is running six months behind schedule, the port "
        "authority said.\n"
        "Port director Lars Moen said he expected the channel to reopen to large ships by the end of "
        "next year.\n"
    ),
}


def _trial(tmp_path: Path) -> Engine:
    return Engine.open(write_stories(tmp_path / "news", TRIAL | filler_stories()))


def test_jobs_counted_by_the_workers_losing_them_answer(tmp_path: Path) -> None:
    # "340 workers will lose their jobs" counts the jobs asked of: the noun stands in the clause.
    answer = _trial(tmp_path).ask("How many jobs will go at the Nordby mill?")
    assert answer.answered, answer.message
    assert "About 340 workers" in answer.quotes[0].text


def test_a_span_in_a_sentence_naming_the_noun_counts_nothing(tmp_path: Path) -> None:
    # "the Vardal shipping channel is running six months behind" counts months, not ships: a number
    # with a unit after it measures that unit and counts no noun before it.
    assert not _trial(tmp_path).ask("How many ships use the Vardal channel?").answered


DAEWOO = {
    "daewoo.txt": (
        "Daewoo Motor To Raise U.S. Imports\n"
        "SEOUL, March 3 - Daewoo Motor Corp, the joint venture between Daewoo Group and General Motors "
        "Corp, said it will boost its 1987 imports of U.S. goods to 200 mln dlrs from 104 mln dlrs in 1986.\n"
        "The company said U.S. imports will account for about 35 pct of its total planned imports of "
        "565 mln dlrs in 1987.\n"
    ),
}


def test_a_sum_after_its_noun_is_still_its_worth(tmp_path: Path) -> None:
    # "planned imports of 565 mln dlrs" gives the imports' value: only a span or a share after a
    # number ("six months", "12 pct") parts it from the noun before it.
    engine = Engine.open(write_stories(tmp_path / "news", DAEWOO | filler_stories()))
    answer = engine.ask("What is the overall value of the imports Daewoo's car venture plans for 1987?")
    assert answer.answered, answer.message
    assert "565 mln dlrs" in answer.quotes[0].text
