"""Kinds of answer as the wire writes them and as a reader asks them (issue 9): "five business days"
is a length of time, "the early 1990s" a time, "Lorain County" a place; "In what Ohio county" asks for
a place, by the noun's commonest sense in WordNet. The
sentence holding that kind comes first, before the lead that shares more of the question's words but
holds none. Stories written for these tests; real corpus folders on disk, the real index and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, first_quote, write_stories

CREDIT = (
    "Brandt Bank Arranges Credit For Kestrel Oil\n"
    "Brandt Bank Ltd said it has arranged a two billion dlr credit facility for Kestrel Oil Co to "
    "finance the company's purchase of Harrow Petroleum Ltd.\n"
    "The bank had five business days to put the syndicate together, banking sources said.\n"
    "Kestrel Oil said the facility carries a margin of 1/8 point over Libor.\n"
)
URANIUM = (
    "Sable Minerals To Develop Uranium Sites In Wyoming\n"
    "Sable Minerals Corp said it will develop two uranium properties in Wyoming and expects the sites "
    "to produce about 250,000 lbs of uranium concentrates in their first full year of operation.\n"
    "Both sites are expected to be fully operating in the early 1990s, with annual output of one to "
    "two mln lbs, the company said.\n"
    "Sable said it is seeking partners for the properties.\n"
)
VERDICT = (
    "Jury Clears Corbel Gas Partnership In Pipeline Suit\n"
    "A state court jury cleared the Corbel Gas partnership of charges that it broke a pipeline "
    "supply contract with Marlow Utilities Inc, the partnership said.\n"
    "The verdict was returned by the jury in Lorain County, Ohio, after two days of deliberation.\n"
    "Marlow Utilities said it was studying the verdict and had not decided whether to appeal.\n"
)


def _corpus(folder: Path) -> Path:
    stories = {"credit.txt": CREDIT, "uranium.txt": URANIUM, "verdict.txt": VERDICT}
    return write_stories(folder, {**stories, **filler_stories()})


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("written") / "corpus"))


def test_a_decade_answers_when(engine: Engine) -> None:
    first = first_quote(engine, "When are Sable's Wyoming uranium sites expected to be fully operating?")
    assert "in the early 1990s" in first, first


def test_what_county_is_answered_by_the_county(engine: Engine) -> None:
    first = first_quote(engine, "In what Ohio county did a jury clear the Corbel Gas partnership?")
    assert "Lorain County" in first, first


def test_business_days_answer_how_much_time(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = ask_cli(
        folder, "--top", "1", "How much time did Brandt Bank have to put together the Kestrel Oil credit?"
    )
    assert result.returncode == 0, result.stderr
    assert "five business days" in result.stdout, result.stdout


SERIES = (
    "Doctor Who Returns For A New Season\n"
    "The BBC said its science fiction series Doctor Who will return for a new season in the autumn.\n"
    "In the series the Doctor uses a time machine shaped like a blue police box to travel through time.\n"
    "The Doctor Who of the first series to travel through time was played by William Hartnell.\n"
)


def test_a_name_ending_in_who_asks_no_person(tmp_path: Path) -> None:
    folder = write_stories(tmp_path / "corpus", {"series.txt": SERIES, **filler_stories()})
    first = first_quote(Engine.open(folder), "What vehicle did Doctor Who use to travel through time?")
    assert "blue police box" in first, first
