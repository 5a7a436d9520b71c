"""A date written in a reporting clause ("transport officials said on Tuesday", "told reporters
Monday") is the day something was said, not the day of the event asked (issue 9): the answer kinds
(answer_types.offered_types) do not read it as offering the date "When will the tram open?" asks, so
the ranker quotes the sentence dating the opening first. A question asking when something happened
("When was the mill founded?") is not answered by a date still to come ("will shut in January"). A
question that asks when something was said or announced still takes the report's date. A start
written as a date ("has operated since 1921") answers how long as well. Real corpus
folders on disk, the real index, the real engine and the real `assistant ask` process."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.answer_types import offered_types, stated, wanted_types
from assistant.answer.question_class import analyse_question
from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, first_quote, write_stories

STORIES = {
    "tram.txt": (
        "Title: Airport tram line delayed again\n"
        "Author: Maria Lind\n"
        "Source: Harbour Post\n"
        "Date: 2026-03-04\n\n"
        "The city's long-promised tram link to Eastfield airport has been pushed back once more, "
        "transport officials said on Tuesday.\n\n"
        "The line will now open in 2029, two years later than planned, after contractors found unstable "
        "ground under the river crossing.\n\n"
        '"We would rather be late than unsafe," said transport commissioner Anders Holm.\n'
    ),
    "mill.txt": (
        "Title: Nordby paper mill to close\n"
        "Author: Jon Ekberg\n"
        "Source: Northern Courier\n"
        "Date: 2026-02-11\n\n"
        "The Nordby paper mill will shut in January, owner Hallan Group said on Monday, blaming weak "
        "demand for newsprint.\n\n"
        "About 340 workers will lose their jobs when the mill closes, the company said.\n\n"
        "The mill has operated since 1921 and was the town's largest employer.\n"
    ),
    "video.txt": (
        "Kelso Video Adds Licences\n"
        "Kelso Video Corp said it sold two more area licences to own and operate its rental stores.\n"
        "It said the licences require at least six new stores to be opened within a 25 month period.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("report-dates") / "news", STORIES | filler_stories())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When will the airport tram open?", "open in 2029"),
        ("When was the Nordby mill founded?", "since 1921"),
        ("When did Hallan Group announce the closure of the mill?", "said on Monday"),
        ("When will the Nordby mill close?", "shut in January"),
        ("When will Kelso Video open its new stores?", "within a 25 month period"),
        ("How long has the Nordby mill been open?", "since 1921"),
    ],
)
def test_the_date_asked_comes_first(folder: Path, question: str, expected: str) -> None:
    assert expected in first_quote(Engine.open(folder), question)


def test_a_story_giving_only_a_length_of_time_does_not_say_when_it_happened(folder: Path) -> None:
    answer = Engine.open(folder).ask("When did Kelso Video open its first rental store?")
    assert not answer.answered
    assert answer.message == "The corpus holds no answer to this question."


def test_the_command_line_quotes_the_opening_year_first(folder: Path) -> None:
    shown = ask_cli(folder, "When will the airport tram open?")
    assert shown.returncode == 0, shown.stderr
    assert "open in 2029" in shown.stdout.split("\n\n")[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The line was delayed again, transport officials said on Tuesday.",
        "Chrysler told reporters Monday it would cut output.",
        "The company said in a statement on March 3 that sales rose.",
        "The bank on Friday said it had raised its rates.",
    ],
)
def test_a_report_date_offers_no_date_of_the_event(sentence: str) -> None:
    assert "date" not in offered_types(sentence, stated("When will the line open?"))
    assert "date" in offered_types(sentence, stated("When did the company announce it?"))


def test_a_date_of_the_event_beside_a_report_date_still_counts() -> None:
    sentence = "The company said on Tuesday it would open the plant in 2029."
    assert "date" in offered_types(sentence, stated("When will the plant open?"))


def test_a_length_of_time_does_not_say_when_something_happened() -> None:
    asked = "When did the mill open its first shop?"
    assert wanted_types(analyse_question(asked), stated(asked)) == ("date",)
    asked = "When will the mill open its first shop?"
    assert "duration" in wanted_types(analyse_question(asked), stated(asked))


def test_a_date_to_come_does_not_date_what_happened() -> None:
    sentence = "The mill will shut in January."
    assert "date" not in offered_types(sentence, stated("When was the mill founded?"))
    assert "date" in offered_types(sentence, stated("When will the mill shut?"))
    assert "date" in offered_types(sentence, stated("When was the mill expected to shut?"))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Treasury sold notes Tuesday.",
        "Farmers filed claims on Monday.",
        "The bank issued reports on Friday.",
    ],
)
def test_a_noun_spelled_like_a_reporting_verb_keeps_the_deeds_date(sentence: str) -> None:
    assert "date" in offered_types(sentence, stated("When was it done?"))


def test_a_run_of_spaces_after_a_date_is_read_in_linear_time() -> None:
    # A hostile article's run of blanks made the reporting-clause check backtrack quadratically.
    sentence = "It opened on Tuesday" + " " * 20_000 + "and closed."
    assert "date" in offered_types(sentence, stated("When did it open?"))
