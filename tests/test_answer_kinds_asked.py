"""The kind of answer a question asks in other words than the article (issue 9): "on which days"
wants days of the calendar, not "four days of stoppages next month"; "what led X to" wants the
sentence that gives a cause ("in response to ..."), not one saying what is "due to be presented";
"the value of the orders" is answered by a number bound to the orders, not by "its 2025 orders";
"what did X suggest" about a topic is X's account of it, not X's quotation on something else with
the topic in the reporter's words around it. Real corpus folders on disk, the real index, the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import write_stories

NURSES = (
    "---\n"
    "title: Hospital nurses call stoppages over pay\n"
    "---\n\n"
    "Nurses at the Northgate General Hospital have called four days of stoppages next month in a "
    "dispute over this year's pay award, their union said.\n\n"
    "Union officials said the stoppages had been set for May 3, 9, 17 and 24.\n\n"
    "The nurses want a rise above the 3 pct offered by the hospital trust.\n"
)
FISHERIES = (
    "---\n"
    "title: Ministers back fisheries quota plan\n"
    "---\n\n"
    "Fisheries ministers backed a commission plan for the reform of northern cod quotas, which is due "
    "to be presented to the regional council later this month, officials said.\n\n"
    "The plan was drawn up by the commission in response to warnings from marine scientists that cod "
    "stocks could collapse within five years.\n\n"
    "Several coastal states still oppose cuts to their own catches.\n"
)
SHIPYARD = (
    "---\n"
    "title: Shipyard to raise its orders from abroad\n"
    "---\n\n"
    "Harwick Marine, the shipyard venture of Lund Steel and Ostra Holdings, said it will raise its 2025 "
    "orders of foreign steel to 90 mln dlrs from 60 mln dlrs last year.\n\n"
    "The company said foreign steel will make up about 40 pct of its total planned orders of 225 mln "
    "dlrs in 2025.\n\n"
    "Last year foreign steel made up 30 pct of the yard's orders.\n"
)
PIPELINE = (
    "---\n"
    "title: Storm-damaged gas line to reopen\n"
    "---\n\n"
    "The operator of a gas line shut by storm damage said repairs may take several days.\n\n"
    '"Right now we are gathering the crews and parts we need, to get the work done," Ruth Okafor said, '
    "adding that the timing of repairs will depend on the storm damage to the line along the coast.\n\n"
    "Okafor, a spokeswoman for Coastline Gas, said the line carried about 40 pct of the region's gas.\n\n"
    "Okafor said it was fair to suggest the line could run at full capacity when it reopens so as to "
    "make up for the shortfall, but said customers would be asked first.\n"
)


def _corpus(folder: Path) -> Path:
    return write_stories(
        folder,
        {
            "nurses.md": NURSES,
            "fisheries.md": FISHERIES,
            "shipyard.md": SHIPYARD,
            "pipeline.md": PIPELINE,
        },
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("kinds") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("On which days do the nurses plan to stop work?", "May 3, 9, 17 and 24"),
        ("What led the commission to prepare its cod quota plan?", "in response to warnings"),
        (
            "What is the overall value of the orders the Lund and Ostra shipyard venture means to place "
            "in 2025?",
            "total planned orders of 225 mln dlrs",
        ),
    ],
)
def test_the_kind_asked_in_other_words_comes_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_statement_on_the_topic_beats_a_quotation_beside_it(engine: Engine) -> None:
    answer = engine.ask(
        "What did Coastline Gas's Ruth Okafor suggest the line might do once back in service?"
    )
    assert answer.answered, answer.message
    assert "run at full capacity" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_prints_the_days_first(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
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
            "On which days do the nurses plan to stop work?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "May 3, 9, 17 and 24" in result.stdout
    assert "four days of stoppages" not in result.stdout
