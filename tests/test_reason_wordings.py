"""A why-question is answered by the sentence stating the cause however the story words it (issue 9):
a connective with an adverb inside ("due mainly to"), a causal verb with its object between
("attributed the weak showing to"), a clause after "since" ("since the write-offs will deplete"), a
cause of death ("died of"). The lead restating the event comes after it. Real corpus folders on disk,
the real index, the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

# Each story opens with a lead repeating most words of its question; the cause comes later, worded
# the way wire stories word it.
BUDGET = (
    "Harlow Proposes Smaller 2026 Budget\n"
    "The Harlow district proposed a 2026 budget of 41.7 mln crowns, a 4.8 pct decrease from last "
    "year's budget, officials said.\n"
    "Treasurer Anna Berg told the district council last night the reduction was due mainly to a cut in "
    "road building allocations.\n"
    "The council will vote on the plan in March.\n"
)
TRADE = (
    "Westland March Trade Surplus Narrows\n"
    "Westland's trade surplus narrowed to 129 mln dlrs in March from 261 mln dlrs in February, the "
    "trade ministry said.\n"
    "At a news conference, trade director Paul Fendel attributed the weak showing in the March trade "
    "balance to dock strikes in the main ports.\n"
    "Exports totalled 1.4 billion dlrs.\n"
)
RESERVE = (
    "Lakeside Savings Adds to Loan Loss Reserve\n"
    "Lakeside Savings Bank said it has added 9.9 mln dlrs to its loan loss reserve for 2025.\n"
    "The bank said it took the step since the write-offs will sharply deplete its reserve for bad "
    "farm loans.\n"
    "Its shares closed unchanged.\n"
)
SENATOR = (
    "Farmers Lose Ally With Senator Dorran's Death\n"
    "With the death of Senator Mark Dorran, dairy farmers have lost an ally on the Senate farm "
    "committee, farm groups said.\n"
    "Dorran, who died of a stroke last Friday, chaired the committee's dairy panel.\n"
    "A successor will be named next month.\n"
)


def _corpus(folder: Path) -> Path:
    stories = {"budget.txt": BUDGET, "trade.txt": TRADE, "reserve.txt": RESERVE, "senator.txt": SENATOR}
    return write_stories(folder, stories | filler_stories())


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("reason-wordings") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Why is Harlow's proposed 2026 budget lower than last year's?", "due mainly to a cut"),
        ("Why was Westland's March trade surplus so small?", "attributed the weak showing"),
        ("Why did Lakeside Savings add 9.9 mln dlrs to its loan loss reserve?", "since the write-offs"),
        ("What caused the death of Senator Mark Dorran?", "died of a stroke"),
    ],
)
def test_the_sentence_stating_the_cause_comes_before_the_lead(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_question_not_asking_why_keeps_the_lead_first(engine: Engine) -> None:
    answer = engine.ask("How much did Lakeside Savings add to its loan loss reserve?")
    assert answer.answered, answer.message
    assert "9.9 mln dlrs" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_since_telling_when_is_no_cause(tmp_path: Path) -> None:
    """A clause in the past after "since" ("since the merger was completed") says since when: the lead
    stays first."""
    story = (
        "Corvan Output Climbs\n"
        "Corvan Mining raised copper output by 12 pct in 2025 at its Ridge mine, the company said.\n"
        "Output has climbed each year since the merger with Ridge Metals was completed in 2021.\n"
        "Corvan employs 3,000 people.\n"
    )
    folder = write_stories(tmp_path / "corpus", {"corvan.txt": story} | filler_stories())
    answer = Engine.open(folder).ask("Why did Corvan Mining raise copper output at its Ridge mine?")
    assert answer.answered, answer.message
    assert "raised copper output by 12 pct" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_prints_the_cause_first(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = ask_cli(folder, "--top", "1", "Why was Westland's March trade surplus so small?")
    assert result.returncode == 0, result.stderr
    assert "dock strikes" in result.stdout
