"""The answer check after ranking: a question asking how much or how many is not answered by a
sentence that states no amount, however well it matches the question's names and words (a near
miss: the archive knows the company and the person, not the figure asked for)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answer.query import parse_query
from assistant.answer.ranker import load_model
from assistant.answer.refusal import refusal_row
from assistant.answer.settings import Steer
from assistant.engine import Engine

ARTICLES = {
    "studio.txt": """Orlando studio tour names consultant

ORLANDO, Fla., May 4 - Vantor Pictures Inc said noted film maker Steven Alder will serve as creative \
consultant for the Vantor Studios Tour Florida.

The tour, due to open in 1989, will cost about 200 mln dlrs to build, the company said.

Vantor shares rose 1-1/4 to 58-3/8 on the New York Stock Exchange.
""",
    "rail.txt": """Freight rail volumes rise

CHICAGO, April 2 - Freight railroads carried 3 pct more carloads in March than a year earlier, the \
Association of American Railroads said.

Coal and grain shipments led the gain, the association said.
""",
    "wheat.txt": """Wheat exports slow

KANSAS CITY, March 9 - U.S. wheat exports slowed last week as buyers waited for lower prices, grain \
traders said.

Shipments to the Soviet Union were delayed by ice in Black Sea ports, they said.
""",
    "bank.txt": """Bank lowers prime rate

NEW YORK, March 11 - Chemical Bank said it lowered its prime lending rate to 7.5 pct from 7.75 pct, \
effective tomorrow.

Other major banks are expected to follow, analysts said.
""",
}
NEAR_MISS = "How much will Steven Alder be paid for advising Vantor on its Florida studio tour?"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("near") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(corpus: Path) -> Engine:
    return Engine.open(corpus)


def test_a_how_much_question_is_not_answered_by_a_sentence_without_an_amount(engine: Engine) -> None:
    # The refusal model alone is sure: the best sentence holds the names and most of the words.
    query = parse_query(engine.index, NEAR_MISS, Steer())
    rows, ranked = engine._answerer.rank(query)
    model = load_model()
    assert float(model.refusal.probabilities(refusal_row(query, rows, ranked)[None, :])[0]) >= model.threshold
    assert engine.index.articles[ranked[0].cand.article]["id"] == "studio.txt"
    # A figure in the next sentence (the tour's cost) is not what the first quote shows.
    answer = engine.ask(NEAR_MISS)
    assert not answer.answered
    assert "no answer" in (answer.message or "")


def test_a_how_much_question_whose_figure_is_written_is_answered(engine: Engine) -> None:
    answer = engine.ask("How much will the Vantor Studios Tour Florida cost to build?")
    assert answer.answered, answer.message
    assert "200 mln dlrs" in answer.quotes[0].text


def test_a_how_many_question_is_answered_by_a_percentage(engine: Engine) -> None:
    answer = engine.ask("How many more carloads did freight railroads carry in March?")
    assert answer.answered, answer.message
    assert "3 pct more carloads" in answer.quotes[0].text


def test_a_question_asking_no_amount_is_answered_by_the_same_sentence(engine: Engine) -> None:
    answer = engine.ask("Who will serve as creative consultant for the Vantor studio tour?")
    assert answer.answered, answer.message
    assert "Steven Alder will serve as creative" in answer.quotes[0].text


def test_the_command_line_refuses_the_near_miss_with_exit_status_1(corpus: Path) -> None:
    command = [sys.executable, "-m", "assistant", "ask", "--corpus", str(corpus), "--no-history", "--json"]
    result = subprocess.run(
        [*command, NEAR_MISS],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    shown = json.loads(result.stdout)
    assert shown["answered"] is False and shown["quotes"] == []
    assert "holds no answer" in shown["message"]
