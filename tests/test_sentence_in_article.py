"""The right sentence inside the right article (issue 9): in a short story whose lead repeats the topic
("tram line"), a question on one detail of it (how long, how much, who) is answered by the sentence
holding that detail, not by the lead. Real corpus folders on disk, the real index, the real CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.conftest import SEED

TRAM = (
    "---\n"
    "title: City council approves new tram line\n"
    "author: Priya Natarajan\n"
    "date: '2025-06-02'\n"
    "source: Riverside Courier\n"
    "---\n\n"
    "The city council voted 9 to 2 on Monday to build a 14-kilometre tram line linking the airport with "
    "the central station.\n\n"
    '"This line will take thousands of cars off our roads every day," said Mayor Elena Ruiz after the '
    "vote.\n\n"
    "Construction is expected to start next spring and to last about three years, at a cost of 610 "
    "million euros.\n\n"
    "Councillor Tom Baker, who voted against, said the money would be better spent on buses.\n"
)
# Written apart from the tram story, in other words and another order, so no rule can fit one text.
MUSEUM = (
    "Museum Extension Wins Approval\n"
    "Regional ministers agreed on Tuesday to extend the old maritime museum, which draws 4,000 "
    "visitors a day to the waterfront.\n"
    "The museum said its galleries had been too small for the collection since a bequest doubled it.\n"
    "Work on the museum extension will begin in March and will take roughly 18 months, the ministry said.\n"
    "The new wing will cost 85 million pounds, shared between the state and the city.\n"
    "Local shopkeepers, who opposed the plan, said the building site would keep visitors away.\n"
)
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def _corpus(folder: Path, others: bool) -> Engine:
    """The two short stories beside the bundled article, and with `others` the test articles
    too (one of them on a council vote with a councillor voting against)."""
    folder.mkdir()
    (folder / "city-council-approves-new-tram-line.md").write_text(TRAM, encoding="utf-8")
    (folder / "museum-extension.txt").write_text(MUSEUM, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    if others:
        for article in ARTICLES.iterdir():
            shutil.copy(article, folder / article.name)
    return Engine.open(folder)


@pytest.fixture(scope="module", params=[False, True], ids=["beside-seed", "beside-news"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return _corpus(tmp_path_factory.mktemp("news") / "corpus", bool(request.param))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How long will the tram construction take?", "about three years"),
        ("How much will the tram line cost?", "610 million euros"),
        ("How long will the work on the museum extension take?", "roughly 18 months"),
        ("How much will the museum extension cost?", "85 million pounds"),
    ],
)
def test_the_sentence_with_the_asked_detail_comes_before_the_lead(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who voted against the tram line?", "Councillor Tom Baker, who voted against"),
        ("Who opposed extending the museum?", "Local shopkeepers, who opposed the plan"),
    ],
)
def test_who_is_shown_among_the_quotes(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert any(expected in q.text for q in answer.quotes), [q.text for q in answer.quotes]


def test_the_command_line_prints_the_cost_first(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, others=True)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--corpus",
            str(folder),
            "--top",
            "1",
            "How much will the tram line cost?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "610 million euros" in result.stdout
    assert "voted 9 to 2" not in result.stdout
