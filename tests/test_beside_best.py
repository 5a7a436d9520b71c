"""The ranker is told where a sentence lies from its article's best-matching one (issue 9): a story
states the event in the question's words and its cause or its agent in the next sentence, in words
of its own. Real corpus folders on disk, the real index, the real featurizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.features import FEATURES
from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

TRACTORS = (
    "Brandt Cuts Tractor Prices\n"
    "Brandt Machinery Co said it cut the list prices of its farm tractors by 6 pct on Monday.\n"
    "Rival dealers across the region have been offering steep discounts to win orders from growers.\n"
    "The new prices apply to orders placed after April 1.\n"
    "Brandt shares closed 20 cents higher.\n"
)
ADVISER = (
    "Corwen Publishing Weighs Offers\n"
    "Corwen Publishing Inc said its board decided to take no action on two takeover offers it received.\n"
    "Hollis Grant and Co has been retained to advise on the alternatives, the company added.\n"
    "Corwen shares rose 2 dlrs.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("beside-best") / "corpus"
    return Engine.open(
        write_stories(folder, {"tractors.txt": TRACTORS, "adviser.txt": ADVISER} | filler_stories())
    )


_NAMES = ("after_best", "before_best", "after_best_kind", "after_kindless_best")


def _rows(engine: Engine, question: str) -> dict[str, dict[str, float]]:
    """Each candidate's first five words, with the place features of its row."""
    query = parse_query(engine.index, question, Steer())
    rows, ranked = engine._answerer.rank(query)
    return {
        " ".join(s.text.split()[:5]): {n: float(row[FEATURES.index(n)]) for n in _NAMES}
        for row, s in zip(rows, ranked, strict=True)
    }


def test_the_sentence_after_the_event_is_marked_as_after_an_event_that_gives_no_reason(
    engine: Engine,
) -> None:
    rows = _rows(engine, "Why did Brandt Machinery cut the prices of its tractors?")
    lead, cause, later = (
        "Brandt Machinery Co said it",
        "Rival dealers across the region",
        "The new prices apply to",
    )
    assert rows[cause]["after_best"] == 1.0, rows
    assert rows[cause]["after_kindless_best"] == 1.0, rows
    assert rows[lead] == dict.fromkeys(rows[lead], 0.0), rows
    assert rows[later]["after_best"] == 0.0, rows


def test_a_person_or_body_after_the_event_is_marked_as_offering_the_kind_asked(engine: Engine) -> None:
    rows = _rows(engine, "Which firm is advising Corwen Publishing after the takeover offers?")
    adviser = "Hollis Grant and Co has"
    assert rows[adviser]["after_best"] == 1.0, rows
    assert rows[adviser]["after_best_kind"] == 1.0, rows


def test_the_sentence_before_the_best_matching_one_is_marked_so(engine: Engine) -> None:
    rows = _rows(engine, "Which orders do Brandt's new tractor prices apply to?")
    before = "Rival dealers across the region"
    assert rows[before]["before_best"] == 1.0, rows
    assert rows[before]["after_best"] == 0.0, rows
