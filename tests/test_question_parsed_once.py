"""The question is parsed once (issue 9): the day it names, the noun of "which NOUN", its runs of
capitalised words and what it writes itself are fields of `Query`, which the lifts, the near-miss
check and the kind checks read instead of the raw question. Parsed against a real index on disk."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.answer_types import offered_types
from assistant.answer.query import parse_query
from assistant.answer.question_class import DayNamed
from assistant.answer.settings import Steer
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

METALS = {
    "metals.txt": (
        "Copper Stocks Fall\n"
        "LONDON, March 24 - Copper stocks held in London Metal Exchange warehouses fell 12,400 tonnes "
        "in the week to March 21, Hollis Trading Co said.\n"
        "In the week to March 14 they had risen by 3,100.\n"
    ),
}
QUESTION = "Which trading company said London Metal Exchange copper stocks fell in the week to March 21?"


def _engine(tmp_path: Path) -> Engine:
    return Engine.open(write_stories(tmp_path / "news", METALS | filler_stories()))


def test_the_day_the_noun_and_the_names_asked_are_parsed_into_the_query(tmp_path: Path) -> None:
    query = parse_query(_engine(tmp_path).index, QUESTION, Steer())
    assert query.days == (DayNamed(("march",), "21"),)
    # "which trading company": both words, and what a company's name writes for "company".
    assert {"trade", "compani", "co", "inc"} <= query.which_noun
    assert ("london", "metal", "exchang") in query.name_runs
    # The exchange's initials, with the run's terms the question searches for.
    assert query.initials["lme"] == ("london", "metal", "exchang")
    assert query.stated.text == QUESTION
    assert "march" in query.stated.words and "march" in query.stated.words_and_terms


def test_a_question_without_them_parses_to_empty_fields(tmp_path: Path) -> None:
    query = parse_query(_engine(tmp_path).index, "How much did copper stocks fall?", Steer())
    assert query.days == () and query.which_noun == frozenset() and query.initials == {}
    assert not query.stated.asks_day and not query.stated.asks_often


def test_a_kind_the_question_states_itself_is_not_offered_again(tmp_path: Path) -> None:
    query = parse_query(_engine(tmp_path).index, "What happened to the 12,400 tonnes of copper?", Steer())
    assert "number" not in offered_types("Stocks fell 12,400 tonnes.", query.stated, query.wanted)
    assert "number" in offered_types("Stocks fell 3,100 tonnes.", query.stated, query.wanted)


def test_the_day_asked_picks_its_weeks_figure(tmp_path: Path) -> None:
    answer = _engine(tmp_path).ask(
        "How much did copper stocks in London Metal Exchange warehouses change in the week to March 14?"
    )
    assert answer.answered, answer.message
    assert "3,100" in answer.quotes[0].text, [q.text for q in answer.quotes]
