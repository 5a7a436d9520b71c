"""The detail sentence holding the figure asked comes before the lead that names the story's subject
(issue 9): the question's names say which article, its other words say which sentence. Stories written
for the test, a real corpus folder on disk, the real index and engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import write_stories

VINEYARD = (
    "Rosslare Vineyards Sells Estate\n"
    "Rosslare Vineyards Inc said it sold its hillside estate to Ardmore Wines for 12 mln dlrs.\n"
    "The estate produced 40,000 cases of wine last year, Rosslare said.\n"
    "Ardmore will keep the estate's 35 workers.\n"
)
DEPOT = (
    "Tarnby Freight Opens Depot\n"
    "Tarnby Freight Ltd said it will spend 40 mln crowns on a new depot outside Kessel, creating 200 "
    "jobs.\n"
    "The depot will have room for 9,000 pallets, the company said.\n"
    "Construction starts in June.\n"
)
QUARRY = (
    "Quarry Output Falls\n"
    "Output at the Fenwick quarry fell to 12,000 tonnes in March from 15,000 in February, its owner "
    "said.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("detail") / "corpus"
    write_stories(folder, {"vineyard.txt": VINEYARD, "depot.txt": DEPOT, "quarry.txt": QUARRY})
    return Engine.open(folder)


def test_the_figure_beside_the_words_asked_comes_first(engine: Engine) -> None:
    """ "produce" and "wine" are in the detail sentence only; the lead names the estate and a price."""
    answer = engine.ask("How much wine did the Rosslare Vineyards estate produce?")
    assert answer.answered, answer.message
    assert "40,000 cases of wine" in answer.quotes[0].text, [q.text for q in answer.quotes]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The lead holds the figure asked and the words beside it: it stays first.
        ("How much did Ardmore Wines pay for the Rosslare Vineyards estate?", "12 mln dlrs"),
        ("How many jobs will Tarnby Freight create?", "creating 200 jobs"),
    ],
)
def test_a_lead_holding_the_figure_asked_stays_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]
