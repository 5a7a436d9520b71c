""" "What did X say" answered with X's words, not a neighbour's (issue 9): a role asked with the words
that say which one ("a Halvorsen Securities broker") is the broker written with them, not "Brokers";
and where X, a person, speaks in an article, someone else's sentence repeating more of the question
is not X's answer. Stories written for these tests; real corpus folders, the real index and CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

MARKET = (
    "Seoul Stocks Close Higher\n"
    "Share prices rose in active trade on hopes of new steps to lift the economy, dealers said.\n"
    "The composite index climbed 12.4 points to 512.8.\n"
    "Brokers said a gathering of finance ministers in Paris next week is likely to push Korea to "
    "expand domestic demand and widen its budget.\n"
    "Steel, shipbuilding and textile shares gained.\n"
    "A Halvorsen Securities broker said the ministers would press Korea to lower tariffs on farm goods.\n"
    "Banking and insurance shares fell.\n"
)
FREIGHT = (
    "Rail Storage Charge Dispute Drags On\n"
    "Shippers along the northern line face higher costs after the railway added a storage charge on "
    "idle wagons, analysts said.\n"
    "Petra Lindgaard, transport analyst with Ostby Partners, said the railway's costs would rise "
    "little this summer.\n"
    "Grain shippers have refused to pay the railway's new storage charge, Marten Kolbeck, a freight "
    "broker, said.\n"
    "He said he expected the outcome of the storage charge dispute to be a ruling in court.\n"
    '"Both sides will settle in the end," Lindgaard said.\n'
)
FILLERS = (
    "Orchard Harvest Falls\nApple growers picked 8 pct fewer tonnes this autumn after a late frost.\n"
    "Cider makers expect to pay more for fruit.\n",
    "Ferry Line Adds Sailings\nThe island ferry will add two evening sailings from May.\n"
    "Tickets go on sale next week at the harbour office.\n",
    "Museum Reopens\nThe city museum reopened on Sunday after a two-year renovation.\n"
    "Visitors queued for an hour to see the new textile gallery.\n",
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for number, text in enumerate(FILLERS):
        (folder / f"filler{number}.txt").write_text(text, encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    (folder / "freight.txt").write_text(FREIGHT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("whose") / "corpus"))


def test_the_broker_asked_by_firm_is_the_one_written_with_it(engine: Engine) -> None:
    answer = engine.ask(
        "According to a Halvorsen Securities broker, what would the Paris meeting of finance "
        "ministers push Korea to do?"
    )
    assert answer.answered, answer.message
    assert answer.quotes[0].text.startswith("A Halvorsen Securities broker said"), [
        q.text for q in answer.quotes
    ]


def test_the_analysts_words_come_before_the_brokers_on_her_topic(engine: Engine) -> None:
    answer = engine.ask(
        "What did analyst Petra Lindgaard expect the outcome of the storage charge dispute to be?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "Both sides will settle" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "Petra Lindgaard"


def test_the_command_line_quotes_the_broker_asked(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    question = (
        "What did a Halvorsen Securities broker say the Paris meeting of finance ministers would push "
        "Korea to do?"
    )
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--corpus", str(folder), "--top", "1", question],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "lower tariffs on farm goods" in result.stdout
